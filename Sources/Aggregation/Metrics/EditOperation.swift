/// One edit that turns a reference token sequence into a hypothesis sequence, as rapidfuzz's
/// `Levenshtein.editops` reports it: matches are not listed.
package struct EditOperation: Sendable, Hashable {
    package enum Kind: UInt8, Sendable {
        case substitute
        case insert
        case delete
    }

    package var kind: Kind
    /// Index into the reference (for an insertion: the reference position it is inserted before).
    package var sourceIndex: Int32
    /// Index into the hypothesis (for a deletion: the hypothesis position it happens before).
    package var destinationIndex: Int32

    package init(_ kind: Kind, _ sourceIndex: Int, _ destinationIndex: Int) {
        self.kind = kind
        self.sourceIndex = Int32(truncatingIfNeeded: sourceIndex)
        self.destinationIndex = Int32(truncatingIfNeeded: destinationIndex)
    }
}
