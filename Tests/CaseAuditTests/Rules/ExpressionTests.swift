import Testing
@testable import CaseAudit

@Suite("Expression evaluation")
struct ExpressionTests {
    /// The base fixture plus holidays, so expressions can be compiled against its schema.
    static let set: CriteriaSet = {
        let text = RuleFixtures.text(appending: ["holidays: ['2013-12-25', '2013-12-26']"])
        guard let set = RuleFixtures.load(text).set else { preconditionFailure("the base fixture must load") }
        return set
    }()

    static func compiler() -> ExpressionCompiler {
        var factIndex: [String: Int] = [:]
        for (index, fact) in set.facts.enumerated() { factIndex[fact.name] = index }
        return ExpressionCompiler(schema: .init(
            facts: set.facts, factIndex: factIndex, predicates: ["high_plus": "rosh >= high"], scales: set.scales,
            questions: ["q1": (0, 0, false)], workingDays: WorkingDays(holidays: set.holidays)))
    }

    /// Facts by name; missing names are missing facts. Index order: rosh, case_type, factors, cp, start.
    static func values(_ facts: [String: FactValue], answer: AnswerState = .unknown) -> CaseValues {
        CaseValues(facts: set.facts.map { facts[$0.name] }, answers: [answer])
    }

    static func eval(_ text: String, _ facts: [String: FactValue], answer: AnswerState = .unknown) throws -> Truth {
        var compiler = compiler()
        return try compiler.condition(text)(values(facts, answer: answer))
    }

    @Test("three-valued and, or, not with a missing fact")
    func threeValued() throws {
        // cp is missing: unknown unless the other operand decides.
        #expect(try Self.eval("cp and rosh >= high", ["rosh": .option(0)]) == .false)  // low: false decides
        #expect(try Self.eval("cp and rosh >= high", ["rosh": .option(2)]) == .unknown)
        #expect(try Self.eval("cp or rosh >= high", ["rosh": .option(2)]) == .true)  // high: true decides
        #expect(try Self.eval("cp or rosh >= high", ["rosh": .option(0)]) == .unknown)
        #expect(try Self.eval("not cp", [:]) == .unknown)
        #expect(try Self.eval("not cp", ["cp": .bool(false)]) == .true)
        #expect(try Self.eval("has(cp)", [:]) == .false)  // has() is never unknown
        #expect(try Self.eval("has(cp) and cp", [:]) == .false)
        #expect(try Self.eval("not (cp and case_type == licence)", ["cp": .bool(true), "case_type": .option(1)]) == .true)
    }

    @Test("ordinal comparison follows the declared order")
    func ordinal() throws {
        #expect(try Self.eval("rosh >= medium", ["rosh": .option(1)]) == .true)
        #expect(try Self.eval("rosh > medium", ["rosh": .option(1)]) == .false)
        #expect(try Self.eval("rosh < high", ["rosh": .option(0)]) == .true)
        #expect(try Self.eval("rosh <= low", ["rosh": .option(2)]) == .false)
        #expect(try Self.eval("high_plus", ["rosh": .option(2)]) == .true)
        #expect(try Self.eval("rosh in [low, medium]", ["rosh": .option(2)]) == .false)
        #expect(try Self.eval("rosh not in [low, medium]", ["rosh": .option(2)]) == .true)
    }

    @Test("set membership and set functions")
    func sets() throws {
        let both: FactValue = .set(0b11)
        let alcohol: FactValue = .set(0b01)
        let none: FactValue = .set(0)
        #expect(try Self.eval("alcohol in factors", ["factors": alcohol]) == .true)
        #expect(try Self.eval("drugs in factors", ["factors": alcohol]) == .false)
        #expect(try Self.eval("drugs not in factors", ["factors": alcohol]) == .true)
        #expect(try Self.eval("alcohol in factors", [:]) == .unknown)
        #expect(try Self.eval("count(factors) == 2", ["factors": both]) == .true)
        #expect(try Self.eval("any(factors, [drugs])", ["factors": alcohol]) == .false)
        #expect(try Self.eval("all(factors, [alcohol, drugs])", ["factors": both]) == .true)
        #expect(try Self.eval("only(factors, [alcohol])", ["factors": both]) == .false)
        #expect(try Self.eval("only(factors, [alcohol])", ["factors": none]) == .true)
    }

    @Test("working days skip the weekend and listed holidays")
    func workingDays() throws {
        // Friday 2013-03-01 → Monday 2013-03-04: one working day (Monday).
        #expect(try Self.eval("working_days_between('2013-03-01', start) == 1", ["start": .date(try #require(Day(iso: "2013-03-04")))]) == .true)
        #expect(try Self.eval("days_between('2013-03-01', start) == 3", ["start": .date(try #require(Day(iso: "2013-03-04")))]) == .true)
        // Monday 2013-12-23 → Friday 2013-12-27: Tue 24, Fri 27 (25 and 26 are holidays) = 2.
        #expect(try Self.eval("working_days_between('2013-12-23', start) == 2", ["start": .date(try #require(Day(iso: "2013-12-27")))]) == .true)
        // Backwards is negative.
        #expect(try Self.eval("working_days_between(start, '2013-12-23') == -2", ["start": .date(try #require(Day(iso: "2013-12-27")))]) == .true)
        #expect(try Self.eval("start + 7 > '2013-03-10'", ["start": .date(try #require(Day(iso: "2013-03-04")))]) == .true)
        #expect(try Self.eval("working_days_between(start, '2013-03-10') > 1", [:]) == .unknown)
    }

    @Test("answer() is absent when the question does not apply, unknown when unanswered")
    func answers() throws {
        #expect(try Self.eval("answer('q1') == yes", [:], answer: .option(0)) == .true)
        #expect(try Self.eval("answer('q1') != no", [:], answer: .option(0)) == .true)
        #expect(try Self.eval("answer('q1') != no", [:], answer: .absent) == .false)
        #expect(try Self.eval("answer('q1') == yes", [:], answer: .absent) == .false)
        #expect(try Self.eval("answer('q1') in [yes]", [:], answer: .unknown) == .unknown)
    }

    @Test("calendar dates")
    func days() throws {
        #expect(Day(iso: "1970-01-01")?.ordinal == 0)
        #expect(Day(iso: "2013-03-04")?.weekday == 1)  // a Monday
        #expect(Day(iso: "2012-02-29")?.description == "2012-02-29")
        #expect(Day(iso: "2013-02-29") == nil)
        #expect(Day(iso: "2013-3-4") == nil)
    }
}

@Suite("Expression tokens")
struct LexerTests {
    /// Names and two-character symbols are made from the characters' bytes when they are ASCII;
    /// a character beyond ASCII is never part of one: 'Ľ' (U+013D) is not '=' (0x3D), so "Ľ="
    /// is an unexpected character at offset 5, not the symbol "==".
    @Test("names and symbols, and a character beyond ASCII before '='")
    func tokens() throws {
        let kinds = try Lexer.tokens("rosh >= high and not cp").map(\.kind)
        #expect(kinds == [.identifier("rosh"), .symbol(.greaterEqual), .identifier("high"), .keyword(.and), .keyword(.not), .identifier("cp"), .end])
        #expect(throws: Lexer.Failure(message: "unexpected character 'Ľ'", offset: 5)) { try Lexer.tokens("rosh Ľ= high") }
        #expect(try Lexer.tokens("a<=b").map(\.offset) == [0, 1, 3, 4])
    }
}
