import Foundation
import Testing
@testable import CaseAudit

@Suite("caseaudit agree: two assessors, the same cases")
struct AgreementRunTests {
    private func run(byAssessor: Bool = true) throws -> (AgreementResult, [Diagnostic]) {
        let set = try CaseFixtures.miniSet()
        var diagnostics: [Diagnostic] = []
        let (result, _) = AgreementRun.run(
            first: try CaseFixtures.stream(set, ["agree/first"]), second: try CaseFixtures.stream(set, ["agree/second"]),
            labels: ("agree/first", "agree/second"), byAssessor: byAssessor) { diagnostics += $0 }
        return (result, diagnostics)
    }

    private func question(_ result: AgreementResult, _ id: String) throws -> AgreementResult.QuestionAgreement {
        try #require(result.questions.first { result.set.questions[$0.question].id == id })
    }

    @Test("cases matched by id; those in one side only are listed")
    func matching() throws {
        let (result, diagnostics) = try run()
        #expect(diagnostics.allSatisfy { $0.severity != .error })
        #expect(result.cases == 4)
        #expect(result.onlyFirst == ["A5"])
        #expect(result.onlySecond == ["A6"])
    }

    @Test("per question: agreement and kappa as worked by hand")
    func questions() throws {
        let (result, _) = try run()
        // Screening: A1 yes/yes, A2 yes/yes, A3 no/yes, A4 yes/yes. p₀ 3/4; rows 3, 1; columns 4, 0:
        // pₑ = 3/4 → kappa 0, SE √(0.75 × 0.25 ÷ (4 × 0.25²)) = √0.75.
        let screening = try question(result, "rosh.screening_sufficient")
        #expect(screening.options.count == 4)
        #expect(close(screening.options.observed, 0.75))
        #expect(close(screening.options.kappa, 0))
        #expect(close(screening.options.standardError, 0.75.squareRoot()))
        // Risk management plan: A1 yes/yes, A2 not_sufficient/yes, A3 yes/yes (A4 applies on one side only).
        // p₀ 2/3, pₑ 2/3 → kappa 0; SE √((2/9) ÷ (3 × 1/9)) = √(2/3).
        let plan = try question(result, "rmp.sufficient")
        #expect(plan.options.count == 3)
        #expect(close(plan.options.observed, 2.0 / 3.0))
        #expect(close(plan.options.kappa, 0))
        #expect(close(plan.options.standardError, (2.0 / 3.0).squareRoot()))
        // Per factor: A1 alcohol yes/yes, A2 alcohol no/no → p₀ 1, pₑ ½, kappa 1, SE 0.
        let factor = try question(result, "interv.factor_delivered")
        #expect(factor.options.count == 2)
        #expect(close(factor.options.kappa, 1))
        #expect(close(factor.options.standardError, 0))
        // Descriptive: A1 yes/yes only → both used one category: kappa undefined; no line.
        let descriptive = try question(result, "cp.known_to_childrens_services")
        #expect(descriptive.options.count == 1)
        #expect(descriptive.options.kappa == nil)
        #expect(descriptive.line == nil)
        // Computed and unanswered questions are not compared.
        #expect(!result.questions.contains { result.set.questions[$0.question].id == "plan.timely" })
        #expect(!result.questions.contains { result.set.questions[$0.question].id == "rmp.actions_delivered" })
    }

    @Test("criteria and outcomes: the line pooled over their questions")
    func groups() throws {
        let (result, _) = try run()
        // 4.1 pools screening (3 both sufficient, 1 insufficient/sufficient), plan (2 both, 1
        // insufficient/sufficient) and per factor (1 both sufficient, 1 both insufficient):
        // n 9, p₀ 7/9; rows 6, 3; columns 8, 1; pₑ = (48 + 3)/81; kappa = (63 − 51)/(81 − 51) = 0.4.
        let criterion = try #require(result.criteria.first { result.set.criteria[$0.index].id == "4.1" })
        #expect(criterion.line.count == 9)
        #expect(close(criterion.line.observed, 7.0 / 9.0))
        #expect(close(criterion.line.kappa, 0.4))
        // Public adds cp.attention (also_scores): A1 yes/no. n 10, p₀ 0.7; rows 7, 3; columns 8, 2:
        // pₑ = 0.56 + 0.06 = 0.62; kappa = 0.08 / 0.38.
        let publicOutcome = try #require(result.outcomes.first { result.set.outcomes[$0.index].id == "public" })
        #expect(publicOutcome.line.count == 10)
        #expect(close(publicOutcome.line.kappa, 0.08 / 0.38))
        #expect(result.overall == publicOutcome.line)
        // Victims: cp.attention alone, one disagreement: p₀ 0, pₑ 0 → kappa 0.
        let victims = try #require(result.outcomes.first { result.set.outcomes[$0.index].id == "victims" })
        #expect(victims.line.count == 1)
        #expect(close(victims.line.kappa, 0))
        #expect(result.assessors.count == 1)
        #expect(result.assessors.first?.first == "AB")
        #expect(result.assessors.first?.second == "CD")
        #expect(result.assessors.first?.cases == 4)
        #expect(result.assessors.first?.line == publicOutcome.line)
    }

    @Test("answer, applicability and fact disagreements, case by case")
    func disagreements() throws {
        let (result, _) = try run()
        let answers = result.disagreements.map { "\($0.caseID) \(result.set.questions[$0.question].id) \($0.first)/\($0.second)" }
        #expect(answers == ["A1 cp.attention yes/no", "A2 rmp.sufficient not_sufficient/yes", "A3 rosh.screening_sufficient no/yes"])
        let plan = try #require(result.disagreements.first { $0.caseID == "A2" })
        #expect(plan.firstNote == "No contingency.")
        #expect(plan.secondNote == "Plan seen.")
        // A4: RoSH low for the first assessor, medium for the second: the plan questions apply on one side only.
        let applicability = result.applicability.map { "\($0.caseID) \(result.set.questions[$0.question].id) \($0.first.rawValue)/\($0.second.rawValue)" }
        #expect(applicability == ["A4 rmp.sufficient not_applicable/sufficient", "A4 rmp.actions_delivered not_applicable/unanswered"])
        let rosh = try #require(result.set.fact(named: "rosh"))
        #expect(result.applicability.allSatisfy { $0.facts == [.init(fact: rosh, first: "low", second: "medium")] })
        #expect(result.facts.map(\.caseID) == ["A4"])
    }

    @Test("the text and JSON forms (golden, read by hand)")
    func golden() throws {
        let (result, _) = try run(byAssessor: false)
        let text = AgreementText.render(result)
        #expect(text == (try String(contentsOfFile: CaseFixtures.path("golden/agree.txt"), encoding: .utf8)))
        let json = AgreementJSON.render(result)
        #expect(json.contains("\"schema\": \"caseaudit-agree\""))
        #expect(AgreementText.render(result, markdown: true).contains("| 4.1 | 9 | 77.8% | 0.40 | 0.37 | fair |"))
    }
}
