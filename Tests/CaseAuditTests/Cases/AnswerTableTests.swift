import Testing
import YAMLKit
@testable import CaseAudit

@Suite("CaseReader: the answer table")
struct AnswerTableTests {
    @Test("options, no answer, text and answers per element read back as written, in place")
    func readsBack() {
        var table = AnswerTable(count: 5)
        #expect(table.count == 5)
        #expect(table.allSatisfy { $0 == nil })
        let perElement = RecordedAnswer.perElement([
            ElementAnswer(element: 2, value: .option(1), position: SourcePosition(line: 7, column: 5, offset: 90)),
            ElementAnswer(element: 0, value: .invalid("maybe"), position: SourcePosition(line: 8, column: 5, offset: 101)),
        ])
        table[0] = .single(.option(0))
        table[1] = .single(.option(3))
        table[2] = .single(.invalid("sort of"))
        table[4] = perElement
        #expect(Array(table) == [.single(.option(0)), .single(.option(3)), .single(.invalid("sort of")), nil, perElement])

        // An answer with text replaced by an option, by other text, and by none.
        table[2] = .single(.option(2))
        #expect(table[2] == .single(.option(2)))
        table[2] = .single(.invalid("unsure"))
        table[4] = .single(.invalid("n/a"))
        #expect(table[2] == .single(.invalid("unsure")))
        #expect(table[4] == .single(.invalid("n/a")))
        table[4] = nil
        #expect(Array(table) == [.single(.option(0)), .single(.option(3)), .single(.invalid("unsure")), nil, nil])
    }

    @Test("made from an array, equal to a table with the same answers however it was filled")
    func equality() {
        let answers: [RecordedAnswer?] = [nil, .single(.option(1)), .single(.invalid("x"))]
        var filled = AnswerTable(count: 3)
        filled[2] = .single(.invalid("y"))
        filled[2] = .single(.invalid("x"))
        filled[1] = .single(.option(1))
        #expect(AnswerTable(answers) == filled)
        #expect(AnswerTable(answers) == [nil, .single(.option(1)), .single(.invalid("x"))])
        #expect(AnswerTable(answers) != [nil, .single(.option(1)), .single(.invalid("z"))])
        #expect(AnswerTable(answers) != AnswerTable(count: 3))
    }
}
