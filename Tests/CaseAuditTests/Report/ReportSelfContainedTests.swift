import Foundation
import Testing
@testable import CaseAudit

/// The HTML report is one file that opens on a locked-down machine: well formed, no script, nothing
/// fetched, every link in-page, a table behind every chart, a print stylesheet, headings in order.
@Suite("The HTML report is self-contained and well formed")
struct ReportSelfContainedTests {
    static func reports() throws -> [(String, String)] {
        let (yorkSet, york) = try ReportFixtures.york()
        let (miniSet, worked) = try ReportFixtures.worked()
        return [
            ("york", try ReportFixtures.render(york, ReportFixtures.options(
                yorkSet, by: ["gender", "psr_type"], gapsBy: "offender_manager", includeNotes: true, date: Day(iso: "2014-02-01"))).text),
            ("worked", try ReportFixtures.render(worked, ReportFixtures.options(miniSet, by: ["gender"], gapsBy: "offender_manager", includeNotes: true)).text),
            ("york with history", try ReportFixtures.render(york, ReportFixtures.options(
                yorkSet, date: Day(iso: "2014-02-01"), history: try ReportFixtures.yorkHistory())).text),
        ]
    }

    @Test("the checker finds what it is there to find")
    func checker() {
        #expect(HTMLDocument("<div><p>x</div></p>").problems.count >= 1)
        #expect(HTMLDocument("<div><span>x</span>").problems == ["<div> is never closed"])
        #expect(HTMLDocument("</p>").problems == ["</p> with no element open"])
        #expect(HTMLDocument("<p a=\"1\" a=\"2\">x</p>").problems == ["duplicate attribute a in <p>"])
        #expect(HTMLDocument("<p>&nbsp;</p>").problems == ["unknown character reference &nbsp;"])
        #expect(HTMLDocument("<p>1 < 2</p>").problems == ["stray < before ' '"])
        #expect(HTMLDocument("<div/>").problems == ["self-closing <div/> outside SVG"])
        let fine = HTMLDocument("<!DOCTYPE html><html lang=\"en\"><body><svg><rect x=\"1\"/></svg><p>a &amp; b<br></p></body></html>")
        #expect(fine.problems.isEmpty)
        #expect(fine.doctype)
        #expect(fine.elements.first { $0.name == "p" }?.text == "a & b")
    }

    @Test("well formed: every element closed in order, known references, unique ids")
    func wellFormed() throws {
        for (name, text) in try Self.reports() {
            let document = HTMLDocument(text)
            #expect(document.problems.isEmpty, "\(name): \(document.problems.prefix(5))")
            #expect(document.doctype, "\(name)")
            let ids = document.elements.compactMap { $0.attributes["id"] }
            #expect(Set(ids).count == ids.count, "\(name): duplicate ids")
            #expect(ids.allSatisfy { !$0.isEmpty && !$0.contains(" ") }, "\(name)")
        }
    }

    @Test("no script, no external reference of any kind")
    func selfContained() throws {
        for (name, text) in try Self.reports() {
            let lowered = text.lowercased()
            for forbidden in ["<script", "src=", "url(", "@import", "http:", "https:", "<link", "<img", "<iframe", "<object",
                              "<embed", "xlink:href", "javascript:", " on" + "load=", " onclick="] {
                #expect(!lowered.contains(forbidden), "\(name) contains \(forbidden)")
            }
            let document = HTMLDocument(text)
            let ids = Set(document.elements.compactMap { $0.attributes["id"] })
            let links = document.elements.compactMap { $0.attributes["href"] }
            #expect(!links.isEmpty, "\(name): the contents links")
            for link in links {
                #expect(link.hasPrefix("#") && ids.contains(String(link.dropFirst())), "\(name): href \(link)")
            }
            for element in document.elements {
                #expect(!element.attributes.keys.contains { $0.hasPrefix("on") }, "\(name): event handler on <\(element.name)>")
            }
        }
    }

    @Test("a table behind every chart; decorative SVG hidden from screen readers")
    func tablesBehindCharts() throws {
        for (name, text) in try Self.reports() {
            let document = HTMLDocument(text)
            let tables = Set(document.elements.filter { $0.name == "table" }.compactMap { $0.attributes["id"] })
            let svgs = document.elements.filter { $0.name == "svg" }
            let charts = svgs.filter { $0.attributes["role"] == "img" }
            #expect(charts.count > 5, "\(name)")
            for chart in charts {
                #expect(chart.attributes["aria-label"]?.isEmpty == false, "\(name)")
                let figure = try #require(chart.ancestors.first { $0.name == "figure" }, "\(name): chart outside a figure")
                let table = try #require(figure.attributes["aria-details"], "\(name): figure without its table")
                #expect(tables.contains(table), "\(name): no table \(table)")
            }
            for svg in svgs where svg.attributes["role"] != "img" {
                #expect(svg.attributes["aria-hidden"] == "true", "\(name): an unlabelled SVG")
            }
            #expect(!text.contains("xmlns=\"http"), "\(name)")
        }
    }

    @Test("language, one h1, headings never skip a level, table headers scoped")
    func structure() throws {
        for (name, text) in try Self.reports() {
            let document = HTMLDocument(text)
            let html = try #require(document.elements.first { $0.name == "html" })
            #expect(html.attributes["lang"] == "en-GB", "\(name)")
            #expect(document.elements.first { $0.name == "title" }?.text.isEmpty == false, "\(name)")
            let levels = document.elements.compactMap { element -> Int? in
                guard element.name.count == 2, element.name.hasPrefix("h"), let level = Int(element.name.dropFirst()) else { return nil }
                return level
            }
            #expect(levels.first == 1 && levels.filter { $0 == 1 }.count == 1, "\(name)")
            for (previous, next) in zip(levels, levels.dropFirst()) {
                #expect(next <= previous + 1, "\(name): h\(previous) then h\(next)")
            }
            for header in document.elements where header.name == "th" && header.ancestors.contains(where: { $0.name == "tbody" }) {
                #expect(header.attributes["scope"] == "row", "\(name): a body header without scope=row")
            }
            for header in document.elements where header.name == "th" && header.ancestors.contains(where: { $0.name == "thead" }) {
                #expect(header.attributes["scope"] == "col", "\(name): a column header without scope=col")
            }
        }
    }

    @Test("a print stylesheet for A4 that keeps charts whole")
    func printable() throws {
        for (name, text) in try Self.reports() {
            let document = HTMLDocument(text)
            let style = try #require(document.elements.first { $0.name == "style" }?.text, "\(name)")
            #expect(style.contains("@page { size: A4;"), "\(name)")
            #expect(style.contains("@media print"), "\(name)")
            let start = try #require(style.range(of: "@media print"))
            let print = String(style[start.lowerBound...])
            #expect(print.contains("svg.chart") && print.contains("break-inside: avoid"), "\(name)")
            let charts = document.elements.filter { $0.name == "svg" && $0.attributes["class"] == "chart" }
            for chart in charts {
                let box = try #require(chart.attributes["viewbox"]?.split(separator: " ").compactMap { Double($0) })
                #expect(box.count == 4 && box[3] <= BarChartSVG.maxHeight, "\(name): a chart taller than a page")
            }
        }
    }

    @Test("case data cannot inject markup")
    func hostileData() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("caseaudit-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("cases.yaml")
        try """
            case: "X-1<script>alert(1)</script>"
            assessor: "<img src=x>"
            facts:
              rosh: high
              offender_manager: "</section><script src='http://example.invalid/x.js'></script>"
            answers:
              rosh.screening_sufficient: no
            notes:
              rosh.screening_sufficient: "see https://example.invalid/ & <b>this</b>"
            """.write(to: file, atomically: true, encoding: .utf8)
        let set = try CaseFixtures.miniSet()
        let stream = CaseStream(schema: CaseSchema(set), inputs: CaseInputs.expand([file.path]).inputs)
        let text = try ReportFixtures.render(stream, ReportFixtures.options(set, gapsBy: "offender_manager", includeNotes: true)).text
        let document = HTMLDocument(text)
        #expect(document.problems.isEmpty, "\(document.problems)")
        #expect(!document.elements.contains { ["script", "img", "b"].contains($0.name) })
        let note = try #require(document.elements.first { $0.attributes["class"] == "case-note" })
        #expect(note.text == "see https://example.invalid/ & <b>this</b>")
        let group = try #require(document.elements.first { $0.attributes["class"] == "gap-group" })
        #expect(group.attributes["data-group"] == "</section><script src='http://example.invalid/x.js'></script>")
    }
}
