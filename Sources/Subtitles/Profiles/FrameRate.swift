/// A frame rate as an exact fraction (24000/1001 for 23.976), so frame arithmetic is integer arithmetic.
public struct FrameRate: Sendable, Hashable, CustomStringConvertible {
    /// Frames per `denominator` seconds.
    public let numerator: Int
    public let denominator: Int

    /// `numerator`/`denominator` frames per second; both must be positive.
    public init(_ numerator: Int, per denominator: Int = 1) {
        precondition(numerator > 0 && denominator > 0, "frame rate \(numerator)/\(denominator)")
        self.numerator = numerator
        self.denominator = denominator
    }

    public static let fps24 = FrameRate(24)
    public static let fps25 = FrameRate(25)
    public static let fps30 = FrameRate(30)
    public static let fps23_976 = FrameRate(24_000, per: 1_001)
    public static let fps29_97 = FrameRate(30_000, per: 1_001)

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }

    /// Frames per second as a Double (for display).
    public var framesPerSecond: Double { Double(numerator) / Double(denominator) }

    /// The frame nearest to `ms` (halves round up): round(ms · num / (1000 · den)).
    public func frame(atMs ms: Int) -> Int {
        let scaled = ms * numerator
        let unit = 1_000 * denominator
        return Self.floorDivide(2 * scaled + unit, 2 * unit)
    }

    /// The millisecond nearest to the start of `frame` (halves round up).
    public func ms(atFrame frame: Int) -> Int {
        Self.floorDivide(2 * frame * 1_000 * denominator + numerator, 2 * numerator)
    }

    /// The fewest whole frames lasting at least `seconds` (1e-9 s of slack for decimal input).
    public func framesCovering(seconds: Double) -> Int {
        Int((seconds * Double(numerator) / Double(denominator) - 1e-9).rounded(.up))
    }

    /// The most whole frames lasting at most `seconds` (1e-9 s of slack for decimal input).
    public func framesWithin(seconds: Double) -> Int {
        Int((seconds * Double(numerator) / Double(denominator) + 1e-9).rounded(.down))
    }

    private static func floorDivide(_ a: Int, _ b: Int) -> Int {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }
}
