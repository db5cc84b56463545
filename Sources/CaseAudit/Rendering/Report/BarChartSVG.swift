/// A horizontal (stacked) bar chart as inline SVG, like the published reports' "Data Summary"
/// charts: a wrapped label left of each bar, counts inside the segments that are wide enough, a note
/// right of the bar (e.g. the score and base), a "Number of cases" axis. Styles are CSS classes of
/// the report's stylesheet; segments differ in fill and outline (not only in hue) and always keep
/// the order of the legend. A chart taller than fits on an A4 page is split into several SVGs.
struct BarChartSVG {
    /// One part of a bar.
    struct Segment {
        var value: Int
        /// The CSS class of the segment (see ``ReportStyle``).
        var style: String
        /// True for dark fills, which take a light count label.
        var dark: Bool
        /// The `data-field` of its count label; nil when the note beside the bar gives the count.
        var field: String?
    }

    /// A piece of the note right of a bar; `field` marks a figure.
    struct NotePart {
        var text: String
        var field: String?
    }

    struct Bar {
        var label: String
        var segments: [Segment]
        var note: [NotePart]
        /// `data-figure` of the bar's group (see ``ReportHTML``).
        var figure: String
        var group: String?

        var total: Int { segments.reduce(0) { $0 + $1.value } }
    }

    /// Where the columns of a chart are, in SVG units (CSS pixels at full size).
    struct Layout {
        var width: Double
        var labelRight: Double
        var barX: Double
        var barWidth: Double
        var noteX: Double
        /// Characters per label line, for a 12px sans-serif font up to DejaVu Sans's width.
        var labelColumns: Int

        /// The full text width: long question labels.
        static let wide = Layout(width: 760, labelRight: 296, barX: 308, barWidth: 340, noteX: 656, labelColumns: 40)
        /// Half the width, beside its table: short value labels.
        static let narrow = Layout(width: 450, labelRight: 166, barX: 176, barWidth: 190, noteX: 374, labelColumns: 22)
    }

    var title: String
    var bars: [Bar]
    var layout = Layout.wide
    var axisTitle = "Number of cases"

    static let lineHeight = 14.0
    static let barHeight = 18.0
    static let maxLabelLines = 3
    static let top = 6.0
    static let axisSpace = 42.0
    /// The tallest chart, in CSS pixels at full width: scaled to an A4 text column it takes at most
    /// about two thirds of a page, so a page break wastes little space.
    static let maxHeight = 620.0

    /// The chart as one or more SVG elements: as few as keep each under ``maxHeight``, with the
    /// bars shared out evenly between them.
    func svgs() -> [String] {
        let axis = Axis(maximum: bars.map(\.total).max() ?? 0)
        let rows = bars.map { ($0, Self.wrap($0.label, columns: layout.labelColumns)) }
        let heights = rows.map { Self.rowHeight($0.1.count) }
        let room = Self.maxHeight - Self.top - Self.axisSpace
        let parts = max(1, Int((heights.reduce(0, +) / room).rounded(.up)))
        let target = heights.reduce(0, +) / Double(parts)
        var pages: [[(Bar, [String])]] = [[]]
        var height = 0.0
        for (row, rowHeight) in zip(rows, heights) {
            if let last = pages.last, !last.isEmpty, height + rowHeight > room || (height + rowHeight / 2 > target && pages.count < parts) {
                pages.append([])
                height = 0
            }
            pages[pages.count - 1].append(row)
            height += rowHeight
        }
        return pages.enumerated().map { number, rows in
            let part = pages.count > 1 ? " (part \(number + 1) of \(pages.count))" : ""
            return svg(rows, axis: axis, label: title + part)
        }
    }

    private func svg(_ rows: [(Bar, [String])], axis: Axis, label: String) -> String {
        let plotHeight = rows.reduce(0) { $0 + Self.rowHeight($1.1.count) }
        let height = Self.top + plotHeight + Self.axisSpace
        var out = "<svg class=\"chart\" viewBox=\"0 0 \(Self.number(layout.width)) \(Self.number(height))\" role=\"img\" "
            + "aria-label=\"\(HTMLText.escape(label + ". The figures are in the table that follows."))\">\n"
        let plotBottom = Self.top + plotHeight
        for tick in axis.ticks {
            let x = layout.barX + layout.barWidth * Double(tick) / Double(axis.maximum)
            out += "<line class=\"grid\" x1=\"\(Self.number(x))\" y1=\"\(Self.number(Self.top))\" x2=\"\(Self.number(x))\" "
                + "y2=\"\(Self.number(plotBottom))\"/>"
            out += "<text class=\"tick\" x=\"\(Self.number(x))\" y=\"\(Self.number(plotBottom + 14))\">\(tick)</text>\n"
        }
        var y = Self.top
        for (bar, lines) in rows {
            let rowHeight = Self.rowHeight(lines.count)
            out += bar.svg(lines: lines, top: y, height: rowHeight, axis: axis, layout: layout)
            y += rowHeight
        }
        out += "<line class=\"axis\" x1=\"\(Self.number(layout.barX))\" y1=\"\(Self.number(plotBottom))\" "
            + "x2=\"\(Self.number(layout.barX + layout.barWidth))\" y2=\"\(Self.number(plotBottom))\"/>\n"
        out += "<text class=\"axis-title\" x=\"\(Self.number(layout.barX + layout.barWidth / 2))\" "
            + "y=\"\(Self.number(plotBottom + 34))\">\(HTMLText.escape(axisTitle))</text>\n"
        return out + "</svg>\n"
    }

    static func rowHeight(_ lines: Int) -> Double { max(28, Double(lines) * lineHeight + 10) }

    /// The label in lines of at most `columns` characters, broken at spaces; a word longer than a
    /// line is cut, and text beyond ``maxLabelLines`` lines ends in "…".
    static func wrap(_ text: String, columns labelColumns: Int = Layout.wide.labelColumns) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            var word = String(word)
            while word.count > labelColumns {
                if !line.isEmpty { lines.append(line) }
                lines.append(String(word.prefix(labelColumns)))
                line = ""
                word = String(word.dropFirst(labelColumns))
            }
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= labelColumns {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        guard lines.count > maxLabelLines else { return lines }
        var kept = Array(lines.prefix(maxLabelLines))
        kept[maxLabelLines - 1] = String(kept[maxLabelLines - 1].prefix(labelColumns - 1)) + "…"
        return kept
    }

    /// A coordinate with at most one decimal, the same on every platform.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded(.toNearestOrAwayFromZero))
        let sign = tenths < 0 ? "-" : ""
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    /// A legend as HTML: a swatch of each style with its text, in bar order.
    static func legend(_ items: [(style: String, text: String)]) -> String {
        var out = "<ul class=\"legend\">"
        for item in items {
            out += "<li><svg class=\"swatch\" viewBox=\"0 0 14 14\" aria-hidden=\"true\"><rect class=\"\(item.style)\" "
                + "x=\"0.5\" y=\"0.5\" width=\"13\" height=\"13\"/></svg> \(HTMLText.escape(item.text))</li>"
        }
        return out + "</ul>\n"
    }

    /// A small bar showing a score out of 100%, for a table cell beside the number (decorative).
    static func meter(_ score: Double?) -> String {
        let width = 120.0
        let filled = (score ?? 0) * width
        return "<svg class=\"meter\" viewBox=\"0 0 \(number(width)) 12\" aria-hidden=\"true\">"
            + "<rect class=\"meter-track\" x=\"0.5\" y=\"0.5\" width=\"\(number(width - 1))\" height=\"11\"/>"
            + "<rect class=\"yes\" x=\"0.5\" y=\"0.5\" width=\"\(number(max(0, filled - 1)))\" height=\"11\"/></svg>"
    }
}

/// The count axis: a round maximum and ticks at a round step.
struct Axis {
    var maximum: Int
    var step: Int

    init(maximum value: Int) {
        let steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000]
        var step = steps.first { value <= $0 * 6 } ?? 10000
        while value > step * 6 { step *= 10 }
        self.step = step
        maximum = max(step, (value + step - 1) / step * step)
    }

    var ticks: [Int] { Array(stride(from: 0, through: maximum, by: step)) }
}

extension BarChartSVG.Bar {
    /// The row: label lines, segments with their counts, the note.
    fileprivate func svg(lines: [String], top: Double, height: Double, axis: Axis, layout: BarChartSVG.Layout) -> String {
        typealias Chart = BarChartSVG
        let middle = top + height / 2
        var out = "<g data-figure=\"\(HTMLText.escape(figure))\""
            + (group.map { " data-group=\"\(HTMLText.escape($0))\"" } ?? "") + ">"
        let firstBaseline = middle - Double(lines.count - 1) * Chart.lineHeight / 2 + 4
        out += "<text class=\"label\" x=\"\(Chart.number(layout.labelRight))\" y=\"\(Chart.number(firstBaseline))\">"
        for (index, line) in lines.enumerated() {
            let dy = index == 0 ? "" : " dy=\"\(Chart.number(Chart.lineHeight))\""
            out += "<tspan x=\"\(Chart.number(layout.labelRight))\"\(dy)>\(HTMLText.escape(line))</tspan>"
        }
        out += "</text>"
        let barTop = middle - Chart.barHeight / 2
        var x = layout.barX
        for segment in segments where segment.value > 0 {
            let width = layout.barWidth * Double(segment.value) / Double(axis.maximum)
            out += "<rect class=\"\(segment.style)\" x=\"\(Chart.number(x))\" y=\"\(Chart.number(barTop))\" "
                + "width=\"\(Chart.number(width))\" height=\"\(Chart.number(Chart.barHeight))\"/>"
            let digits = Double(String(segment.value).count)
            if let field = segment.field, width >= digits * 7 + 6 {
                out += "<text class=\"\(segment.dark ? "count-dark" : "count")\" x=\"\(Chart.number(x + width / 2))\" "
                    + "y=\"\(Chart.number(middle + 4))\" data-field=\"\(HTMLText.escape(field))\">\(segment.value)</text>"
            }
            x += width
        }
        out += "<text class=\"note\" x=\"\(Chart.number(layout.noteX))\" y=\"\(Chart.number(middle + 4))\">"
        for part in note {
            if let field = part.field {
                out += "<tspan data-field=\"\(HTMLText.escape(field))\">\(HTMLText.escape(part.text))</tspan>"
            } else {
                out += HTMLText.escape(part.text)
            }
        }
        return out + "</text></g>\n"
    }
}
