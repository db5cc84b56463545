/// The rows every agreement format shows, computed once from a result, so the formats differ only
/// in layout.
struct AgreementRows {
    /// One line of a table: a label, the items both rated, and agreement.
    struct Line {
        var label: String
        var title: String
        var count: Int
        var percent: String
        var kappa: String
        var standardError: String
        var reading: String
    }

    static func line(_ label: String, _ title: String, _ agreement: Agreement) -> Line {
        Line(label: label, title: title, count: agreement.count, percent: Percent.text(agreement.observed),
             kappa: agreement.kappa.map(number) ?? "–", standardError: agreement.standardError.map(number) ?? "–",
             reading: agreement.kappa.map { KappaReading($0).rawValue } ?? (agreement.count == 0 ? "" : "kappa undefined: one category only"))
    }

    /// Kappa and its standard error, at two decimals.
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded(.toNearestOrAwayFromZero))
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        return sign + "\(magnitude / 100)." + (magnitude % 100 < 10 ? "0" : "") + "\(magnitude % 100)"
    }

    static func applicabilityWords(_ kind: ResultKind) -> String {
        switch kind {
        case .notApplicable: return "does not apply"
        case .undetermined: return "undetermined"
        default: return "applies"
        }
    }
}
