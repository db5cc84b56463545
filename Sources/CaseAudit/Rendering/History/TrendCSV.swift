/// `caseaudit history trend --format csv`: one row per trend and round.
public enum TrendCSV {
    public static func render(_ report: TrendReport) -> String {
        var out = "\u{FEFF}" + CSVWriter.row([
            "level", "id", "fact", "value", "round", "date", "set_id", "set_version", "set_sha256", "score", "small_base",
            "sufficient", "answers", "cases", "proportion", "n", "interval_low", "interval_high", "change", "z", "verdict",
            "comparable", "set_changes",
        ])
        for trend in report.trends {
            for point in trend.points {
                let figure = point.figure
                out += CSVWriter.row([
                    trend.subject.level, trend.subject.id, trend.group?.fact ?? "", trend.group?.value ?? "",
                    point.round.label, point.round.date?.description ?? "", point.round.setID, point.round.setVersion,
                    point.round.setHash, number(figure?.score), figure.map { $0.smallBase ? "true" : "false" } ?? "",
                    figure.map { String($0.sufficient) } ?? "", figure.map { String($0.answers) } ?? "",
                    figure.map { String($0.cases) } ?? "", number(point.proportion?.value), point.proportion.map { String($0.n) } ?? "",
                    number(point.interval?.low), number(point.interval?.high), number(point.change),
                    point.z.map { TrendJSON.rounded($0, places: 3) }.map { "\($0)" } ?? "", point.verdict?.rawValue ?? "",
                    point.comparable ? "true" : "false", point.setChanges.joined(separator: " "),
                ])
            }
        }
        return out
    }

    /// A proportion as a percentage with one decimal, or empty.
    private static func number(_ value: Double?) -> String {
        value.map { Percent.number($0) } ?? ""
    }
}
