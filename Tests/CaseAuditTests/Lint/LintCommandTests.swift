import Foundation
import Testing
@testable import CaseAudit

/// `caseaudit lint` end to end: exit codes and output formats, through the built executable.
@Suite("lint from the command line")
struct LintCommandTests {
    static let root = CaseFixtures.repository

    /// A temporary directory with the mini set as mini.yaml and `files` (name: text) beside it.
    static func miniDirectory(_ files: [String: String]) throws -> URL {
        let directory = try Executable.temporaryDirectory()
        try FileManager.default.copyItem(atPath: CaseFixtures.path("rules/mini.yaml"), toPath: directory.appendingPathComponent("mini.yaml").path)
        for (name, text) in files { try Data(text.utf8).write(to: directory.appendingPathComponent(name)) }
        return directory
    }

    @Test("the example samples lint clean, each against its set: exit 0 and a summary line")
    func examplesClean() throws {
        let run = try Executable.run(["lint", "examples/york-2013"], in: Self.root)
        #expect(run.status == 0)
        #expect(run.output == "no problems in 10 files (49 cases)\n")
        #expect(run.error.isEmpty)
        let hmip = try Executable.run(["lint", "--strict", "--rules", "Rules/hmip-2018", "examples/hmip-2018"], in: Self.root)
        #expect(hmip.status == 0)
        #expect(hmip.output == "no problems in 6 files (36 cases)\n")
    }

    @Test("an unreadable path exits 2; a usage error exits 2")
    func unreadable() throws {
        let run = try Executable.run(["lint", "no/such/file.yaml"], in: Self.root)
        #expect(run.status == 2)
        #expect(run.output.hasPrefix("no/such/file.yaml:1:1: error: cannot read 'no/such/file.yaml': no such file or directory [input.unreadable]\n"))
        #expect(try Executable.run(["lint"], in: Self.root).status == 2)
        #expect(try Executable.run(["score", "--no-such-option", "examples/"], in: Self.root).status == 2)
    }

    @Test("warnings pass, and fail with --strict; unanswered questions fail with --require-complete")
    func strictness() throws {
        // Everything recorded; one applicable question (cp.attention) left unanswered.
        let text = """
            case: S-1
            facts: {case_type: licence, rosh: low, child_protection_concerns: true, factors: [], sentence_date: 2013-04-01,
                    plan_date: 2013-04-10, offender_manager: OM-1, gender: male, age: 30}
            answers: {rosh.screening_sufficient: yes, cp.known_to_childrens_services: no}
            """
        let directory = try Self.miniDirectory(["s.yaml": text])
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = try Executable.run(["lint", "--rules", "mini.yaml", "s.yaml"], in: directory)
        #expect(plain.status == 0)
        #expect(plain.codes == ["case.unanswered"])
        #expect(plain.output.hasSuffix("1 warning in 1 file (1 case)\n"))
        #expect(try Executable.run(["lint", "--strict", "--rules", "mini.yaml", "s.yaml"], in: directory).status == 1)
        let complete = try Executable.run(["lint", "--require-complete", "--rules", "mini.yaml", "s.yaml"], in: directory)
        #expect(complete.status == 1)
        #expect(complete.output.contains("s.yaml:1:7: error: case S-1: cp.attention applies but has no answer [case.unanswered]"))
    }

    /// Every fact of the mini set: RoSH high, child protection concerns, three factors.
    static let highRoshFacts = """
        facts: {case_type: licence, rosh: high, child_protection_concerns: true, factors: [alcohol, thinking_behaviour, accommodation],
                sentence_date: 2013-04-01, plan_date: 2013-04-10, offender_manager: OM-1, gender: male, age: 30}

        """

    /// Every fact recorded, one answer: the questions with no key are one warning for the case,
    /// one each with --verbose. Worked out from mini.yaml: rosh.screening_sufficient always applies;
    /// interv.factor_delivered once per factor (3); rmp.actions_delivered (rosh high, rmp.sufficient
    /// yes); cp.attention and cp.known_to_childrens_services (child_protection_concerns): 7.
    /// plan.timely is computed (2013-04-01 to 2013-04-10 is within 15 working days); rmp.sufficient
    /// is answered.
    @Test("questions a case has no key for are one finding per case, one each with --verbose")
    func unansweredGrouped() throws {
        let text = "case: M-1\n" + Self.highRoshFacts + "answers: {rmp.sufficient: yes}\n"
        let directory = try Self.miniDirectory(["m.yaml": text])
        defer { try? FileManager.default.removeItem(at: directory) }
        let grouped = try Executable.run(["lint", "--rules", "mini.yaml", "m.yaml"], in: directory)
        #expect(grouped.status == 0)
        #expect(grouped.output == """
            m.yaml:1:7: warning: case M-1: 7 applicable questions have no answer (rosh.screening_sufficient, \
            interv.factor_delivered[alcohol], interv.factor_delivered[thinking_behaviour], interv.factor_delivered[accommodation], \
            rmp.actions_delivered, cp.attention, …) [case.unanswered]
                case: M-1
                      ^
            note: lint --verbose gives one finding per question, with its text and options
            1 warning in 1 file (1 case)

            """)
        let complete = try Executable.run(["lint", "--require-complete", "--rules", "mini.yaml", "m.yaml"], in: directory)
        #expect(complete.status == 1)
        #expect(complete.output.hasPrefix("m.yaml:1:7: error: case M-1: 7 applicable questions have no answer ("))
        let verbose = try Executable.run(["lint", "--verbose", "--rules", "mini.yaml", "m.yaml"], in: directory)
        #expect(verbose.output.split(separator: "\n").filter { $0.hasSuffix(" applies but has no answer [case.unanswered]") }.count == 7)
        #expect(verbose.output.contains("""
            m.yaml:1:7: warning: case M-1: cp.known_to_childrens_services applies but has no answer [case.unanswered]
                case: M-1
                      ^
            note: The children were known to children's social care when the sentence began (yes, no)
            """))
        #expect(verbose.output.hasSuffix("7 warnings in 1 file (1 case)\n"))
    }

    /// The same facts and no answers, as `sample` writes a record: rmp.sufficient applies (RoSH
    /// high) and is unanswered, so whether rmp.actions_delivered applies (`answer('rmp.sufficient')
    /// != not_completed`) waits on it. 7 keyless questions: the 7 above less rmp.actions_delivered,
    /// plus rmp.sufficient. An incomplete case, not a wrong one: warnings only, exit 0.
    @Test("a case with facts and no answers yet lints with warnings only")
    func factsOnly() throws {
        let text = "case: M-2\n" + Self.highRoshFacts
        let directory = try Self.miniDirectory(["m.yaml": text])
        defer { try? FileManager.default.removeItem(at: directory) }
        let grouped = try Executable.run(["lint", "--rules", "mini.yaml", "m.yaml"], in: directory)
        #expect(grouped.status == 0)
        #expect(grouped.output == """
            m.yaml:1:7: warning: case M-2: 7 applicable questions have no answer (rosh.screening_sufficient, rmp.sufficient, \
            interv.factor_delivered[alcohol], interv.factor_delivered[thinking_behaviour], interv.factor_delivered[accommodation], \
            cp.attention, …); whether 1 question applies depends on answers not given yet [case.unanswered]
                case: M-2
                      ^
            note: lint --verbose gives one finding per question, with its text and options
            1 warning in 1 file (1 case)

            """)
        let verbose = try Executable.run(["lint", "--verbose", "--rules", "mini.yaml", "m.yaml"], in: directory)
        #expect(verbose.status == 0)
        #expect(verbose.output.contains("""
            m.yaml:1:7: warning: case M-2: whether rmp.actions_delivered applies depends on rmp.sufficient, which is unanswered [case.undetermined]
                case: M-2
                      ^
            note: rmp.sufficient: Sufficient initial plan in place to manage risk of harm
            """))
        #expect(verbose.output.hasSuffix("8 warnings in 1 file (1 case)\n"))
        let complete = try Executable.run(["lint", "--require-complete", "--verbose", "--rules", "mini.yaml", "m.yaml"], in: directory)
        #expect(complete.status == 1)
        #expect(complete.output.hasSuffix("8 errors in 1 file (1 case)\n"))
    }

    /// A York case (IAOW set) with its recorded RoSH misspelt: one error where it is written, not
    /// also a failed check (rosh_recorded "missing") and 15 questions waiting for rosh_assessed.
    @Test("a misspelt fact value gives one error, without follow-ons")
    func misspeltFactValue() throws {
        let york = try String(contentsOf: Self.root.appendingPathComponent("examples/york-2013/om-01.yaml"), encoding: .utf8)
        let document = try #require(york.components(separatedBy: "\n---\n").first { $0.contains("\n  rosh_recorded: high\n") })
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = document.replacingOccurrences(of: "\n  rosh_recorded: high\n", with: "\n  rosh_recorded: Low\n")
        try Data(text.utf8).write(to: directory.appendingPathComponent("c.yaml"))
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "  rosh_recorded: Low" }) + 1
        let run = try Executable.run(["lint", "c.yaml"], in: directory)
        #expect(run.status == 1)
        #expect(run.codes == ["case.fact-value"])
        #expect(run.output.hasPrefix("c.yaml:\(line):18: error: 'Low' is not a value of rosh_recorded; did you mean 'low'? [case.fact-value]\n"))
        #expect(run.output.hasSuffix("1 error in 1 file (1 case)\n"))
    }

    /// The skipped copy of a duplicate case reports nothing of its own, read on one thread or on
    /// two (where the duplicate is found after the reading and the input read again), and lint
    /// counts the errors score counts.
    @Test("a skipped duplicate case reports only that it is a duplicate")
    func duplicateCopy() throws {
        let mini = try CaseFixtures.path("rules/mini.yaml")
        for file in ["case-duplicate-id.yaml", "csv-duplicate-id.csv"] {
            let path = try CaseFixtures.path("lint/bad/" + file)
            let one = try Executable.run(["lint", "--jobs", "1", "--rules", mini, path])
            #expect(one.codes == ["case.duplicate-id"], "\(file): \(one.output)")
            #expect(one.output.hasSuffix("1 error in 1 file (1 case)\n"))
            let two = try Executable.run(["lint", "--jobs", "2", "--rules", mini, path])
            #expect(two.output == one.output)
            let score = try Executable.run(["score", "--rules", mini, path])
            #expect(score.error.matches(of: /\[(case|csv)\.[a-z-]+\]/).map { String($0.output.0) } == ["[case.duplicate-id]"], "\(file): \(score.error)")
        }
    }

    @Test("the GitHub format follows the workflow command syntax")
    func github() throws {
        let directory = try Self.miniDirectory(["g, 1.yaml": "case: G-1\nfacts:\n  rosh: hihg\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Executable.run(["lint", "--format", "github", "--rules", "mini.yaml", "g, 1.yaml"], in: directory)
        #expect(run.status == 1)
        let lines = run.output.split(separator: "\n")
        #expect(lines.contains("::error file=g%2C 1.yaml,line=3,col=9,title=case.fact-value::'hihg' is not a value of rosh; did you mean 'high'?"))
        #expect(lines.contains { $0.hasPrefix("::warning file=g%2C 1.yaml,line=1,col=7,title=case.unanswered::case G-1: rosh.screening_sufficient applies but has no answer%0A") })
        for line in lines {
            #expect(line.firstMatch(of: /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,title=[a-z.-]+::.+$/) != nil, "\(line)")
        }
    }
}
