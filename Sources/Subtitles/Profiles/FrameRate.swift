/// A frame rate as an exact fraction (24000/1001 for 23.976), so frame arithmetic is integer arithmetic.
public struct FrameRate: Sendable, Hashable, CustomStringConvertible {
    /// Frames per `denominator` seconds.
    public let numerator: Int
    public let denominator: Int

    /// `numerator`/`denominator` frames per second; both must be positive.
    public init(_ numerator: Int, per denominator: Int = 1) {
        precondition(numerator > 0 && denominator > 0 && denominator <= 1_000_000, "frame rate \(numerator)/\(denominator)")
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

    /// The frame nearest to `ms` (halves round up): round(ms · num / (1000 · den)). Negative times count as 0.
    /// Exact for any `Int` input (full-width intermediate products).
    public func frame(atMs ms: Int) -> Int {
        Self.roundedRatio(max(0, ms), times: numerator, over: 1_000 * denominator)
    }

    /// The millisecond nearest to the start of `frame` (halves round up). Negative frames count as 0.
    public func ms(atFrame frame: Int) -> Int {
        Self.roundedRatio(max(0, frame), times: 1_000 * denominator, over: numerator)
    }

    /// The fewest whole frames lasting at least `seconds` (1e-9 s of slack for decimal input).
    public func framesCovering(seconds: Double) -> Int {
        Int((seconds * Double(numerator) / Double(denominator) - 1e-9).rounded(.up))
    }

    /// The most whole frames lasting at most `seconds` (1e-9 s of slack for decimal input).
    public func framesWithin(seconds: Double) -> Int {
        Int((seconds * Double(numerator) / Double(denominator) + 1e-9).rounded(.down))
    }

    /// round(value · factor / divisor), halves up, for non-negative value and positive factor and divisor.
    private static func roundedRatio(_ value: Int, times factor: Int, over divisor: Int) -> Int {
        let product = value.multipliedFullWidth(by: factor)
        guard product.high < divisor else { return Int.max }
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        return remainder >= divisor - remainder ? quotient + 1 : quotient
    }
}
