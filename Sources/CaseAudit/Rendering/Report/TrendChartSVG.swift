/// A small line chart of one trend: each round's score (a dot), its 95 % interval (a whisker), a
/// line between rounds (dashed where the criteria set changed), 0–100 % on the vertical axis.
enum TrendChartSVG {
    static let width = 360.0
    static let height = 160.0
    private static let left = 40.0
    private static let right = 345.0
    private static let top = 24.0
    private static let bottom = 120.0

    static func svg(_ trend: Trend, title: String) -> String {
        let points = trend.points
        let label = "\(title): score in percent over \(points.count) rounds, with 95% intervals. The figures are in the table that follows."
        var out = "<svg class=\"chart trend\" viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" aria-label=\"\(HTMLText.escape(label))\">\n"
        out += "<text class=\"trend-title\" x=\"\(n(left))\" y=\"14\">\(HTMLText.escape(String(title.oneLine().prefix(48))))</text>\n"
        for tick in [0, 50, 100] {
            let y = self.y(Double(tick) / 100)
            out += "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(right))\" y2=\"\(n(y))\"/>"
            out += "<text class=\"tick\" x=\"\(n(left - 16))\" y=\"\(n(y + 4))\">\(tick)</text>\n"
        }
        let xs = points.indices.map { x($0, of: points.count) }
        var previous: (x: Double, y: Double)?
        for (index, point) in points.enumerated() {
            let x = xs[index]
            out += "<text class=\"tick\" x=\"\(n(x))\" y=\"\(n(bottom + 16))\">\(HTMLText.escape(String(point.round.label.oneLine().prefix(10))))</text>\n"
            guard let score = point.figure?.score else { previous = nil; continue }
            let y = self.y(score)
            if let previous {
                let changed = !point.comparable || !point.setChanges.isEmpty
                out += "<line class=\"trend-line\(changed ? " changed" : "")\" x1=\"\(n(previous.x))\" y1=\"\(n(previous.y))\" "
                    + "x2=\"\(n(x))\" y2=\"\(n(y))\"/>\n"
            }
            if let interval = point.interval {
                out += "<line class=\"trend-interval\" x1=\"\(n(x))\" y1=\"\(n(self.y(interval.low)))\" x2=\"\(n(x))\" y2=\"\(n(self.y(interval.high)))\"/>\n"
            }
            out += "<circle class=\"trend-point\" cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"3.5\"/>\n"
            previous = (x, y)
        }
        out += "<line class=\"axis\" x1=\"\(n(left))\" y1=\"\(n(bottom))\" x2=\"\(n(right))\" y2=\"\(n(bottom))\"/>\n"
        return out + "</svg>\n"
    }

    private static func x(_ index: Int, of count: Int) -> Double {
        guard count > 1 else { return (left + right) / 2 }
        let inset = 24.0
        return left + inset + (right - left - 2 * inset) * Double(index) / Double(count - 1)
    }

    private static func y(_ proportion: Double) -> Double { bottom - (bottom - top) * min(1, max(0, proportion)) }

    private static func n(_ value: Double) -> String { BarChartSVG.number(value) }
}
