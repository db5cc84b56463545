import Testing
import YAMLKit
@testable import CaseAudit

/// Questions whose applicability reads other questions' answers, in chains: which facts each one
/// depends on, how lint reports a case still waiting on answers, and the limit on how many facts
/// one question may depend on.
@Suite("Answer chains")
struct AnswerChainTests {
    /// The fixture set with its one question replaced by `questions` (lines after line 16).
    static func set(_ questions: [String]) throws -> CriteriaSet {
        let text = (RuleFixtures.lines.prefix(16) + questions).joined(separator: "\n") + "\n"
        let result = CriteriaSetLoader.load(files: [RuleFile(path: "t.yaml", text: text)])
        return try #require(result.set, "\(result.diagnostics.map(\.message))")
    }

    static func question(_ id: String, applies: String? = nil, extra: [String] = []) -> [String] {
        ["  - id: \(id)", "    criterion: \"4.1\"", "    text: Q \(id)", "    scale: yn"]
            + (applies.map { ["    applies: \($0)"] } ?? []) + extra
    }

    /// q1 reads cp; q2 reads q1; q3 reads q2.
    static func threeLevels() throws -> CriteriaSet {
        try set(question("q1", applies: "cp") + question("q2", applies: "answer('q1') == yes")
                + question("q3", applies: "answer('q2') == yes"))
    }

    static func findings(_ set: CriteriaSet, _ yaml: String, verbose: Bool = false) throws -> [String] {
        let stream = YAMLLoader.load(string: yaml, path: "c.yaml")
        let document = try #require(stream.documents.first)
        let record = try #require(YAMLCaseReader(schema: CaseSchema(set)).read(document) { _ in })
        let lint = CaseLint(set: set, requireComplete: false, verbose: verbose, eachUnanswered: verbose)
        return lint.findings(Evaluator(set).evaluate(record)).map { "\($0.severity) \($0.code): \($0.message)" }
    }

    @Test("each question's facts follow the answers it reads to their conditions and computations")
    func applicabilityFacts() throws {
        // Facts: rosh 0, case_type 1, factors 2, cp 3, start 4.
        let set = try Self.set(
            Self.question("q1", applies: "rosh >= medium", extra: ["    compute: has(start)"])
                + Self.question("q2", applies: "case_type == licence and answer('q1') == yes")
                + Self.question("q3", applies: "cp and answer('q2') == yes", extra: ["    for_each: factors"]))
        let facts = ApplicabilityFacts(set, order: Evaluator.dependencyOrder(set.questions))
        // q1: its condition's rosh; its computation's start is not about whether it applies.
        #expect(facts.facts(of: 0) == [0])
        // q2: its own case_type, and what q1's condition and computation read.
        #expect(facts.facts(of: 1) == [0, 1, 4])
        // q3: cp and its for_each factors, and what q2's condition reads, through q1 again.
        #expect(facts.facts(of: 2) == [0, 1, 2, 3, 4])
        #expect(facts.count(of: 2) == 5)
        #expect(facts.facts(of: 2) { $0 != 1 } == [0, 2, 3, 4])
        #expect(facts.bits(of: 0) != facts.bits(of: 1))
    }

    @Test("a question waiting on one that waits on an unanswered one is a warning, not an error")
    func twoLevels() throws {
        let set = try Self.threeLevels()
        #expect(try Self.findings(set, "case: C-1\nfacts: {cp: true}\n") == [
            "warning case.unanswered: case C-1: q1 applies but has no answer",
            "warning case.undetermined: case C-1: whether 2 questions apply (q2, q3) depends on answers not given yet",
        ])
        #expect(try Self.findings(set, "case: C-1\nfacts: {cp: true}\n", verbose: true) == [
            "warning case.unanswered: case C-1: q1 applies but has no answer",
            "warning case.undetermined: case C-1: whether q2 applies depends on q1, which is unanswered",
            "warning case.undetermined: case C-1: whether q3 applies depends on q2, which is itself undecided",
        ])
        // With another question with no key, the waiting ones join the unanswered finding; a
        // question undecided for a fact not recorded is an error beside it, as before.
        let wider = try Self.set(
            Self.question("q1", applies: "cp") + Self.question("q2", applies: "answer('q1') == yes")
                + Self.question("q3", applies: "answer('q2') == yes") + Self.question("q4", applies: "rosh >= medium")
                + Self.question("q5"))
        #expect(try Self.findings(wider, "case: C-1\nfacts: {cp: true}\n") == [
            "warning case.unanswered: case C-1: 2 applicable questions have no answer (q1, q5); whether 2 questions apply depends on answers not given yet",
            "error case.undetermined: case C-1: rosh is not recorded, so whether q4 applies cannot be decided",
        ])
        // q1's answer is not an option: q2 cannot be decided by answering, nor q3 after it.
        #expect(try Self.findings(set, "case: C-1\nfacts: {cp: true}\nanswers: {q1: maybe}\n").filter { $0.contains("undetermined") } == [
            "error case.undetermined: case C-1: whether q2 applies depends on q1, which has an answer that is not one of its options",
            "error case.undetermined: case C-1: whether q3 applies depends on q2, which is itself undecided",
        ])
    }

    @Test("a chain of 3,000 questions, nothing answered: one unanswered and one waiting finding, and a template")
    func longChain() throws {
        var questions: [String] = []
        for index in 1...3_000 {
            questions += Self.question("q\(index)", applies: index < 3_000 ? "answer('q\(index + 1)') == yes" : nil)
        }
        let set = try Self.set(questions)
        #expect(try Self.findings(set, "case: C-1\n") == [
            "warning case.unanswered: case C-1: q3000 applies but has no answer",
            "warning case.undetermined: case C-1: whether 2999 questions apply (q1, q2, q3, q4, q5, q6, …) depends on answers not given yet",
        ])
        let template = CaseTemplate(set: set, facts: Array(repeating: nil, count: set.facts.count), caseID: "C-1").yaml()
        #expect(template.contains("  q1:    # Q q1 (yes | no) — only if answer('q2') == yes\n"))
        #expect(template.contains("  q3000:    # Q q3000 (yes | no)\n"))
    }

    @Test("questions of different groups undecided for the same missing fact are one finding, after more than eight causes too")
    func manyCauses() throws {
        // g1 … g9 each decide one question; qa reads f1 and f2, qb reads f1 and f3: different groups,
        // but with f2 and f3 recorded both lack only f1.
        var lines = ["id: t", "title: T", "version: \"1\"", "facts:"]
        lines += (1...9).map { "  g\($0): {type: bool}" } + (1...3).map { "  f\($0): {type: bool}" }
        lines += ["scales:", "  yn: {options: [yes, no], sufficient: [yes]}", "outcomes:", "  - {id: public, title: Public}",
                  "criteria:", "  - {id: \"4.1\", outcome: public, title: Plan}", "questions:"]
        lines += (1...9).map { "  - {id: q\($0), criterion: \"4.1\", text: Q, scale: yn, applies: g\($0)}" }
        lines += ["  - {id: qa, criterion: \"4.1\", text: Q, scale: yn, applies: f1 and f2}",
                  "  - {id: qb, criterion: \"4.1\", text: Q, scale: yn, applies: f1 and f3}"]
        let result = CriteriaSetLoader.load(files: [RuleFile(path: "t.yaml", text: lines.joined(separator: "\n") + "\n")])
        let set = try #require(result.set)
        let findings = try Self.findings(set, "case: C-1\nfacts: {f2: true, f3: true}\n")
        #expect(findings.count == 10)
        #expect(findings.prefix(9) == ArraySlice((1...9).map {
            "error case.undetermined: case C-1: g\($0) is not recorded, so whether q\($0) applies cannot be decided"
        }))
        #expect(findings.last == "error case.undetermined: case C-1: f1 is not recorded, so whether 2 questions apply (qa, qb) cannot be decided")
    }

    /// q0 … q{n-1}, question i reading fact f{i} and q{i-1}'s answer: q{i} depends on i + 1 facts.
    static func factChain(_ count: Int) -> String {
        var lines = ["id: t", "title: T", "version: \"1\"", "facts:"]
        lines += (0..<count).map { "  f\($0): {type: bool}" }
        lines += ["scales:", "  yn: {options: [yes, no], sufficient: [yes]}", "outcomes:", "  - {id: public, title: Public}",
                  "criteria:", "  - {id: \"4.1\", outcome: public, title: Plan}", "questions:"]
        for index in 0..<count {
            lines.append("  - {id: q\(index), criterion: \"4.1\", text: Q, scale: yn, applies: \"f\(index)"
                         + (index > 0 ? " and answer('q\(index - 1)') == yes\"}" : "\"}"))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("a question may depend on 256 facts; the first of a chain to depend on more is refused where its condition is")
    func factLimit() throws {
        #expect(CriteriaSetLoader.load(files: [RuleFile(path: "t.yaml", text: Self.factChain(256))]).set != nil)
        let result = CriteriaSetLoader.load(files: [RuleFile(path: "t.yaml", text: Self.factChain(300))])
        #expect(result.set == nil)
        let errors = result.diagnostics.filter { $0.code == "rules.too-many-facts" }
        // One error, for q256 (257 facts), not for the 43 after it: 4 lines of header, 300 facts,
        // 7 lines, then q0 on line 312, so q256 on line 568. `  - {id: q256, criterion: "4.1", text:
        // Q, scale: yn, applies: ` is 62 characters: the quoted condition starts at column 63.
        #expect(errors.count == 1)
        #expect(errors.first?.message == "whether q256 applies depends on 257 facts, through its conditions and the answers they read, more than the limit of 256")
        #expect((errors.first?.location?.line, errors.first?.location?.column) == (568, 63))
    }
}
