import Foundation
import Testing
@testable import CaseAudit

/// The bundled HMIP 2018 set (Rules/hmip-2018) and its synthetic sample (examples/hmip-2018).
@Suite("The HMIP 2018 set and example")
struct HMIPExampleTests {
    @Test("the set loads clean: 4 standards, 12 key questions tagged by lens, prompts unscored")
    func set() throws {
        let (set, _) = try ReportFixtures.hmip()
        #expect(set.id == "hmip-2018")
        #expect(set.criteria.map(\.id) == ["2.1", "2.2", "2.3", "2.4"])
        let key = set.questions.filter(\.scored)
        #expect(key.count == 12)
        #expect(set.tags.map(\.name) == ["engagement", "desistance", "keeping_safe"])
        for criterion in set.criteria.indices {
            #expect(key.filter { $0.criterion == criterion }.map { $0.tags.map { set.tags[$0].name } } == [["engagement"], ["desistance"], ["keeping_safe"]])
        }
        #expect(set.questions.filter { !$0.scored }.allSatisfy { $0.tags.isEmpty && $0.gap == nil })
        #expect(set.scoring.criterionMethod == .lowestQuestion && set.scoring.overall?.rates == .criteria)
        #expect(RulesLint.warnings(set).isEmpty)
    }

    /// Each standard is its lowest key question: 2.1 assessment.desistance 26/36 = 72.2 % Good;
    /// 2.2 planning.engagement 21/36 = 58.3 % Requires improvement; 2.3 (33 cases with contact)
    /// implementation.keeping_safe 15/33 = 45.5 % Inadequate; 2.4 (31: less 2 licences of eight
    /// weeks or less) reviewing.desistance 25/31 = 80.6 % Outstanding. Overall 2 + 1 + 0 + 3 = 6
    /// of 12 points: Requires improvement.
    @Test("the example lints clean and puts the four standards in the four bands")
    func example() throws {
        let (_, stream) = try ReportFixtures.hmip()
        var diagnostics: [Diagnostic] = []
        let result = ScoreRun.run(stream, profile: []) { diagnostics += $0 }
        #expect(diagnostics.isEmpty)
        let card = result.scorecard
        #expect(card.cases == 36)
        let expected: [(String, Int, Int, String, String)] = [
            ("2.1", 26, 36, "assessment.desistance", "Good"), ("2.2", 21, 36, "planning.engagement", "Requires improvement"),
            ("2.3", 15, 33, "implementation.keeping_safe", "Inadequate"), ("2.4", 25, 31, "reviewing.desistance", "Outstanding"),
        ]
        for (id, sufficient, base, lowest, band) in expected {
            let criterion = try #require(card.criterion(id))
            #expect(close(criterion.score, Double(sufficient) / Double(base)), "\(id)")
            #expect(criterion.lowest.map { card.set.questions[$0].id } == lowest, "\(id)")
            #expect(criterion.band == band, "\(id)")
            #expect(card.question(lowest)?.base == base, "\(id)")
        }
        #expect(card.overall?.points == 6 && card.overall?.maximum == 12 && card.overall?.band == "Requires improvement")
    }
}
