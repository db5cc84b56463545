import Testing
@testable import CaseAudit

/// The per-case gaps at the end of the report: grouped by a fact when asked, notes only when asked.
@Suite("The report's per-case gaps")
struct ReportGapsTests {
    static let note = "No work on thinking skills was started."

    /// Group value → the case ids under it, in order.
    static func groups(_ document: HTMLDocument) -> [(String, [String])] {
        document.elements.filter { $0.attributes["class"] == "gap-group" }.map { group in
            (group.attributes["data-group"] ?? "", group.descendantsAndSelf.compactMap { $0.attributes["data-case"] })
        }
    }

    @Test("grouped by offender manager: a section per manager holding that manager's cases")
    func grouped() throws {
        let (set, stream) = try ReportFixtures.worked()
        let document = HTMLDocument(try ReportFixtures.render(stream, ReportFixtures.options(set, gapsBy: "offender_manager")).text)
        let groups = Self.groups(document)
        #expect(groups.map(\.0) == ["OM-A", "OM-B", "OM-C"])
        #expect(groups.map(\.1) == [["W-1", "W-2"], ["W-3", "W-4"], ["W-5"]])
        let headings = document.elements.filter { $0.name == "h3" && $0.parent?.attributes["class"] == "gap-group" }.map(\.text)
        #expect(headings == ["Offender manager: OM-A", "Offender manager: OM-B", "Offender manager: OM-C"])
        let w1 = try #require(document.elements.first { $0.attributes["data-case"] == "W-1" })
        #expect(w1.children.first?.name == "h4")
        #expect(w1.text.contains("interv.factor_delivered[thinking_behaviour]"))
        #expect(w1.text.contains("Interventions for this factor were not sufficient."))
        #expect(document.elements.last { $0.attributes["class"] == "note" }?.text == "13 gaps in 5 of 5 cases.")
    }

    @Test("ungrouped: the cases in input order, no group sections")
    func ungrouped() throws {
        let (set, stream) = try ReportFixtures.worked()
        let document = HTMLDocument(try ReportFixtures.render(stream, ReportFixtures.options(set)).text)
        #expect(Self.groups(document).isEmpty)
        let cases = document.elements.filter { $0.name == "article" }
        #expect(cases.compactMap { $0.attributes["data-case"] } == ["W-1", "W-2", "W-3", "W-4", "W-5"])
        #expect(cases.allSatisfy { $0.children.first?.name == "h3" })
    }

    @Test("notes only with --include-notes", arguments: [ReportOptions.Format.html, .markdown])
    func notes(format: ReportOptions.Format) throws {
        let (set, stream) = try ReportFixtures.worked()
        let without = try ReportFixtures.render(stream, ReportFixtures.options(set, format: format, gapsBy: "offender_manager")).text
        #expect(!without.contains(Self.note))
        #expect(!without.contains("No contingency planning."))
        let with = try ReportFixtures.render(stream, ReportFixtures.options(set, format: format, gapsBy: "offender_manager", includeNotes: true)).text
        #expect(with.contains(Self.note))
        #expect(with.contains("No contingency planning."))
        if format == .html {
            let notes = HTMLDocument(with).elements.filter { $0.attributes["class"] == "case-note" }.map(\.text).filter { !$0.isEmpty }
            #expect(notes == [Self.note, "No contingency planning."])
        }
    }

    @Test("Markdown: a heading per manager, then per case")
    func markdown() throws {
        let (set, stream) = try ReportFixtures.worked()
        let text = try ReportFixtures.render(stream, ReportFixtures.options(set, format: .markdown, gapsBy: "offender_manager")).text
        let headings = text.split(separator: "\n").filter { $0.hasPrefix("### Offender manager") || $0.hasPrefix("#### Case") }
            .map { String($0.prefix { $0 != "(" }) }
        #expect(headings == [
            "### Offender manager: OM-A", "#### Case W-1 ", "#### Case W-2 ", "### Offender manager: OM-B", "#### Case W-3 ",
            "#### Case W-4 ", "### Offender manager: OM-C", "#### Case W-5 ",
        ])
        #expect(text.hasSuffix("\n13 gaps in 5 of 5 cases.\n"))
    }
}

/// `score --format html` and `report --no-gaps`: the report's figures without the per-case gaps.
@Suite("Report without gaps")
struct ReportWithoutGapsTests {
    @Test("no gaps section and no link to one; still well formed")
    func figuresOnly() throws {
        let (set, stream) = try ReportFixtures.worked()
        var options = try ReportFixtures.options(set, gapsBy: "offender_manager")
        options.includesGaps = false
        let html = try ReportFixtures.render(stream, options).text
        #expect(!html.contains("id=\"gaps\""))
        #expect(!html.contains("href=\"#gaps\""))
        #expect(html.contains("id=\"summary\""))
        #expect(html.hasSuffix("</main>\n</div>\n</body>\n</html>\n"))
        #expect(HTMLDocument(html).problems == [])
        options.format = .markdown
        let markdown = try ReportFixtures.render(stream, options).text
        #expect(!markdown.contains("## Per-case gaps"))
        #expect(!markdown.contains("W-4"))
    }
}
