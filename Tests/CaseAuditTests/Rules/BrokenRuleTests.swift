import Testing
@testable import CaseAudit

/// Each broken rule file must give exactly the expected first diagnostic: code, line, column, message.
@Suite("Broken rule files")
struct BrokenRuleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var code: String
        var line: Int
        var column: Int
        var message: String
        var testDescription: String { name }
    }

    static let applies = 21
    static let q2 = ["  - id: q2", "    criterion: \"4.1\"", "    text: Another", "    scale: yn"]

    static let cases: [Case] = [
        Case(name: "unknown fact in an expression", text: RuleFixtures.text(replacing: [applies: "    applies: rsoh >= medium"]),
             code: "rules.unknown-name", line: 21, column: 14, message: "'rsoh' is not a declared fact or predicate; did you mean 'rosh'?"),
        Case(name: "misspelt ordinal value", text: RuleFixtures.text(replacing: [applies: "    applies: rosh >= meduim"]),
             code: "rules.unknown-value", line: 21, column: 22, message: "'meduim' is not a value of 'rosh'; did you mean 'medium'? (values: low, medium, high)"),
        Case(name: "ordering an unordered enum", text: RuleFixtures.text(replacing: [applies: "    applies: case_type > licence"]),
             code: "rules.unordered-comparison", line: 21, column: 24, message: "'case_type' is not ordered, so '>' cannot be used; compare with '==', '!=' or 'in'"),
        Case(name: "fact compared with a value of the wrong type", text: RuleFixtures.text(replacing: [applies: "    applies: rosh == 3"]),
             code: "rules.type-mismatch", line: 21, column: 19, message: "cannot compare a value of 'rosh' with a number"),
        Case(name: "answer() cycle", text: RuleFixtures.text(replacing: [applies: "    applies: answer('q2') == yes"], appending: q2 + ["    applies: answer('q1') == yes"]),
             code: "rules.answer-cycle", line: 26, column: 14, message: "questions depend on each other's answers in a cycle: q1 → q2 → q1"),
        Case(name: "unknown scale", text: RuleFixtures.text(replacing: [20: "    scale: yesno"]),
             code: "rules.unknown-scale", line: 20, column: 12, message: "'yesno' is not a scale of this set"),
        Case(name: "duplicate question id", text: RuleFixtures.text(appending: ["  - id: q1", "    criterion: \"4.1\"", "    text: Again", "    scale: yn"]),
             code: "rules.duplicate-id", line: 22, column: 9, message: "question id 'q1' is used twice"),
        Case(name: "question in an unknown criterion", text: RuleFixtures.text(replacing: [18: "    criterion: \"4.2\""]),
             code: "rules.unknown-criterion", line: 18, column: 16, message: "'4.2' is not a criterion of this set; did you mean '4.1'?"),
        Case(name: "unknown key in a question", text: RuleFixtures.text(replacing: [applies: "    applie: cp"]),
             code: "rules.unknown-key", line: 21, column: 5, message: "unknown key 'applie' in a question; did you mean 'applies'?"),
        Case(name: "syntax error inside a plain expression", text: RuleFixtures.text(replacing: [applies: "    applies: cp and and rosh"]),
             code: "rules.expression-syntax", line: 21, column: 21, message: "expected a value, found 'and'"),
        Case(name: "syntax error inside a quoted expression", text: RuleFixtures.text(replacing: [applies: "    applies: \"cp and (rosh > low\""]),
             code: "rules.expression-syntax", line: 21, column: 33, message: "expected ')', found the end of the expression"),
        Case(name: "syntax error on the second line of a folded expression", text: RuleFixtures.text(replacing: [applies: "    applies: cp and"], appending: ["      rosh >> low"]),
             code: "rules.expression-syntax", line: 22, column: 13, message: "expected a value, found '>'"),
        Case(name: "unknown fact type", text: RuleFixtures.text(replacing: [8: "  cp: {type: boolean}"]),
             code: "rules.unknown-fact-type", line: 8, column: 14, message: "'boolean' is not a fact type; did you mean 'bool'? (types: bool, enum, ordinal, set, int, date, string)"),
        Case(name: "enum without values", text: RuleFixtures.text(replacing: [6: "  case_type: {type: enum}"]),
             code: "rules.missing-key", line: 6, column: 14, message: "fact 'case_type' of type enum needs 'values'"),
        Case(name: "value that is not an identifier", text: RuleFixtures.text(replacing: [5: "  rosh: {type: ordinal, values: [Low, medium, high]}"]),
             code: "rules.invalid-identifier", line: 5, column: 34, message: "'Low' in fact 'rosh' is not a valid value name: use lower-case letters, digits and '_', starting with a letter, and not one of and, or, not, in, true, false"),
        Case(name: "value listed twice", text: RuleFixtures.text(replacing: [5: "  rosh: {type: ordinal, values: [low, medium, low]}"]),
             code: "rules.duplicate-value", line: 5, column: 47, message: "'low' appears twice in fact 'rosh'"),
        Case(name: "sufficient option not in the scale", text: RuleFixtures.text(replacing: [11: "  yn: {options: [yes, no], sufficient: [yse]}"]),
             code: "rules.unknown-option", line: 11, column: 41, message: "'yse' is not an option of scale 'yn'; did you mean 'yes'?"),
        Case(name: "invalid gap kind", text: RuleFixtures.text(replacing: [11: "  yn: {options: [yes, no], sufficient: [yes], gap_kind: {no: practise}}"]),
             code: "rules.invalid-gap-kind", line: 11, column: 62, message: "a gap kind is 'practice' or 'recording'; did you mean 'practice'?"),
        Case(name: "for_each over a fact that is not a set", text: RuleFixtures.text(appending: ["    for_each: rosh"]),
             code: "rules.for-each-not-set", line: 22, column: 15, message: "for_each needs a set fact; 'rosh' is ordinal"),
        Case(name: "for_each over an unknown fact", text: RuleFixtures.text(appending: ["    for_each: factor"]),
             code: "rules.unknown-fact", line: 22, column: 15, message: "'factor' is not a declared fact; did you mean 'factors'?"),
        Case(name: "also_scores an unknown outcome", text: RuleFixtures.text(appending: ["    also_scores: [victim]"]),
             code: "rules.unknown-outcome", line: 22, column: 19, message: "'victim' is not an outcome of this set"),
        Case(name: "compute of the wrong type", text: RuleFixtures.text(appending: ["    compute: rosh"]),
             code: "rules.compute-type", line: 22, column: 14, message: "a computed answer must be a condition (true → 'yes', false → 'no') or a value of scale 'yn', but this is a value of 'rosh'"),
        Case(name: "error inside a predicate, at its exact character", text: RuleFixtures.text(appending: ["predicates:", "  high_risk: rosh >= hihg"]),
             code: "rules.unknown-value", line: 23, column: 22, message: "'hihg' is not a value of 'rosh'; did you mean 'high'? (values: low, medium, high)"),
        Case(name: "predicates in a cycle", text: RuleFixtures.text(appending: ["predicates:", "  p1: p2 and cp", "  p2: not p1"]),
             code: "rules.predicate-cycle", line: 23, column: 7, message: "predicates refer to each other in a cycle: p1 → p2 → p1"),
        Case(name: "unknown function", text: RuleFixtures.text(replacing: [applies: "    applies: hass(cp)"]),
             code: "rules.unknown-function", line: 21, column: 14, message: "'hass' is not a function; did you mean 'has'?"),
        Case(name: "function with the wrong number of arguments", text: RuleFixtures.text(replacing: [applies: "    applies: has(cp, rosh)"]),
             code: "rules.function-arguments", line: 21, column: 14, message: "has() takes 1 argument, not 2"),
        Case(name: "answer() of an unknown question", text: RuleFixtures.text(replacing: [applies: "    applies: answer('q9') == yes"]),
             code: "rules.unknown-question", line: 21, column: 21, message: "'q9' is not a question of this set; did you mean 'q1'?"),
        Case(name: "unknown scoring method", text: RuleFixtures.text(appending: ["scoring:", "  outcome: mean_of_question"]),
             code: "rules.scoring-method", line: 23, column: 12, message: "'mean_of_question' is not a scoring method; did you mean 'mean_of_questions'? (methods: mean_of_questions, mean_of_criteria, pooled)"),
        Case(name: "bands out of order", text: RuleFixtures.text(appending: ["scoring:", "  bands: [{label: Good, min: 65}, {label: Outstanding, min: 80}]"]),
             code: "rules.band-order", line: 23, column: 61, message: "bands must be listed from the highest minimum to the lowest"),
        Case(name: "holiday that is not a date", text: RuleFixtures.text(appending: ["holidays: ['2013-02-30']"]),
             code: "rules.invalid-date", line: 22, column: 12, message: "a holiday must be a date written 'YYYY-MM-DD'"),
        Case(name: "question without text", text: RuleFixtures.text(replacing: [19: "    label: Short"]),
             code: "rules.missing-key", line: 17, column: 5, message: "question 'q1' needs 'text'"),
        Case(name: "misspelt top-level key", text: RuleFixtures.text(appending: ["chekcs: []"]),
             code: "rules.unknown-key", line: 22, column: 1, message: "unknown key 'chekcs' in a rule file; did you mean 'checks'?"),
        Case(name: "duplicate YAML key", text: RuleFixtures.text(appending: ["    text: Twice"]),
             code: "yaml.duplicate-key", line: 22, column: 5, message: "duplicate key 'text'; the first value is kept"),
        Case(name: "list value outside the enum", text: RuleFixtures.text(replacing: [applies: "    applies: case_type in [licence, parole]"]),
             code: "rules.unknown-value", line: 21, column: 37, message: "'parole' is not a value of 'case_type' (values: licence, order)"),
        Case(name: "set membership with a value of another fact", text: RuleFixtures.text(replacing: [applies: "    applies: licence in factors"]),
             code: "rules.unknown-value", line: 21, column: 14, message: "'licence' is not a value of 'factors' (values: alcohol, drugs)"),
        Case(name: "single '=' in an expression", text: RuleFixtures.text(replacing: [applies: "    applies: rosh = high"]),
             code: "rules.expression-syntax", line: 21, column: 19, message: "'=' is not an operator; use '==' to compare"),
        Case(name: "criterion in an unknown outcome", text: RuleFixtures.text(replacing: [15: "  - {id: \"4.1\", outcome: publc, title: Plan}"]),
             code: "rules.unknown-outcome", line: 15, column: 26, message: "'publc' is not an outcome of this set; did you mean 'public'?"),
        Case(name: "applies that is not a condition", text: RuleFixtures.text(replacing: [applies: "    applies: rosh"]),
             code: "rules.expression-type", line: 21, column: 14, message: "expected a condition (true/false), but this is a value of 'rosh'"),
        Case(name: "days_between of something that is not a date", text: RuleFixtures.text(replacing: [applies: "    applies: days_between(rosh, start) > 3"]),
             code: "rules.function-arguments", line: 21, column: 27, message: "days_between() takes two dates"),
        Case(name: "a name that is both a fact and a predicate", text: RuleFixtures.text(appending: ["predicates:", "  cp: rosh >= high"]),
             code: "rules.duplicate-id", line: 23, column: 3, message: "'cp' is both a fact and a predicate"),
        Case(name: "predicates written as a list", text: RuleFixtures.text(appending: ["predicates: [a, b]"]),
             code: "rules.wrong-type", line: 22, column: 13, message: "'predicates' must be a mapping of names"),
        Case(name: "answer() of a per-element question", text: RuleFixtures.text(replacing: [applies: "    applies: answer('q2') == yes"], appending: q2 + ["    for_each: factors"]),
             code: "rules.answer-per-element", line: 21, column: 21, message: "answer() cannot read 'q2': it is asked once per element (for_each)"),
        Case(name: "bool option that is not true or false", text: RuleFixtures.text(appending: ["    scored: maybe"]),
             code: "rules.wrong-type", line: 22, column: 13, message: "'scored' must be true or false"),
    ]

    @Test("first diagnostic", arguments: cases)
    func firstDiagnostic(_ fixture: Case) throws {
        let result = RuleFixtures.load(fixture.text)
        #expect(result.set == nil)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == fixture.code)
        #expect(diagnostic.location?.line == fixture.line)
        #expect(diagnostic.location?.column == fixture.column)
        #expect(diagnostic.message == fixture.message)
        #expect(diagnostic.severity == .error)
    }

    /// Every error of one expression, each at its own character: a misspelt value does not hide the
    /// unknown name after it, nor the next misspelt value of a list.
    @Test("every error in one expression", arguments: [
        ("    applies: rosh >= meduim or child_safeguarding", [
            "21:22 rules.unknown-value 'meduim' is not a value of 'rosh'; did you mean 'medium'? (values: low, medium, high)",
            "21:32 rules.unknown-name 'child_safeguarding' is not a declared fact or predicate",
        ]),
        ("    applies: rosh in [meduim, hihg] and not cpp", [
            "21:23 rules.unknown-value 'meduim' is not a value of 'rosh'; did you mean 'medium'? (values: low, medium, high)",
            "21:31 rules.unknown-value 'hihg' is not a value of 'rosh'; did you mean 'high'? (values: low, medium, high)",
            "21:45 rules.unknown-name 'cpp' is not a declared fact or predicate; did you mean 'cp'?",
        ]),
        ("    applies: (cp and rsoh >= high) or case_type > licence", [
            "21:22 rules.unknown-name 'rsoh' is not a declared fact or predicate; did you mean 'rosh'?",
            "21:49 rules.unordered-comparison 'case_type' is not ordered, so '>' cannot be used; compare with '==', '!=' or 'in'",
        ]),
    ])
    func everyError(_ line: String, _ expected: [String]) {
        let result = RuleFixtures.load(RuleFixtures.text(replacing: [Self.applies: line]))
        #expect(result.set == nil)
        #expect(result.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code) \($0.message)" } == expected)
    }

    /// A predicate with two errors reports both at its definition; its use elsewhere stays silent.
    @Test("every error in a predicate, once")
    func everyErrorInPredicate() {
        let result = RuleFixtures.load(RuleFixtures.text(replacing: [Self.applies: "    applies: high_risk"], appending: ["predicates:", "  high_risk: rosh >= hihg or cpp"]))
        #expect(result.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code)" } == [
            "23:22 rules.unknown-value", "23:30 rules.unknown-name",
        ])
    }

    @Test("the base fixture is valid")
    func baseIsValid() throws {
        let result = RuleFixtures.load(RuleFixtures.text())
        #expect(result.diagnostics.isEmpty)
        #expect(result.set?.questions.map(\.id) == ["q1"])
    }
}
