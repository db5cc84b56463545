import Testing
@testable import CaseAudit

/// Key strengths and areas for improvement: the highest and lowest question scores with an
/// adequate base, on either side of the outcome's score.
@Suite("Key strengths and areas for improvement")
struct ReportHighlightsTests {
    @Test("York: at most three each, base ≥ min_base, ranked, on either side of the outcome's score")
    func york() throws {
        let (result, _) = try YorkExampleTests.score()
        let card = result.scorecard
        let set = card.set
        for outcome in set.outcomes.indices {
            let chosen = ReportHighlights(card, outcome: outcome)
            let score = try #require(card.outcomes[outcome].score)
            #expect(!chosen.strengths.isEmpty && !chosen.improvements.isEmpty)
            #expect(chosen.strengths.count <= 3 && chosen.improvements.count <= 3)
            let eligible = set.questions.indices.filter { index in
                let question = set.questions[index]
                return question.scored && card.questions[index].base >= set.scoring.minBase
                    && (set.criteria[question.criterion].outcome == outcome || question.alsoScores.contains(outcome))
            }
            let best = eligible.compactMap { card.questions[$0].score }.max()
            let worst = eligible.compactMap { card.questions[$0].score }.min()
            #expect(chosen.strengths.first?.score == best)
            #expect(chosen.improvements.first?.score == worst)
            for item in chosen.strengths + chosen.improvements {
                #expect(eligible.contains(item.question))
                #expect(item.base >= set.scoring.minBase)
            }
            #expect(chosen.strengths.allSatisfy { ($0.score ?? 0) >= score })
            #expect(chosen.improvements.allSatisfy { ($0.score ?? 1) < score })
            let strengths = chosen.strengths.compactMap(\.score)
            let improvements = chosen.improvements.compactMap(\.score)
            #expect(strengths == strengths.sorted(by: >))
            #expect(improvements == improvements.sorted())
        }
        // Outcome 1: the three lowest are the oral-report record, the CSC checks and the barriers.
        let lowest = ReportHighlights(card, outcome: 0).improvements.map { set.questions[$0.question].id }
        #expect(lowest == ["psr.oral_report_recorded", "psr.based_on_csc_checks", "psr.barriers_addressed"])
    }

    @Test("none when every base is below min_base; singular headings for one")
    func smallBases() throws {
        var diagnostics: [Diagnostic] = []
        let card = try CaseFixtures.score(CaseFixtures.miniSet(), ["cases/worked/cases.yaml"], diagnostics: &diagnostics).scorecard
        let chosen = ReportHighlights(card, outcome: 0)
        #expect(chosen.strengths.isEmpty && chosen.improvements.isEmpty)
        var set = try CaseFixtures.miniSet()
        set.scoring.minBase = 4
        let relaxed = try CaseFixtures.score(set, ["cases/worked/cases.yaml"], diagnostics: &diagnostics).scorecard
        let some = ReportHighlights(relaxed, outcome: 0)
        // Bases of 4: rosh.screening_sufficient 75 %, plan.timely 75 %, interv.factor_delivered 75 %, all above 59.7 %.
        #expect(some.strengths.map { set.questions[$0.question].id } == ["rosh.screening_sufficient", "plan.timely", "interv.factor_delivered"])
        #expect(some.improvements.isEmpty)
        #expect(some.strengthsHeading == "Key strengths")
        let victims = ReportHighlights(relaxed, outcome: 1)
        #expect(victims.strengths.isEmpty)
        #expect(victims.improvementsHeading == "Key areas for improvement")
    }
}
