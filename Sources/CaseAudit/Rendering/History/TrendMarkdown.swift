/// `caseaudit history trend --format markdown`.
public enum TrendMarkdown {
    public static func render(_ report: TrendReport) -> String {
        guard !report.rounds.isEmpty else { return "No rounds recorded.\n" }
        var out = "# Trends\n"
        for trend in report.trends {
            out += "\n## \(TrendWords.heading(trend).oneLine())\n\n" + ScoreMarkdown.table(TrendText.table(trend))
            let notes = TrendWords.notes(trend)
            if !notes.isEmpty { out += "\n" + notes.map { "- " + $0.oneLine() + "\n" }.joined() }
        }
        return out + "\n" + TrendWords.method + "\n"
    }
}
