import Foundation
import Testing
@testable import CaseAudit

/// The evaluator works out each distinct condition once per case and shares it between the questions
/// that have it (criterion 4.2's `rosh_medium_plus` is also `rmp.sufficient`'s own): the results must
/// be those of each question's whole condition, also for one that reads another question's answer.
@Suite("Shared conditions")
struct SharedConditionTests {
    @Test("a condition shared by questions, and one reading an answer, give each question's own result")
    func sharedConditions() throws {
        let set = try CaseFixtures.miniSet()
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = """
            case: C-1
            facts: {rosh: medium}
            answers: {rmp.sufficient: not_completed, rmp.actions_delivered: fully}
            ---
            case: C-2
            facts: {rosh: low}
            ---
            case: C-3
            facts: {rosh: high}
            answers: {rmp.sufficient: yes, rmp.actions_delivered: partly}
            ---
            case: C-4
            facts: {child_protection_concerns: true}
            ---
            case: C-5
            facts: {rosh: very_high}

            """
        let file = directory.appendingPathComponent("cases.yaml")
        try Data(text.utf8).write(to: file)
        var evaluations: [CaseEvaluation] = []
        var diagnostics: [Diagnostic] = []
        _ = ScoreRun.run(CaseStream(schema: CaseSchema(set), inputs: [.file(file.path)]), profile: [],
                         report: { diagnostics += $0 }, each: { evaluations.append($0) })
        let plan = try #require(set.question(id: "rmp.sufficient"))
        let actions = try #require(set.question(id: "rmp.actions_delivered"))
        func kinds(_ question: Int) -> [ResultKind] {
            evaluations.map { evaluation in evaluation.results.first { $0.question == question }?.kind ?? .invalid }
        }
        // C-1: the plan applies (medium) and was not completed, so the actions do not apply.
        // C-2: low RoSH: neither applies. C-3: both apply and are above the line. C-4: no RoSH: neither
        // can be decided. C-5: the plan applies but is unanswered, so whether the actions apply is unknown.
        #expect(evaluations.map(\.record.id) == ["C-1", "C-2", "C-3", "C-4", "C-5"])
        #expect(kinds(plan) == [.insufficient, .notApplicable, .sufficient, .undetermined, .unanswered])
        #expect(kinds(actions) == [.notApplicable, .notApplicable, .sufficient, .undetermined, .undetermined])
        #expect(diagnostics.map(\.code) == ["case.answer-not-applicable"])
        // Every question of every case: its result follows its whole condition, and-ed in one closure,
        // over the answers as they ended.
        for evaluation in evaluations {
            for result in evaluation.results where set.questions[result.question].forEach == nil {
                switch set.questions[result.question].applies(evaluation.values) {
                case .false: #expect(result.kind == .notApplicable)
                case .unknown: #expect(result.kind == .undetermined)
                case .true: #expect(result.kind != .notApplicable && result.kind != .undetermined)
                }
            }
        }
    }
}
