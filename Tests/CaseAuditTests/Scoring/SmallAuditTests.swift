import Foundation
import Testing
@testable import CaseAudit

/// Options for small audits and supervision, through the built executable: `--min-base N` and
/// `gaps --by` with several facts and a summary of the groups first.
@Suite("Small audits")
struct SmallAuditTests {
    static func paths() throws -> [String] {
        ["--rules", try CaseFixtures.path("rules/mini.yaml"), try CaseFixtures.path("cases/worked/cases.yaml")]
    }

    @Test("--min-base overrides the set's min_base on score, report and gaps; below 1 is a usage error")
    func minBase() throws {
        // mini's min_base is 5; victims has a base of 2, so it is flagged unless the run says 2.
        let plain = try Executable.run(["score", "--level", "outcome"] + Self.paths())
        #expect(plain.output.contains("Delivering effective work for victims  50.0%*     2"))
        #expect(plain.output.contains("* base below 5"))
        let lowered = try Executable.run(["score", "--level", "outcome", "--min-base", "2"] + Self.paths())
        #expect(lowered.output.contains("Delivering effective work for victims  50.0%     2"))
        #expect(lowered.output.contains("* base below 2"))
        let json = try Executable.run(["score", "--format", "json", "--min-base", "2"] + Self.paths())
        #expect(json.output.contains("\"min_base\": 2"))
        let report = try Executable.run(["report", "--format", "markdown", "--min-base", "2"] + Self.paths())
        #expect(report.output.contains("a base of at least 2"))
        #expect(try Executable.run(["gaps", "--min-base", "2"] + Self.paths()).status == 1)
        let zero = try Executable.run(["score", "--min-base", "0"] + Self.paths())
        #expect(zero.status == 2)
        #expect(zero.error.contains("--min-base must be 1 or more"))
    }

    @Test("gaps --by two facts: one group per combination, summed up first (cases, gaps, sufficient answers)")
    func gapsByTwoFacts() throws {
        let run = try Executable.run(["gaps", "--by", "gender", "--by", "case_type"] + Self.paths())
        // Worked by hand from cases.yaml: W-1 (female, licence) has 6 sufficient answers (screening,
        // plan, alcohol, delivered, children, computed plan.timely) and 1 insufficient (thinking);
        // W-2 and W-3 (male, community orders) 3 of 8; W-4 (female, SSO) 1 of 2; W-5 (gender not
        // recorded) has 2 sufficient and its 3 gaps are invalid or undecided.
        let table = """

            Gender          Type of case              Cases  With gaps  Gaps  Sufficient answers
            ──────────────  ────────────────────────  ─────  ─────────  ────  ──────────────────
            female          suspended_sentence_order      1          1     4      50.0% (1 of 2)
            female          licence                       1          1     1      85.7% (6 of 7)
            male            community_order               2          2     5      37.5% (3 of 8)
            (not recorded)  licence                       1          1     3     100.0% (2 of 2)

            Gender: female · Type of case: suspended_sentence_order
            """
        #expect(run.output.contains(table))
        #expect(run.output.hasSuffix("13 gaps in 5 of 5 cases\n"))
        let json = try Executable.run(["gaps", "--format", "json", "--by", "gender,case_type"] + Self.paths())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let groups = try #require((object["summary"] as? [String: Any])?["groups"] as? [[String: Any]])
        #expect(groups.count == 4)
        let licence = groups[1]
        let keys = (licence["group"] as? [[String: Any]])?.map { "\($0["fact"] ?? "")=\($0["value"] ?? "")" }
        #expect(keys == ["gender=female", "case_type=licence"])
        #expect(licence["cases"] as? Int == 1 && licence["gaps"] as? Int == 1)
        #expect(licence["sufficient"] as? Int == 6 && licence["assessed"] as? Int == 7)
        #expect(licence["score"] as? Double == 85.7)
    }

    @Test("one of a thing is written singular: 1 case, 1 error, 1 file, 1 gap")
    func plurals() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("""
            case: P-1
            facts: {case_type: licence, rosh: low, child_protection_concerns: false, factors: [], sentence_date: 2013-04-01,
                    plan_date: 2013-04-02, gender: mail}
            answers: {rosh.screening_sufficient: no}

            """.utf8).write(to: directory.appendingPathComponent("p.yaml"))
        let mini = try CaseFixtures.path("rules/mini.yaml")
        let report = try Executable.run(["report", "--format", "markdown", "--rules", mini, "p.yaml"], in: directory).output
        #expect(report.contains("- Sample: 1 case from 1 file\n"))
        #expect(report.contains("> Reading the case files found 1 error and 0 warnings."))
        #expect(report.contains("; a base of 1 case."))
        #expect(report.contains("The 1 case by each fact."))
        let score = try Executable.run(["score", "--rules", mini, "p.yaml"], in: directory).output
        #expect(score.contains("\n1 case · outcome score"))
        let gaps = try Executable.run(["gaps", "--rules", mini, "p.yaml"], in: directory).output
        #expect(gaps.hasSuffix("\n1 gap in 1 of 1 case\n"))
    }
}
