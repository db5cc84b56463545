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
}
