import Foundation
import Testing
@testable import CaseAudit

/// `lint --verbose` and `--max-diagnostics N`, through the built executable, on fixtures whose
/// findings are listed in BadCaseFileTests.
@Suite("lint --verbose and --max-diagnostics")
struct DiagnosticLimitTests {
    static func directory() throws -> URL {
        let directory = try Executable.temporaryDirectory()
        try FileManager.default.copyItem(atPath: CaseFixtures.path("rules/mini.yaml"), toPath: directory.appendingPathComponent("mini.yaml").path)
        try FileManager.default.copyItem(atPath: CaseFixtures.path("lint/bad/undetermined.yaml"), toPath: directory.appendingPathComponent("u.yaml").path)
        // Three rejected fact values: three case.fact-value errors, which score prints too.
        try Data("case: F-1\nfacts: {rosh: hihg, case_type: license, gender: mail}\n".utf8).write(to: directory.appendingPathComponent("f.yaml"))
        return directory
    }

    static let attention = "u.yaml:2:7: error: case Y-47: child_protection_concerns is not recorded, so whether cp.attention applies cannot be decided [case.undetermined]"
    static let known = "u.yaml:2:7: error: case Y-47: child_protection_concerns is not recorded, so whether cp.known_to_childrens_services applies cannot be decided [case.undetermined]"

    @Test("--verbose: one finding per undecided question instead of one for both")
    func verbose() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let grouped = try Executable.run(["lint", "--rules", "mini.yaml", "u.yaml"], in: directory)
        #expect(grouped.codes == ["case.undetermined"])
        #expect(grouped.output.hasSuffix("1 error in 1 file (1 case)\n"))
        let verbose = try Executable.run(["lint", "--verbose", "--rules", "mini.yaml", "u.yaml"], in: directory)
        #expect(verbose.status == 1)
        let lines = verbose.output.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("u.yaml:") } == [Self.attention, Self.known])
        #expect(verbose.output.hasSuffix("2 errors in 1 file (1 case)\n"))
    }

    @Test("--max-diagnostics cuts what lint prints, in every format, never the counts or the exit status")
    func lint() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = ["lint", "--verbose", "--rules", "mini.yaml", "u.yaml"]

        let text = try Executable.run(base + ["--max-diagnostics", "1"], in: directory)
        #expect(text.status == 1)
        let lines = text.output.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("u.yaml:") } == [Self.attention])
        #expect(text.output.hasSuffix("1 more diagnostic not shown (--max-diagnostics 1)\n2 errors in 1 file (1 case)\n"))

        let none = try Executable.run(base + ["--max-diagnostics", "0"], in: directory)
        #expect(none.status == 1)
        #expect(none.output == "2 more diagnostics not shown (--max-diagnostics 0)\n2 errors in 1 file (1 case)\n")

        let enough = try Executable.run(base + ["--max-diagnostics", "2"], in: directory)
        #expect(enough.output == (try Executable.run(base, in: directory)).output)

        let github = try Executable.run(base + ["--max-diagnostics", "1", "--format", "github"], in: directory)
        #expect(github.status == 1)
        #expect(github.output.split(separator: "\n").count == 2)
        #expect(github.output.hasSuffix("::notice::1 more diagnostic not shown (--max-diagnostics 1)\n"))

        let json = try Executable.run(base + ["--max-diagnostics", "1", "--format", "json"], in: directory)
        #expect(json.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((document["diagnostics"] as? [Any])?.count == 1)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 2)
        #expect(summary["not_shown"] as? Int == 1)
        #expect(summary["exit_status"] as? Int == 1)

        let sarif = try Executable.run(base + ["--max-diagnostics", "1", "--format", "sarif"], in: directory)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.output.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect((run["results"] as? [Any])?.count == 1)
        #expect((run["properties"] as? [String: Any])?["notShown"] as? Int == 1)

        #expect(try Executable.run(base + ["--max-diagnostics", "-1"], in: directory).status == 2)
    }

    @Test("--max-diagnostics on score: diagnostics on standard error cut, the scores and the exit status unchanged")
    func score() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let all = try Executable.run(["score", "--rules", "mini.yaml", "f.yaml"], in: directory)
        #expect(all.codes == ["case.fact-value", "case.fact-value", "case.fact-value"])
        let cut = try Executable.run(["score", "--rules", "mini.yaml", "--max-diagnostics", "1", "f.yaml"], in: directory)
        #expect(cut.status == all.status)
        #expect(cut.output == all.output)
        #expect(cut.codes == ["case.fact-value"])
        #expect(cut.error.hasSuffix("2 more diagnostics not shown (--max-diagnostics 1)\n"))
        for command in ["gaps", "report"] {
            let run = try Executable.run([command, "--rules", "mini.yaml", "--max-diagnostics", "0", "f.yaml"], in: directory)
            #expect(run.codes.isEmpty, "\(command)")
            #expect(run.error == "3 more diagnostics not shown (--max-diagnostics 0)\n", "\(command)")
        }
        let explain = try Executable.run(["explain", "--rules", "mini.yaml", "--max-diagnostics", "0", "F-1", "rmp.sufficient", "f.yaml"], in: directory)
        #expect(explain.error == "3 more diagnostics not shown (--max-diagnostics 0)\n")
    }
}
