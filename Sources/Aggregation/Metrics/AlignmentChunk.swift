/// A run of the alignment between one reference and one hypothesis sentence, as jiwer's
/// `AlignmentChunk` (rapidfuzz opcodes): ranges are token indices, end exclusive.
public struct AlignmentChunk: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case equal
        case substitute
        case insert
        case delete
    }

    public var kind: Kind
    public var referenceRange: Range<Int>
    public var hypothesisRange: Range<Int>

    public init(kind: Kind, referenceRange: Range<Int>, hypothesisRange: Range<Int>) {
        self.kind = kind
        self.referenceRange = referenceRange
        self.hypothesisRange = hypothesisRange
    }

    /// rapidfuzz's `Opcodes(Editops)`: equal runs fill the gaps; consecutive operations of one kind
    /// that continue each other merge into one chunk.
    static func chunks(
        _ operations: ArraySlice<EditOperation>, referenceCount: Int, hypothesisCount: Int,
        into result: inout [AlignmentChunk]
    ) {
        var source = 0
        var destination = 0
        var index = operations.startIndex
        while index < operations.endIndex {
            let first = operations[index]
            if source < Int(first.sourceIndex) || destination < Int(first.destinationIndex) {
                result.append(AlignmentChunk(
                    kind: .equal, referenceRange: source..<Int(first.sourceIndex),
                    hypothesisRange: destination..<Int(first.destinationIndex)))
                source = Int(first.sourceIndex)
                destination = Int(first.destinationIndex)
            }
            let sourceBegin = source
            let destinationBegin = destination
            repeat {
                switch first.kind {
                case .substitute: source += 1; destination += 1
                case .insert: destination += 1
                case .delete: source += 1
                }
                index += 1
            } while index < operations.endIndex && operations[index].kind == first.kind
                && Int(operations[index].sourceIndex) == source && Int(operations[index].destinationIndex) == destination
            let kind: Kind = switch first.kind {
            case .substitute: .substitute
            case .insert: .insert
            case .delete: .delete
            }
            result.append(AlignmentChunk(kind: kind, referenceRange: sourceBegin..<source, hypothesisRange: destinationBegin..<destination))
        }
        if source < referenceCount || destination < hypothesisCount {
            result.append(AlignmentChunk(
                kind: .equal, referenceRange: source..<referenceCount, hypothesisRange: destination..<hypothesisCount))
        }
    }
}
