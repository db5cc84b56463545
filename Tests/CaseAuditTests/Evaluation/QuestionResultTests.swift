import Testing
@testable import CaseAudit

@Suite("Evaluation: a question's result")
struct QuestionResultTests {
    @Test("reads back its question, element, kind, answer and whether it was computed")
    func readsBack() {
        var result = QuestionResult(question: 41, element: nil, kind: .invalid, answer: .invalid("maybe"))
        #expect(result.question == 41)
        #expect(result.element == nil)
        #expect(result.kind == .invalid)
        #expect(result.answer == .invalid("maybe"))
        #expect(!result.computed)
        result.element = 0
        #expect(result.element == 0)
        result.element = 63
        result.question = 228
        result.answer = .option(2)
        result.computed = true
        #expect(result == QuestionResult(question: 228, element: 63, kind: .invalid, answer: .option(2), computed: true))
        result.element = nil
        #expect(result.element == nil)
    }

    @Test("an instance of no element differs from element 0's")
    func elementZero() {
        let plain = QuestionResult(question: 3, element: nil, kind: .unanswered)
        let first = QuestionResult(question: 3, element: 0, kind: .unanswered)
        #expect(plain != first)
        #expect(Set([plain, first]).count == 2)
    }

    @Test("held in 32 bytes: a case has one per question")
    func size() {
        #expect(MemoryLayout<QuestionResult>.stride == 32)
    }
}
