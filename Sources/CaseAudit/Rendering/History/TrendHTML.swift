/// `caseaudit history trend --format html`: one self-contained page (the report's stylesheet), a
/// chart and its table per trend.
public enum TrendHTML {
    public static func render(_ report: TrendReport) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Trends over audit rounds</title>\n"
        out += "<style>\n\(ReportStyle.css)\n</style>\n</head>\n<body>\n<div class=\"page\">\n<main>\n<h1>Trends over audit rounds</h1>\n"
        out += "<p class=\"note\">\(HTMLText.escape(TrendWords.method))</p>\n"
        if report.rounds.isEmpty { out += "<p>No rounds recorded.</p>\n" }
        for (number, trend) in report.trends.enumerated() {
            let tableID = "trend-table-\(number + 1)"
            out += "<section aria-labelledby=\"h-trend-\(number + 1)\">\n<h2 id=\"h-trend-\(number + 1)\">\(HTMLText.escape(TrendWords.heading(trend)))</h2>\n"
            out += "<figure aria-details=\"\(tableID)\">\n" + TrendChartSVG.svg(trend, title: TrendWords.heading(trend)) + "</figure>\n"
            out += "<div class=\"wide\"><table id=\"\(tableID)\">\n<caption>\(HTMLText.escape(TrendWords.heading(trend))): by round</caption>\n<thead><tr>"
            let table = TrendText.table(trend)
            for header in table.headers { out += "<th scope=\"col\">\(HTMLText.escape(header))</th>" }
            out += "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                out += "<tr><th scope=\"row\">\(HTMLText.escape(row[0]))</th>"
                    + row.dropFirst().map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>\n"
            }
            out += "</tbody>\n</table></div>\n"
            for note in TrendWords.notes(trend) { out += "<p class=\"note\">\(HTMLText.escape(note))</p>\n" }
            out += "</section>\n"
        }
        return out + "</main>\n</div>\n</body>\n</html>\n"
    }
}
