import Testing
import YAMLKit
@testable import CaseAudit

/// Criteria sets built to crash, overflow or hang the loader, compiler and evaluator (issue 11,
/// items 1–3 and 8): each ends in a located diagnostic, bounded by the limits, not by luck.
@Suite("Hostile criteria sets")
struct HostileRulesTests {
    static func load(_ text: String) -> CriteriaSetLoader.Result {
        CriteriaSetLoader.load(files: [RuleFile(path: "t.yaml", text: text)])
    }

    static func first(_ result: CriteriaSetLoader.Result, _ code: String) throws -> Diagnostic {
        try #require(result.diagnostics.first { $0.code == code }, "\(result.diagnostics.map(\.code))")
    }

    @Test("a set whose outcomes are misspelt or absent: located errors, no trap", arguments: [
        [12: "outcomez:"],  // the list is under an unknown key
        [12: "# no outcomes", 13: "#"],
    ])
    func noOutcomes(_ replacing: [Int: String]) throws {
        let result = Self.load(RuleFixtures.text(replacing: replacing))
        #expect(result.set == nil)
        // `  - {id: "4.1", outcome: public, title: Plan}`: 'public' starts at column 26.
        let unknown = try Self.first(result, "rules.unknown-outcome")
        #expect((unknown.location?.line, unknown.location?.column) == (15, 26))
    }

    /// An expression nested or chained far past the limit, and the column of its 65th level.
    struct Deep: Sendable, CustomTestStringConvertible {
        /// What it is, for the test's name: the expression itself is up to 50 KB.
        let name: String
        let expression: String
        let column: Int
        var testDescription: String { name }
    }

    /// Each chain or nesting is refused at the node that makes the tree 65 levels deep: column 14 is
    /// where the expression starts on line 21 (`    applies: `), plus that node's offset.
    static let deep: [Deep] = [
        // 25,000 parentheses: the 65th '(' is at offset 64.
        Deep(
            name: "25,000 nested parentheses",
            expression: String(repeating: "(", count: 25_000) + "cp" + String(repeating: ")", count: 25_000), column: 14 + 64),
        // 12,000 'not ': the 65th 'not' is at offset 64 × 4.
        Deep(name: "12,000 'not'", expression: String(repeating: "not ", count: 12_000) + "cp", column: 14 + 256),
        // 4,000 terms 'cp and cp and …' (7 characters each): the 64th 'and' (65 levels with its
        // operands) is at offset 3 + 63 × 7.
        Deep(name: "4,000 terms of 'and'", expression: Array(repeating: "cp", count: 4_000).joined(separator: " and "), column: 14 + 3 + 63 * 7),
        // 10,000 terms 'start + 1 + 1 …': the first '+' at offset 6, then every 4; the 64th at 6 + 63 × 4.
        Deep(name: "10,000 terms of '+'", expression: "start" + String(repeating: " + 1", count: 10_000) + " > start", column: 14 + 6 + 63 * 4),
    ]

    @Test("deep nesting and long chains: rules.expression-too-deep at the 65th level", arguments: deep)
    func deepExpressions(_ deep: Deep) throws {
        let result = Self.load(RuleFixtures.text(replacing: [21: "    applies: " + deep.expression]))
        #expect(result.set == nil)
        let error = try Self.first(result, "rules.expression-too-deep")
        #expect((error.location?.line, error.location?.column) == (21, deep.column))
        // The caret line shows at most about 120 characters of the 50 KB line.
        #expect((error.location?.lineText?.count ?? 0) <= 122)
        #expect(DiagnosticFormatter().format(error).utf8.count < 600)
    }

    @Test("64 levels are accepted; predicates nest at most 16 deep")
    func limits() throws {
        let deepest = String(repeating: "not ", count: 63) + "cp"  // 63 'not's over a fact: 64 levels
        #expect(Self.load(RuleFixtures.text(replacing: [21: "    applies: " + deepest])).set != nil)
        var predicates = ["predicates:", "  p0: cp"]
        for level in 1...20 { predicates.append("  p\(level): p\(level - 1)") }
        let result = Self.load(RuleFixtures.text(replacing: [21: "    applies: p20"], appending: predicates))
        #expect(result.set == nil)
        // p0 … p15 make 16 levels; p16 would be the 17th: refused where its definition names p15.
        let error = try Self.first(result, "rules.expression-too-deep")
        #expect(error.location?.line == RuleFixtures.lines.count + 2 + 16)
        #expect(error.message == "'p15' leads through more than 16 predicates, each using the next; flatten some of them")
    }

    @Test("a chain of 3,000 answer() dependencies loads and evaluates without deep recursion")
    func longAnswerChain() throws {
        var lines = RuleFixtures.lines
        lines[20] = "    applies: answer('q2') == yes"
        for index in 2...3_000 {
            lines += ["  - id: q\(index)", "    criterion: \"4.1\"", "    text: Q\(index)", "    scale: yn"]
            if index < 3_000 { lines.append("    applies: answer('q\(index + 1)') == yes") }
        }
        let set = try #require(Self.load(lines.joined(separator: "\n") + "\n").set)
        var record = CaseRecord(
            id: "C-1", facts: Array(repeating: nil, count: set.facts.count), answers: AnswerTable(Array(repeating: .single(.option(0)), count: set.questions.count)),
            source: SourceText(path: "c.yaml", bytes: []), positions: CasePositions(record: .start))
        record.answers[set.questions.count - 1] = .single(.option(1))  // q3000 = no: every question above it does not apply
        let evaluation = Evaluator(set).evaluate(record)
        #expect(evaluation.results.count == 3_000)
        #expect(evaluation.results.filter { $0.kind == .notApplicable }.count == 2_999)
    }

    @Test("date + 9223372036854775807 is refused where the number is; out-of-range results are unknown, never wrapped")
    func dateRange() throws {
        let text = RuleFixtures.text(replacing: [21: "    applies: working_days_between(start, start + 9223372036854775807) > 0"])
        let error = try Self.first(Self.load(text), "rules.date-out-of-range")
        // `    applies: working_days_between(start, start + ` is 49 characters: the number is at column 50.
        #expect((error.location?.line, error.location?.column) == (21, 50))
        #expect(Day(year: 1, month: 1, day: 1)?.ordinal == Day.range.lowerBound)
        #expect(Day(year: 9999, month: 12, day: 31)?.ordinal == Day.range.upperBound)
        #expect(Day(iso: "0000-12-31") == nil)
        #expect(Day(ordinal: Day.range.upperBound).adding(days: 1) == nil)
        #expect(Day(ordinal: 0).adding(days: Int.max) == nil)
        #expect(Day(ordinal: 0).adding(days: -3)?.description == "1969-12-29")
    }

    @Test("a rule file that is not UTF-8 gives its one located error, not knock-on 'needs id' errors")
    func invalidUTF8() throws {
        var bytes = Array(RuleFixtures.text().utf8)
        bytes.insert(contentsOf: [0xFF, 0xFE, 0x41], at: 3)  // inside 'id: t'
        let result = CriteriaSetLoader.load(files: [RuleFile(path: "t.yaml", bytes: bytes)])
        #expect(result.set == nil)
        #expect(result.diagnostics.map(\.code) == ["yaml.encoding"])
        #expect(result.diagnostics.first?.location?.line == 1)
    }
}

/// Working days counted by whole weeks and binary search, against counting day by day.
@Suite("Working days")
struct WorkingDaysTests {
    @Test("the same as counting day by day, for spans over weekends and holidays")
    func againstCounting() throws {
        let holidays = ["2013-05-06", "2013-05-27", "2013-05-25", "2013-12-25", "2013-12-26"].compactMap(Day.init(iso:))
        let calendar = WorkingDays(holidays: holidays)
        let start = try #require(Day(iso: "2013-04-20")).ordinal
        func counted(_ from: Int, _ to: Int) -> Int {
            if to < from { return -counted(to, from) }
            return ((from + 1)...max(from + 1, to)).filter { day in
                day <= to && !Day(ordinal: day).isWeekend && !holidays.contains(Day(ordinal: day))
            }.count
        }
        for from in stride(from: start, to: start + 60, by: 3) {
            for to in stride(from: start - 10, to: start + 260, by: 7) {
                #expect(calendar.between(Day(ordinal: from), Day(ordinal: to)) == counted(from, to), "\(Day(ordinal: from)) → \(Day(ordinal: to))")
            }
        }
        // Friday 26 April 2013 to Friday 10 May 2013: ten weekdays, less the 6 May bank holiday.
        #expect(calendar.between(try #require(Day(iso: "2013-04-26")), try #require(Day(iso: "2013-05-10"))) == 9)
    }

    @Test("the whole range, 0001-01-01 (a Monday) to 9999-12-31, at once")
    func wholeRange() throws {
        // 3,652,058 days after the Monday: 521,722 weeks (5 working days each) and 4 days, Tuesday
        // to Friday: 2,608,610 + 4.
        let calendar = WorkingDays(holidays: [])
        let from = Day(ordinal: Day.range.lowerBound)
        let to = Day(ordinal: Day.range.upperBound)
        #expect(from.weekday == 1 && to.weekday == 5)
        #expect(calendar.between(from, to) == 2_608_614)
        #expect(calendar.between(to, from) == -2_608_614)
    }
}
