import Foundation
import Testing
@testable import CaseAudit

/// `lint --format sarif` against the official SARIF 2.1.0 JSON schema (Fixtures/sarif-schema-2.1.0.json).
@Suite("SARIF output")
struct SARIFTests {
    static func validator() throws -> JSONSchemaValidator {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/sarif-schema-2.1.0", withExtension: "json"))
        return try JSONSchemaValidator(schemaData: Data(contentsOf: url))
    }

    /// Diagnostics of every shape: located errors and warnings with notes (a duplicate id's note has a
    /// location; an applicability note has none), a fix-it, a usage error with no location, and
    /// paths that need percent-encoding.
    static func diagnostics() throws -> [Diagnostic] {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("cases, é 1.yaml")
        try Data("""
            case: D-1
            facts: {rosh: hihg, child_protection_concerns: false}
            answers: {cp.attention: yes}
            ---
            case: D-1
            """.utf8).write(to: file)
        let set = try CaseFixtures.miniSet()
        var diagnostics: [Diagnostic] = []
        _ = LintRun.cases(CaseStream(schema: CaseSchema(set), inputs: [.file(file.path)])) { diagnostics += $0 }
        diagnostics.append(Diagnostic(.error, code: "usage.unknown-fact", "unknown fact 'gendre'; did you mean 'gender'?", at: nil))
        return diagnostics
    }

    /// The log as `lint --format sarif` streams it.
    static func render(_ diagnostics: [Diagnostic]) throws -> String {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("log.sarif").path
        let sink = try OutputSink(path: path)
        let output = LintOutput(.sarif, to: sink)
        output.write(diagnostics)
        output.finish(LintSummary(), LintOptions())
        try sink.finish()
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test("the log validates against the SARIF 2.1.0 schema")
    func validates() throws {
        let diagnostics = try Self.diagnostics()
        let codes = Set(diagnostics.map(\.code))
        #expect(codes.isSuperset(of: ["case.fact-value", "case.answer-not-applicable", "case.duplicate-id", "usage.unknown-fact"]))
        let log = try Self.render(diagnostics)
        #expect(try Self.validator().validate(Data(log.utf8)) == [])
    }

    @Test("results carry rule, level, message, location and notes")
    func content() throws {
        let diagnostics = try Self.diagnostics()
        let log = try #require(try JSONSerialization.jsonObject(with: Data(try Self.render(diagnostics).utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == diagnostics.count)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["version"] as? String == CaseAuditVersion.current)
        #expect(driver["semanticVersion"] as? String == CaseAuditVersion.current)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        // One rule per code, in the order the codes first occur; each result points at its rule.
        var firstSeen: [String] = []
        for code in diagnostics.map(\.code) where !firstSeen.contains(code) { firstSeen.append(code) }
        #expect(rules.map { $0["id"] as? String } == firstSeen)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        let factValue = try #require(results.first { $0["ruleId"] as? String == "case.fact-value" })
        #expect(factValue["level"] as? String == "error")
        #expect((factValue["message"] as? [String: Any])?["text"] as? String == "'hihg' is not a value of rosh; did you mean 'high'?")
        let physical = try #require(((factValue["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        let uri = try #require((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)
        #expect(uri.hasPrefix("file:///") && uri.hasSuffix("/cases%2C%20%C3%A9%201.yaml"))
        #expect((physical["region"] as? [String: Any])?["startLine"] as? Int == 2)
        #expect((physical["region"] as? [String: Any])?["startColumn"] as? Int == 15)
        let duplicate = try #require(results.first { $0["ruleId"] as? String == "case.duplicate-id" })
        #expect((duplicate["relatedLocations"] as? [[String: Any]])?.count == 1)
        let usage = try #require(results.first { $0["ruleId"] as? String == "usage.unknown-fact" })
        #expect(usage["locations"] == nil)
    }
}
