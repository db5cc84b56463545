import Foundation
import Testing
import YAMLKit
@testable import CaseAudit

/// Edges where a plausible implementation gives a wrong figure, a lost case or unsafe output.
@Suite("Edge cases")
struct EdgeCaseTests {
    @Test("scores round half away from zero as the exact fraction would, and band as shown")
    func rounding() throws {
        #expect(Percent.number(201.0 / 400) == "50.3")
        #expect(Percent.number((3.0 / 5 + 7.0 / 10) / 2) == "65.0")
        #expect(Percent.number(2.0 / 3) == "66.7")
        #expect(Percent.number(0) == "0.0")
        #expect(Percent.number(1) == "100.0")
        // Two questions, 3/5 and 7/10: the mean prints as 65.0 % and takes the band whose min is 65.
        var set = try CaseFixtures.miniSet()
        set.scoring.bands = [Band(label: "Good", minimum: 65), Band(label: "Below", minimum: 0)]
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var text = ""
        for index in 0..<10 {
            // rosh.screening_sufficient 7/10; cp.attention 3/5 (cases 0-4 have CP concerns): victims is
            // cp.attention alone, public is the mean of the two.
            text += "---\ncase: R-\(index)\nfacts: {rosh: low, child_protection_concerns: \(index < 5), factors: [], "
                + "sentence_date: 2013-04-01}\nanswers: {rosh.screening_sufficient: \(index < 7 ? "yes" : "no")"
                + (index < 5 ? ", cp.attention: \(index < 3 ? "yes" : "no"), cp.known_to_childrens_services: no" : "") + "}\n"
        }
        try Data(text.utf8).write(to: directory.appendingPathComponent("r.yaml"))
        let stream = CaseStream(schema: CaseSchema(set), inputs: [.file(directory.appendingPathComponent("r.yaml").path)])
        let card = ScoreRun.run(stream, profile: []) { _ in }.scorecard
        let publicScore = try #require(card.outcome("public"))
        #expect(publicScore.score.map(Percent.number) == "65.0")
        #expect(publicScore.band == "Good")
    }

    @Test("gaps by a set fact: a case with no element is listed under (none), and totals count each case once")
    func gapsBySetFact() throws {
        let set = try CaseFixtures.miniSet()
        let stream = try CaseFixtures.stream(set, ["cases/worked/cases.yaml"])
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("gaps.txt").path
        let sink = try OutputSink(path: path)
        var writer = GapsText(sink, includeNotes: false)
        let summary = GapsRun.run(stream, by: [try #require(set.fact(named: "factors"))], to: &writer) { _ in }
        try sink.finish()
        #expect(summary.gaps == 13)
        #expect(summary.casesWithGaps == 5)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let groups = text.split(separator: "\n").filter { $0.hasPrefix("Offending-related factors: ") }
        #expect(groups == ["Offending-related factors: alcohol", "Offending-related factors: thinking_behaviour",
                           "Offending-related factors: accommodation", "Offending-related factors: (none)"])
        #expect(text.components(separatedBy: "\nW-1 ").count - 1 == 2, "W-1 has alcohol and thinking_behaviour")
        let none = "Offending-related factors: (none)"
        #expect(text.contains(none + "\n" + String(repeating: "═", count: none.count) + "\n\nW-3 "))
    }

    @Test("HTML escaping works scalar by scalar: a quote with a combining accent cannot end an attribute")
    func htmlEscaping() {
        #expect(HTMLText.escape("a\"\u{301} onmouseover=x") == "a&quot;\u{301} onmouseover=x")
        #expect(GitHubAnnotations.escapeData("one\r\ntwo") == "one%0D%0Atwo")
        #expect(CSVWriter.cell("one\r\ntwo") == "\"one\r\ntwo\"")
        #expect("one\r\ntwo\nthree".oneLine() == "one two three")
    }

    @Test("a CSV file with a UTF-8 byte-order mark (a spreadsheet export) reads as without one")
    func csvByteOrderMark() throws {
        let schema = CaseSchema(try CaseFixtures.miniSet())
        var records: [CaseRecord] = []
        var diagnostics: [Diagnostic] = []
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("case,rosh\nB-1,hihg\n".utf8)
        CSVCaseReader(schema: schema).read(SourceText(path: "b.csv", bytes: bytes), report: { diagnostics.append($0) }) { records.append($0) }
        #expect(records.map(\.id) == ["B-1"])
        #expect(diagnostics.map(\.code) == ["case.fact-value"])
        #expect(diagnostics.first?.location?.line == 2)
        #expect(diagnostics.first?.location?.column == 5)
    }

    @Test("a question whose also_scores names its own outcome counts there once")
    func alsoScoresOwnOutcome() throws {
        var set = try CaseFixtures.miniSet()
        let question = try #require(set.question(id: "cp.attention"))
        let victims = try #require(set.outcomes.firstIndex { $0.id == "victims" })
        set.questions[question].alsoScores += [victims, victims]
        var diagnostics: [Diagnostic] = []
        let card = try CaseFixtures.score(set, ["cases/worked/cases.yaml"], diagnostics: &diagnostics).scorecard
        #expect(card.outcome("victims")?.items == 1)
        #expect(card.outcome("victims")?.answers == 2)
        #expect(card.outcome("public")?.items == 6)
    }

    @Test("has() on a number, date or text fact is not taken for a question that can never apply")
    func neverAppliesIsAProof() throws {
        let base = try String(contentsOfFile: CaseFixtures.path("rules/mini.yaml"), encoding: .utf8)
        for (applies, warned) in [("has(age)", false), ("has(age) and not has(age)", false),
                                  ("case_type == licence and case_type == community_order", true),
                                  ("has(gender) and not has(gender)", true)] {
            let text = base.replacingOccurrences(of: "    applies: child_protection_concerns\n    gap: Child", with: "    applies: \(applies)\n    gap: Child")
            let set = try #require(CriteriaSetLoader.load(files: [RuleFile(path: "m.yaml", bytes: Array(text.utf8))]).set, "\(applies)")
            let codes = RulesLint.warnings(set).map(\.code)
            #expect(codes.contains("rules.never-applies") == warned, "\(applies)")
        }
    }

    @Test("a directory whose links lead back into it is read once")
    func symlinkLoop() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("case: L-1\n".utf8).write(to: directory.appendingPathComponent("l.yaml"))
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("self"), withDestinationURL: directory)
        let expanded = CaseInputs.expand([directory.path])
        #expect(expanded.inputs.count == 1)
        #expect(expanded.problems.isEmpty)
    }

    @Test("a template's case id is quoted, so any id reads back as written")
    func templateCaseID() throws {
        let set = try CaseFixtures.miniSet()
        let yaml = CaseTemplate(set: set, facts: Array(repeating: nil, count: set.facts.count), caseID: "- a: 'b' #7").yaml()
        let stream = YAMLLoader.load(string: yaml)
        #expect(stream.errors.isEmpty)
        #expect(stream.documents.first?.root["case"]?.scalar == "- a: 'b' #7")
    }
}
