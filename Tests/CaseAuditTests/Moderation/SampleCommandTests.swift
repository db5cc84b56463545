import Foundation
import Testing

@Suite("caseaudit sample, template --from-sample and agree, through the executable")
struct SampleCommandTests {
    @Test("sample -o writes the golden CSV and prints the table; template --from-sample writes one case file per sampled case")
    func sampleToCaseFiles() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let caseload = try CaseFixtures.path("sampling/caseload.csv")
        let mini = try CaseFixtures.path("rules/mini.yaml")
        let sample = directory.appendingPathComponent("sample.csv").path
        let run = try Executable.run(["sample", caseload, "--rules", mini, "--size", "13", "--preset", "hmip", "--buffer", "10%",
                                      "--seed", "2026-Q4", "-o", sample])
        #expect(run.status == 0)
        #expect(run.codes == ["sample.duplicate", "sample.duplicate"])
        #expect(try String(contentsOfFile: sample, encoding: .utf8) == String(contentsOfFile: CaseFixtures.path("golden/sample.csv"), encoding: .utf8))
        // --max-diagnostics cuts what is printed, not the draw.
        let cut = try Executable.run(["sample", caseload, "--rules", mini, "--size", "13", "--preset", "hmip", "--buffer", "10%",
                                      "--seed", "2026-Q4", "--max-diagnostics", "1"])
        #expect(cut.status == 0)
        #expect(cut.codes == ["sample.duplicate"])
        #expect(cut.error.contains("1 more diagnostic not shown (--max-diagnostics 1)"))
        #expect(cut.output == (try String(contentsOfFile: sample, encoding: .utf8)))
        #expect(run.output.contains("Total                                             26  100.0%      13        2"))

        let cases = directory.appendingPathComponent("cases").path
        let templates = try Executable.run(["template", "--rules", mini, "--from-sample", sample, "-o", cases])
        #expect(templates.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: cases).sorted()
        #expect(files.count == 13)
        #expect(files.contains("C04.yaml") && !files.contains("C12.yaml"))  // C12 is a reserve
        let c04 = try String(contentsOfFile: cases + "/C04.yaml", encoding: .utf8)
        #expect(c04.contains("case: 'C04'"))
        #expect(c04.contains("  case_type: suspended_sentence_order\n"))
        #expect(c04.contains("  gender: male\n"))
        #expect(c04.contains("  offender_manager: 'OM-A'\n"))
        // The skeletons read cleanly: lint finds only what is left to record and answer.
        #expect(Set(try Executable.run(["lint", "--rules", mini, cases]).codes) == ["case.undetermined", "case.unanswered"])
        // A second run never overwrites them.
        let again = try Executable.run(["template", "--rules", mini, "--from-sample", sample, "--include-reserves", "-o", cases])
        #expect(again.status == 1)
        #expect(again.error.contains("C04.yaml' exists already; it is left as it is"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cases).count == 15)
    }

    @Test("without -o the sample goes to standard output and the table to standard error; errors draw nothing")
    func streamsAndErrors() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let mini = try CaseFixtures.path("rules/mini.yaml")
        let caseload = directory.appendingPathComponent("caseload.csv")
        try Data("case,rosh,gender\nC1,high,male\nC2,hihg,female\nC3,low,female\n".utf8).write(to: caseload)
        let bad = try Executable.run(["sample", caseload.path, "--rules", mini, "--size", "1", "--seed", "1"])
        #expect(bad.status == 1)
        #expect(bad.output.isEmpty)
        #expect(bad.error.contains("caseload.csv:3:4: error: 'hihg' is not a value of rosh"))
        try Data("case,rosh,gender\nC1,high,male\nC2,high,female\nC3,low,female\n".utf8).write(to: caseload)
        let good = try Executable.run(["sample", caseload.path, "--rules", mini, "--size", "2", "--seed", "1", "--strata", "gender"])
        #expect(good.status == 0)
        #expect(good.output.hasPrefix("case,stratum,status,draw,rosh,gender\r\n"))
        #expect(good.output.components(separatedBy: "\r\n").filter { $0.contains(",sample,") }.count == 2)
        #expect(good.error.contains("gender=female"))
        let usage = try Executable.run(["sample", caseload.path, "--rules", mini, "--size", "2", "--max-per", "officer=2"])
        #expect(usage.status == 2)
        #expect(usage.codes == ["usage.unknown-column"])
    }

    @Test("agree --format json carries the hand-worked kappa; --pseudonymise hides every id")
    func agreeJSON() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let mini = try CaseFixtures.path("rules/mini.yaml")
        let first = try CaseFixtures.path("agree/first"), second = try CaseFixtures.path("agree/second")
        let run = try Executable.run(["agree", first, second, "--rules", mini, "--format", "json"])
        #expect(run.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let criteria = try #require(json["criteria"] as? [[String: Any]])
        let line = try #require(criteria.first { $0["id"] as? String == "4.1" }?["line"] as? [String: Any])
        #expect(line["count"] as? Int == 9)
        #expect(abs((line["kappa"] as? Double ?? 0) - 0.4) < 1e-12)
        let key = directory.appendingPathComponent("key")
        try Data(repeating: 7, count: 32).write(to: key)
        for format in ["text", "json", "markdown"] {
            let hidden = try Executable.run(["agree", first, second, "--rules", mini, "--format", format, "--pseudonymise", key.path])
            #expect(hidden.status == 0)
            for id in ["A1", "A2", "A3", "A4", "A5", "A6"] {
                #expect(!hidden.output.contains(id) && !hidden.error.contains(id), "\(id) in \(format)")
            }
        }
    }
}
