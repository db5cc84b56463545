/// How scores are written: a percentage with one decimal, "–" for no score.
public enum Percent {
    /// `0.7826…` → `78.3%`; nil → `–`.
    public static func text(_ score: Double?) -> String {
        guard let score else { return "–" }
        return number(score) + "%"
    }

    /// `0.7826…` → `78.3` (rounded half away from zero, so output never depends on the platform's printf).
    public static func number(_ score: Double) -> String {
        let tenths = tenths(score)
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The percentage as a JSON number with one decimal, or nil.
    public static func value(_ score: Double?) -> Double? {
        score.map { Double(tenths($0)) / 10 }
    }

    /// A score (0…1) in tenths of a percent, rounded half away from zero. A mean of fractions
    /// carries floating-point error (0.6 and 0.7 average to 0.6499999…); the 10⁻⁹ nudge makes such a
    /// tie round as the exact fraction would, so 201/400 is 50.3 and (3/5 + 7/10)/2 is 65.0.
    public static func tenths(_ score: Double) -> Int {
        Int((score * 1000 + (score < 0 ? -1e-9 : 1e-9)).rounded(.toNearestOrAwayFromZero))
    }
}
