/// The allocation-free form of `FrameEvent` that `LineFramer.append(_:_:)` passes to its closure.
/// The line's bytes are only valid during that call.
public enum FrameView {
    case line(UnsafeRawBufferPointer)
    case oversized(byteCount: Int)

    /// A copy that outlives the call.
    public var event: FrameEvent {
        switch self {
        case .line(let bytes): .line(Array(bytes))
        case .oversized(let byteCount): .oversized(byteCount: byteCount)
        }
    }
}
