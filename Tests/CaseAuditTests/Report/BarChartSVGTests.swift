import Foundation
import Testing
@testable import CaseAudit

/// The SVG bar chart: wrapped labels, a round axis, bars to scale, splitting to fit a page, escaping.
@Suite("Bar charts")
struct BarChartSVGTests {
    @Test("labels wrap at spaces within the column, three lines at most")
    func wrap() {
        #expect(BarChartSVG.wrap("Short label") == ["Short label"])
        let long = BarChartSVG.wrap(String(repeating: "Based on children's social care checks. ", count: 5))
        #expect(long.count == 3)
        #expect(long.allSatisfy { $0.count <= BarChartSVG.Layout.wide.labelColumns })
        #expect(long[2].hasSuffix("…"))
        #expect(BarChartSVG.wrap(String(repeating: "x", count: 50)) == [String(repeating: "x", count: 40), String(repeating: "x", count: 10)])
        #expect(BarChartSVG.wrap("") == [""])
    }

    @Test("the axis ends on a round number at or above the longest bar", arguments: [
        (0, 1, 1), (3, 3, 1), (15, 15, 5), (26, 30, 5), (49, 50, 10), (197, 200, 50), (1315, 1500, 250),
    ])
    func axis(longest: Int, maximum: Int, step: Int) {
        let axis = Axis(maximum: longest)
        #expect(axis.maximum == maximum)
        #expect(axis.step == step)
        #expect(axis.ticks.first == 0 && axis.ticks.last == maximum)
    }

    @Test("segments to scale, counts where they fit, the note beside the bar")
    func bar() {
        let chart = BarChartSVG(title: "T", bars: [
            .init(label: "Q <one>", segments: [.init(value: 30, style: "yes", dark: true, field: "sufficient"),
                                               .init(value: 1, style: "no", dark: false, field: "insufficient")],
                  note: [.init(text: "96.8%", field: "score"), .init(text: " of ", field: nil), .init(text: "31", field: "base")],
                  figure: "question:q1"),
        ])
        let svgs = chart.svgs()
        #expect(svgs.count == 1)
        let svg = svgs[0]
        // Axis 0…40 (step 10): 30 of 40 over 340 units is 255; 1 is 8.5, too narrow for its count.
        #expect(svg.contains("<rect class=\"yes\" x=\"308\" y=\"11\" width=\"255\" height=\"18\"/>"))
        #expect(svg.contains("<rect class=\"no\" x=\"563\" y=\"11\" width=\"8.5\" height=\"18\"/>"))
        #expect(svg.contains("data-field=\"sufficient\">30</text>"))
        #expect(!svg.contains("data-field=\"insufficient\""))
        #expect(svg.contains("<tspan data-field=\"score\">96.8%</tspan> of <tspan data-field=\"base\">31</tspan>"))
        #expect(svg.contains("Q &lt;one&gt;"))
        #expect(HTMLDocument(svg).problems.isEmpty)
    }

    @Test("a long chart is split evenly into parts that each fit a page")
    func split() {
        let bars = (1...100).map { number in
            BarChartSVG.Bar(label: "Question \(number)", segments: [.init(value: number, style: "yes", dark: true, field: "sufficient")],
                            note: [], figure: "question:q\(number)")
        }
        let svgs = BarChartSVG(title: "Many", bars: bars).svgs()
        #expect(svgs.count == 5)
        let counts = svgs.map { $0.components(separatedBy: "<g data-figure=").count - 1 }
        #expect(counts.reduce(0, +) == 100)
        #expect((counts.max() ?? 0) - (counts.min() ?? 0) <= 1)
        #expect(svgs[0].contains("aria-label=\"Many (part 1 of 5)."))
        for svg in svgs {
            let document = HTMLDocument(svg)
            let box = document.elements.first?.attributes["viewbox"]?.split(separator: " ").compactMap { Double($0) } ?? []
            #expect(box.count == 4 && box[3] <= BarChartSVG.maxHeight)
            // One scale across the parts: the axis of every part ends at 100.
            #expect(svg.contains(">100</text>"))
        }
    }

    @Test("escaping for text and ids")
    func escaping() {
        #expect(HTMLText.escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
        #expect(HTMLText.id("criterion-", "1.1") == "criterion-1_2e1")
        #expect(HTMLText.id("c-", "a b") != HTMLText.id("c-", "a_b"))
    }

    @Test("a for_each question counts instances: its own chart and axis, not the cases' (York 3.3)")
    func instancesApart() throws {
        let (set, stream) = try ReportFixtures.york()
        let html = try ReportFixtures.render(stream, ReportFixtures.options(set)).text
        let charts = html.matches(of: /<svg class="chart"[^>]*aria-label="3\.3 [^"]*"[\s\S]*?<\/svg>/).map { String($0.output) }
        let instances = charts.filter { $0.contains("question:progress.factor_sufficient") }
        let cases = charts.filter { $0.contains("question:progress.recorded") }
        try #require(instances.count == 1 && cases.count == 1)
        // The factor question alone, 89 sufficient of 197 instances, on an axis to 200 labelled for instances.
        #expect(instances[0].contains("aria-label=\"3.3 Likelihood of reoffending is reduced: sufficient and insufficient answers, per element of offending-related factors identified by the inspector."))
        #expect(instances[0].contains(">Number of instances (a case once per element)</text>"))
        #expect(instances[0].contains(">200</text>"))
        #expect(!instances[0].contains("question:progress.recorded"))
        // The per-case questions: bases of at most 49 cases, on a "Number of cases" axis to 50.
        #expect(cases[0].contains(">Number of cases</text>") && cases[0].contains(">50</text>"))
        #expect(!cases[0].contains(">200</text>") && !cases[0].contains("question:progress.factor_sufficient"))
        #expect(html.contains("<figcaption>3.3: answers given for each of a case's offending-related factors identified by the inspector, judged sufficient (Yes) and not (No), with the score and its base in instances</figcaption>"))
    }
}
