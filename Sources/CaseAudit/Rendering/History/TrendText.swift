/// `caseaudit history trend` for the terminal: one table per trend, notes under it.
public enum TrendText {
    public static func render(_ report: TrendReport) -> String {
        guard !report.rounds.isEmpty else { return "No rounds recorded.\n" }
        var out = ""
        for trend in report.trends {
            out += (out.isEmpty ? "" : "\n") + TrendWords.heading(trend) + "\n" + table(trend).render(indent: "  ")
            for note in TrendWords.notes(trend) { out += "  Note: \(note)\n" }
        }
        return out + "\n" + TrendWords.method + "\n"
    }

    /// Round, date, set, score, base, interval, change and verdict, one row per round.
    static func table(_ trend: Trend) -> TextTable {
        var table = TextTable(["Round", "Date", "Set", "Score", "Base", "95% interval", "n", "Change", "Verdict"],
                              alignments: [.left, .left, .left, .right, .right, .right, .right, .right, .left])
        for (number, point) in trend.points.enumerated() {
            table.add(cells(point, first: number == 0))
        }
        return table
    }

    static func cells(_ point: TrendPoint, first: Bool) -> [String] {
        [point.round.label.oneLine(), point.round.date?.description ?? "–", TrendWords.set(point.round),
         point.figure.map { ScoreText.score($0.score, $0.smallBase) } ?? "not recorded", point.figure.map { String($0.cases) } ?? "–",
         TrendWords.interval(point), point.proportion.map { String($0.n) } ?? "–", TrendWords.change(point),
         TrendWords.verdict(point, first: first)]
    }
}
