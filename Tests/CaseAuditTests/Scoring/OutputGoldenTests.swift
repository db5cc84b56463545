import Foundation
import Testing
@testable import CaseAudit

/// The worked example's outputs, byte for byte, against golden files that were read and checked by
/// hand (Fixtures/golden/). Paths are written relative to Fixtures/.
@Suite("Outputs of the worked example")
struct OutputGoldenTests {
    static func golden(_ name: String) throws -> String {
        try String(contentsOfFile: CaseFixtures.path("golden/" + name), encoding: .utf8)
    }

    static func relative(_ text: String) throws -> String {
        let root = try CaseFixtures.path("rules/mini.yaml").replacingOccurrences(of: "rules/mini.yaml", with: "")
        return text.replacingOccurrences(of: root, with: "")
    }

    static func scored() throws -> ScoreResult {
        var diagnostics: [Diagnostic] = []
        return try CaseFixtures.score(CaseFixtures.miniSet(), ["cases/worked/cases.yaml"], by: ["gender"], diagnostics: &diagnostics)
    }

    @Test("score as text, Markdown and CSV")
    func score() throws {
        let result = try Self.scored()
        #expect(ScoreText.render(result) == (try Self.golden("worked-score.txt")))
        #expect(ScoreMarkdown.render(result) == (try Self.golden("worked-score.md")))
        #expect(ScoreCSV.render(result) == (try Self.golden("worked-score.csv")))
    }

    @Test("gaps by offender manager, streamed to a file")
    func gaps() throws {
        let set = try CaseFixtures.miniSet()
        let stream = try CaseFixtures.stream(set, ["cases/worked/cases.yaml"])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("caseaudit-gaps-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sink = try OutputSink(path: path)
        var writer = GapsText(sink, includeNotes: true)
        let summary = GapsRun.run(stream, by: [try #require(set.fact(named: "offender_manager"))], to: &writer, report: { _ in })
        try sink.finish()
        #expect(summary.gaps == 13)
        #expect(summary.casesWithGaps == 5)
        #expect(try Self.relative(String(contentsOfFile: path, encoding: .utf8)) == (try Self.golden("worked-gaps.txt")))
    }

    @Test("explain: the conditions, the facts they read and where, and the result")
    func explain() throws {
        let set = try CaseFixtures.miniSet()
        let found = ExplainRun.find("W-4", in: try CaseFixtures.stream(set, ["cases/worked/cases.yaml"]), report: { _ in })
        let evaluation = try #require(found.evaluation)
        let question = try #require(set.question(id: "rmp.actions_delivered"))
        let text = ExplanationText.render(Explanation(evaluation, question: question, set: set), set: set)
        // Column widths depend on the length of the fixture's path, so spacing is compared loosely.
        func loose(_ text: String) -> String {
            text.replacing(/─+/, with: "─").replacing(/\ {2,}/, with: "  ")
        }
        #expect(loose(try Self.relative(text)) == loose(try Self.golden("worked-explain.txt")))
    }

    @Test("gaps text: one heading per criterion when the set lists the questions of its criteria alternately")
    func gapsInterleaved() throws {
        let run = try Executable.run(["gaps", "--rules", try CaseFixtures.path("rules/interleaved.yaml"),
                                      try CaseFixtures.path("cases/interleaved/case.yaml")])
        // interleaved.yaml lists a.first (1.1), d.first (1.2), a.second (1.1); all three are answered no.
        let block = try #require(run.output.split(separator: "\n\n").first { $0.hasPrefix("I-1") })
        #expect(block.split(separator: "\n").dropFirst().joined(separator: "\n") == """
              1.1 Assessment
                a.first  First assessment question
                  answer: no · practice gap
                  The first was missed.
                a.second  Second assessment question
                  answer: no · practice gap
                  The second was missed.
              1.2 Delivery
                d.first  First delivery question
                  answer: no · practice gap
                  Delivery was missed.
            """)
        #expect(run.output.hasSuffix("3 gaps in 1 of 1 case\n"))
    }

    @Test("explain a computed answer: the working days it counts in the case and the answer they give")
    func explainComputed() throws {
        let set = try CaseFixtures.miniSet()
        let question = try #require(set.question(id: "plan.timely"))
        func working(_ caseID: String) throws -> String {
            let found = ExplainRun.find(caseID, in: try CaseFixtures.stream(set, ["cases/worked/cases.yaml"]), report: { _ in })
            let text = ExplanationText.render(Explanation(try #require(found.evaluation), question: question, set: set), set: set)
            return String(try #require(text.split(separator: "\n").first { $0.hasPrefix("  In this case:") }))
        }
        // cases.yaml: W-3 from Monday 3 June to Monday 1 July 2013, four whole weeks: 20 working days,
        // more than 15. W-2 from 29 April to 21 May is 16 weekdays, less the 6 May bank holiday: 15.
        // W-4 has no plan_date.
        #expect(try working("W-3") == "  In this case: working_days_between(sentence_date, plan_date) = 20 working days → no")
        #expect(try working("W-2") == "  In this case: working_days_between(sentence_date, plan_date) = 15 working days → yes")
        #expect(try working("W-4") == "  In this case: working_days_between(sentence_date, plan_date) = unknown → not computed: a fact it reads is not recorded")
    }
}
