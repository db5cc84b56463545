#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A sample proportion p̂ over n observations, with the statistics a trend needs (docs/history.md).
public struct Proportion: Sendable, Equatable {
    /// p̂, between 0 and 1.
    public var value: Double
    /// The number of observations the proportion is taken over (may be an effective number).
    public var n: Int

    /// The normal quantile of a two-sided 95 % interval and test.
    public static let z95 = 1.959963984540054

    public init(value: Double, n: Int) {
        self.value = value
        self.n = n
    }

    /// The 95 % Wilson score interval: (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) ÷ (1 + z²/n).
    /// Unlike p̂ ± 1.96·SE it stays within 0…1 and keeps its coverage at small n and at 0 % or 100 %.
    /// Nil when n is 0.
    public var wilson95: (low: Double, high: Double)? {
        guard n > 0 else { return nil }
        let z = Self.z95
        let n = Double(self.n)
        let centre = value + z * z / (2 * n)
        let spread = z * sqrt(value * (1 - value) / n + z * z / (4 * n * n))
        let scale = 1 + z * z / n
        return (max(0, (centre - spread) / scale), min(1, (centre + spread) / scale))
    }

    /// The two-proportion z statistic of `later` against `earlier`, with the pooled standard error:
    /// z = (p̂₂ − p̂₁) ÷ √(p̄(1−p̄)(1/n₁ + 1/n₂)), p̄ = (n₁p̂₁ + n₂p̂₂) ÷ (n₁ + n₂). Nil when either n is 0;
    /// 0 when both proportions are 0 % or both 100 % (no spread: no evidence of change).
    public static func zStatistic(_ earlier: Proportion, _ later: Proportion) -> Double? {
        guard earlier.n > 0, later.n > 0 else { return nil }
        let n1 = Double(earlier.n)
        let n2 = Double(later.n)
        let pooled = (earlier.value * n1 + later.value * n2) / (n1 + n2)
        let variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
        guard variance > 0 else { return 0 }
        return (later.value - earlier.value) / sqrt(variance)
    }
}
