/// How scores are written: a percentage with one decimal, "–" for no score.
public enum Percent {
    /// `0.7826…` → `78.3%`; nil → `–`.
    public static func text(_ score: Double?) -> String {
        guard let score else { return "–" }
        return number(score) + "%"
    }

    /// `0.7826…` → `78.3` (rounded half away from zero, so output never depends on the platform's printf).
    public static func number(_ score: Double) -> String {
        let tenths = Int((score * 1000).rounded(.toNearestOrAwayFromZero))
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// The percentage as a JSON number with one decimal, or nil.
    public static func value(_ score: Double?) -> Double? {
        score.map { (($0 * 1000).rounded(.toNearestOrAwayFromZero)) / 10 }
    }
}
