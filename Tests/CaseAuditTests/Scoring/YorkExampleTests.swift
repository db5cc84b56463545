import Foundation
import Testing
@testable import CaseAudit

/// The bundled example (examples/york-2013: 49 synthetic cases) scored with the embedded IAOW set,
/// against the figures of the published York and North Yorkshire report it was built to follow
/// (Fixtures/york-2013-figures.tsv and york-2013-profile.tsv: each row cites the report).
@Suite("The York and North Yorkshire example")
struct YorkExampleTests {
    static let examples = CaseFixtures.repository.appendingPathComponent("examples/york-2013").path

    static func score() throws -> (ScoreResult, [Diagnostic]) {
        let set = try #require(DefaultCriteriaSet.load().set)
        let expanded = CaseInputs.expand([examples])
        #expect(expanded.problems.isEmpty)
        #expect(expanded.inputs.count == 10)
        var diagnostics: [Diagnostic] = []
        let result = ScoreRun.run(
            CaseStream(schema: CaseSchema(set), inputs: expanded.inputs), profile: Array(set.facts.indices)
        ) { diagnostics += $0 }
        return (result, diagnostics)
    }

    static func rows(_ name: String) throws -> [[String]] {
        let text = try String(contentsOfFile: CaseFixtures.path(name), encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("reads clean and gives the five outcome scores with their bases")
    func outcomes() throws {
        let (result, diagnostics) = try Self.score()
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let card = result.scorecard
        #expect(card.cases == 49)
        // Published: 82 %, 85 %, 82 %, 80 %, 86 % (the report's Summary); the example's own figures:
        let expected: [(String, String, Int)] = [
            ("sentencing", "82.1", 26), ("delivery", "84.7", 49), ("reoffending", "80.9", 49),
            ("public", "81.1", 49), ("victims", "85.9", 49),
        ]
        for (id, score, base) in expected {
            let outcome = try #require(card.outcome(id))
            #expect(outcome.score.map(Percent.number) == score, "\(id)")
            #expect(outcome.cases == base, "\(id)")
        }
    }

    @Test("every legible report figure the example was built to")
    func reportFigures() throws {
        let (result, _) = try Self.score()
        let card = result.scorecard
        let rows = try Self.rows("york-2013-figures.tsv")
        #expect(rows.count >= 12)
        for row in rows {
            let id = row[0]
            let expected = (Int(row[1]), Int(row[2]))
            if let open = id.firstIndex(of: "[") {
                let question = try #require(card.set.question(id: String(id[..<open])), "\(id)")
                let table = try #require(card.elementTables.first { $0.questions.contains(question) })
                let element = String(id[id.index(after: open)..<id.index(before: id.endIndex)])
                let elementIndex = try #require(card.set.facts[table.fact].index(of: element), "\(id)")
                let column = try #require(table.questions.firstIndex(of: question))
                let figure = table.rows[elementIndex].figures[column]
                #expect((figure.sufficient, figure.base) == (expected.0 ?? -1, expected.1 ?? -1), "\(id): \(row[3])")
            } else {
                let figure = try #require(card.question(id), "\(id)")
                #expect((figure.sufficient, figure.base) == (expected.0 ?? -1, expected.1 ?? -1), "\(id): \(row[3])")
            }
        }
    }

    @Test("the sample profile")
    func profile() throws {
        let (result, _) = try Self.score()
        let set = result.set
        for row in try Self.rows("york-2013-profile.tsv") {
            let fact = try #require(set.fact(named: row[0]), "\(row[0])")
            let counts = try #require(result.profile.first { $0.fact == fact }, "\(row[0])")
            let count = counts.counts.first { $0.key.label(set.facts[fact]) == row[1] }?.value ?? 0
            #expect(count == Int(row[2]), "\(row[0]) = \(row[1]): \(row[3])")
        }
    }
}
