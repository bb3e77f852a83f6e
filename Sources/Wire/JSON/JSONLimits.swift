/// Bounds the parser enforces; going past one is a `JSONError` (`depth_exceeded`, `input_too_large`).
public struct JSONLimits: Sendable, Hashable {
    /// Deepest nesting of arrays and objects; the top-level array or object is depth 1.
    /// At most `depthMaxCeiling` (the parser recurses once per level).
    public var depthMax: Int = 128
    /// Largest input accepted, in bytes (8 MiB, the protocol's default message size).
    public var bytesMax: Int = 8_388_608

    /// The largest `depthMax` the parser accepts: deep enough for any protocol message, shallow
    /// enough for the stack of a Swift concurrency thread.
    public static let depthMaxCeiling = 512

    public init() {}

    public static let `default` = JSONLimits()
}
