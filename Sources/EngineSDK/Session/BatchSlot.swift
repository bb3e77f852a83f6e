/// Where one batch element's reply goes.
struct BatchSlot: Sendable, Hashable {
    let batch: UInt64
    let index: Int
}
