import Testing
import YAMLKit
@testable import CaseAudit

@Suite("CaseReader: the position table")
struct PositionTableTests {
    @Test("empty until a position is recorded, and again once every one is cleared")
    func emptiness() {
        let first = SourcePosition(line: 3, column: 5, offset: 40)
        let second = SourcePosition(line: 9, column: 7, offset: 120)
        var table = PositionTable(count: 4)
        #expect(table.isEmpty)
        table[2] = nil
        #expect(table.isEmpty)
        table[2] = first
        table[2] = second
        #expect(!table.isEmpty)
        table[0] = first
        #expect(Array(table).map(\.0) == [0, 2])
        table[2] = nil
        #expect(!table.isEmpty)
        table[0] = nil
        #expect(table.isEmpty)
        #expect(Array(table).isEmpty)
    }

    @Test("grows to record past its end; clearing past its end or a negative index records nothing")
    func growing() {
        let position = SourcePosition(line: 2, column: 1, offset: 10)
        var table = PositionTable()
        table[6] = nil
        table[-1] = position
        #expect(table.isEmpty)
        #expect(table[6] == nil)
        table[6] = position
        #expect(!table.isEmpty)
        #expect(table[6] == position)
        #expect(Array(table).map(\.0) == [6])
    }
}
