import Testing
@testable import CaseAudit

/// The Markdown report: the same sections as the HTML, tables in place of charts, the same figures.
@Suite("The Markdown report")
struct ReportMarkdownTests {
    /// The cells of every table row of the text (escaped `\*` read back as `*`).
    static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").filter { $0.hasPrefix("| ") && !$0.hasPrefix("|---") }.map { line in
            line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { $0.replacingOccurrences(of: "\\*", with: "*") }
        }
    }

    @Test("sections in the order of a published report")
    func sections() throws {
        let (set, stream) = try ReportFixtures.york()
        let text = try ReportFixtures.render(stream, ReportFixtures.options(set, format: .markdown, by: ["gender"])).text
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("## ") }.map(String.init)
        #expect(headings == ["## Summary"] + set.outcomes.indices.map { "## " + ReportWords.outcomeHeading(set, $0) }
                + ["## Sample profile", "## Breakdowns", "## Per-case gaps"])
        #expect(text.hasPrefix("# Case audit report\n\n- Criteria set: Inspection of Adult Offending Work 2013-14 (`iaow-2013`"))
        #expect(text.contains("### Key strengths") && text.contains("### By offending-related factors identified by the inspector"))
    }

    @Test("every outcome, criterion and question score and base equals the JSON")
    func figures() throws {
        let (set, stream) = try ReportFixtures.york()
        let rendered = try ReportFixtures.render(stream, ReportFixtures.options(set, format: .markdown))
        let rows = Self.rows(rendered.text)
        func shown(_ score: JSON?, _ small: JSON?) -> String {
            guard let value = score?.double else { return "–" }
            return Percent.number(value / 100) + "%" + (small == .bool(true) ? "*" : "")
        }
        for outcome in rendered.json["outcomes"]?.items ?? [] {
            let row = try #require(rows.first { $0.first == outcome["title"]?.string && $0.count == 4 }, "\(outcome["id"]?.string ?? "")")
            #expect(row[1] == shown(outcome["score"], outcome["small_base"]))
            #expect(row[2] == "\(outcome["base"]?.int ?? -1)")
        }
        for criterion in rendered.json["criteria"]?.items ?? [] {
            let title = "\(criterion["id"]?.string ?? "") \(criterion["title"]?.string ?? "")"
            let row = try #require(rows.first { $0.first == title }, "\(title)")
            #expect(row[1] == shown(criterion["score"], criterion["small_base"]), "\(title)")
            #expect(row[2] == "\(criterion["base"]?.int ?? -1)", "\(title)")
        }
        for question in rendered.json["questions"]?.items ?? [] where question["scored"] == .bool(true) {
            let id = try #require(question["id"]?.string)
            let row = try #require(rows.first { $0.first == "`\(id)`" && $0.count == 10 }, "\(id)")
            #expect(row[2] == "\(question["sufficient"]?.int ?? -1)", "\(id)")
            #expect(row[3] == "\(question["insufficient"]?.int ?? -1)", "\(id)")
            #expect(row[4] == "\(question["base"]?.int ?? -1)", "\(id)")
            #expect(row[5] == shown(question["score"], question["small_base"]), "\(id)")
        }
    }
}
