import Foundation
import Testing
@testable import CaseAudit

/// Paths of test fixtures, and scoring helpers over them.
enum CaseFixtures {
    /// The repository's root (examples/, docs/, Sources/), from this file's place in it.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil))
        return url.path
    }

    /// The mini set of docs/rules-format.md, with another scoring method when asked.
    static func miniSet(method: ScoringMethod = .meanOfQuestions) throws -> CriteriaSet {
        var set = try #require(CriteriaSetLoader.load(path: path("rules/mini.yaml")).set)
        set.scoring.method = method
        return set
    }

    static func stream(_ set: CriteriaSet, _ names: [String]) throws -> CaseStream {
        let expanded = CaseInputs.expand(try names.map(path))
        #expect(expanded.problems.isEmpty)
        return CaseStream(schema: CaseSchema(set), inputs: expanded.inputs)
    }

    /// Scores fixture files; diagnostics are collected into `diagnostics`.
    static func score(
        _ set: CriteriaSet, _ names: [String], by: [String] = [], diagnostics: inout [Diagnostic]
    ) throws -> ScoreResult {
        let stream = try stream(set, names)
        let byIndexes = try by.map { try #require(set.fact(named: $0)) }
        var collected: [Diagnostic] = []
        let result = ScoreRun.run(stream, by: byIndexes, profile: Aggregate.defaultProfile(set)) { collected += $0 }
        diagnostics = collected
        return result
    }
}

extension Scorecard {
    func question(_ id: String) -> QuestionScore? {
        set.question(id: id).map { questions[$0] }
    }

    func criterion(_ id: String) -> GroupScore? {
        set.criteria.firstIndex { $0.id == id }.map { criteria[$0] }
    }

    func outcome(_ id: String) -> GroupScore? {
        set.outcomes.firstIndex { $0.id == id }.map { outcomes[$0] }
    }
}

/// Compares scores to a hand-worked fraction, to well within rounding.
func close(_ score: Double?, _ expected: Double) -> Bool {
    guard let score else { return false }
    return abs(score - expected) < 1e-12
}
