import Foundation
import Testing
@testable import CaseAudit

/// docs/diagnostics.md documents every diagnostic code with an input that triggers it and one that
/// does not. This suite runs every one of those examples, so the documentation cannot drift.
///
/// Example blocks, by info string:
/// - `yaml case`, `csv case`: a case file, linted against the mini set (Fixtures/rules/mini.yaml);
/// - `yaml rules`: a rule file added to the mini set (the two files form a directory set), then
///   linted; `yaml rules alone`: a whole criteria set on its own;
/// - `sh`: a `caseaudit` command line, run in a directory holding `mini.yaml` (the mini set),
///   `case.yaml` (a clean case) and `empty/` (an empty directory); a line `mkdir PATH` makes a
///   directory there first.
/// `{{repeat N text}}` in a block stands for N copies of text (for the size limits),
/// `{{byte XX}}` for the byte with that hexadecimal value (for encoding errors), and `{{chain N}}`
/// for a derived set whose chain of `extends` is N sets deep above the embedded IAOW set;
/// `{{answer-chain N}}` for facts f1 … fN and questions chain.q1 … chain.qN, each reading its fact
/// and the answer of the one before (so chain.qN depends on N facts). In a
/// `yaml rules alone` block, a line `# file: DIR/NAME` starts another file (a base to extend);
/// `yaml case derived` cases are linted against a derived mini set (Fixtures/rules/mini-derived.yaml).
@Suite("docs/diagnostics.md examples")
struct DiagnosticsDocTests {
    struct Example: CustomTestStringConvertible, Sendable {
        var code: String
        var triggers: Bool
        var kind: String
        var body: String
        var line: Int
        var testDescription: String { "\(code) \(triggers ? "triggers" : "does not") (docs line \(line))" }
    }

    static let document = CaseFixtures.repository.appendingPathComponent("docs/diagnostics.md")

    /// The examples of the document, in order.
    static func examples() -> [Example] {
        guard let text = try? String(contentsOf: document, encoding: .utf8) else { return [] }
        var examples: [Example] = []
        var code: String?
        var triggers: Bool?
        var block: (kind: String, lines: [String], start: Int)?
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if var open = block {
                if line == "```" {
                    if let code, let triggers {
                        examples.append(Example(code: code, triggers: triggers, kind: open.kind,
                                                body: open.lines.joined(separator: "\n") + "\n", line: open.start))
                    }
                    block = nil
                } else {
                    open.lines.append(String(line))
                    block = open
                }
                continue
            }
            if line.hasPrefix("### `"), let match = line.firstMatch(of: /^### `([^`]+)`/) {
                code = String(match.output.1)
                triggers = nil
            } else if line.hasPrefix("Triggers it") {
                triggers = true
            } else if line.hasPrefix("Does not") {
                triggers = false
            } else if line.hasPrefix("```"), line.count > 3 {
                block = (String(line.dropFirst(3)), [], number + 1)
            }
        }
        return examples
    }

    @Test("every catalogued code is documented with both examples, and nothing else is")
    func coverage() throws {
        let examples = Self.examples()
        let documented = Set(examples.map(\.code))
        let catalogued = Set(DiagnosticCatalog.entries.map { $0.code == "check" ? "check.<id>" : $0.code })
        #expect(documented.subtracting(catalogued).isEmpty, "documented but not catalogued: \(documented.subtracting(catalogued).sorted())")
        #expect(catalogued.subtracting(documented).isEmpty, "not documented: \(catalogued.subtracting(documented).sorted())")
        for code in documented {
            let kinds = Set(examples.filter { $0.code == code }.map(\.triggers))
            #expect(kinds == [true, false], "\(code) needs a 'Triggers it' and a 'Does not' example")
        }
    }

    @Test("each example does what the documentation says", arguments: examples())
    func example(_ example: Example) throws {
        let codes = try Self.codes(of: example)
        let expected = example.code == "check.<id>" ? codes.filter { $0.hasPrefix("check.") } : codes.filter { $0 == example.code }
        if example.triggers {
            #expect(!expected.isEmpty, "expected \(example.code); got \(codes)")
        } else {
            #expect(expected.isEmpty, "\(example.code) should not be reported; got \(codes)")
        }
    }

    /// The diagnostic codes an example produces.
    static func codes(of example: Example) throws -> [String] {
        let body = expand(example.body)
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let mini = try CaseFixtures.path("rules/mini.yaml")
        switch example.kind {
        case "yaml case", "csv case", "yaml case derived":
            let file = directory.appendingPathComponent(example.kind == "csv case" ? "case.csv" : "case.yaml")
            try body.write(to: file)
            let rules = example.kind == "yaml case derived" ? try CaseFixtures.path("rules/mini-derived.yaml") : mini
            let set = try #require(CriteriaSetLoader.load(path: rules).set)
            var diagnostics: [Diagnostic] = []
            let stream = CaseStream(schema: CaseSchema(set), inputs: [.file(file.path)])
            _ = LintRun.cases(stream) { diagnostics += $0 }
            return diagnostics.map(\.code)
        case "yaml rules", "yaml rules alone":
            let rules = directory.appendingPathComponent("rules")
            try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
            if example.kind == "yaml rules" {
                try FileManager.default.copyItem(atPath: mini, toPath: rules.appendingPathComponent("a-mini.yaml").path)
            }
            // `# file: DIR/NAME` starts another file (in a directory of its own, so the set read is example.yaml's).
            let files = String(decoding: body, as: UTF8.self).split(separator: "# file: ", omittingEmptySubsequences: false)
            try Data(files[0].utf8).write(to: rules.appendingPathComponent("example.yaml"))
            for file in files.dropFirst() {
                let name = String(file.prefix { $0 != "\n" })
                let url = rules.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.dropFirst(name.count + 1).utf8).write(to: url)
            }
            return LintRun.rules(path: rules.path).diagnostics.map(\.code)
        case "sh":
            try FileManager.default.copyItem(atPath: mini, toPath: directory.appendingPathComponent("mini.yaml").path)
            try FileManager.default.createDirectory(at: directory.appendingPathComponent("empty"), withIntermediateDirectories: true)
            try Data("case: C-1\n".utf8).write(to: directory.appendingPathComponent("case.yaml"))
            var codes: [String] = []
            for line in String(decoding: body, as: UTF8.self).split(separator: "\n") {
                if let echo = line.wholeMatch(of: /echo '([^']*)' > (\S+)/) {
                    try Data((echo.output.1 + "\n").utf8).write(to: directory.appendingPathComponent(String(echo.output.2)))
                } else if line.hasPrefix("mkdir ") {
                    let path = directory.appendingPathComponent(String(line.dropFirst("mkdir ".count)))
                    try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
                } else if line.hasPrefix("caseaudit ") {
                    let arguments = line.dropFirst("caseaudit ".count).split(separator: " ").map(String.init)
                    codes += try Executable.run(arguments, in: directory).codes
                }
            }
            return codes
        case "csv caseload":
            // The first line, a comment a caseload may start with, is the command to run on it.
            try FileManager.default.copyItem(atPath: mini, toPath: directory.appendingPathComponent("mini.yaml").path)
            try body.write(to: directory.appendingPathComponent("caseload.csv"))
            let command = String(decoding: body, as: UTF8.self).prefix { $0 != "\n" }
            guard command.hasPrefix("# caseaudit ") else {
                Issue.record("a csv caseload example starts with '# caseaudit …' (docs/diagnostics.md:\(example.line))")
                return []
            }
            let arguments = command.dropFirst("# caseaudit ".count).split(separator: " ").map(String.init)
            return try Executable.run(arguments, in: directory).codes
        default:
            Issue.record("unknown example kind '\(example.kind)' at docs/diagnostics.md:\(example.line)")
            return []
        }
    }

    /// Expands `{{repeat N text}}`, `{{chain N}}`, `{{answer-chain N}}` and `{{byte XX}}` into the
    /// bytes of the example.
    static func expand(_ body: String) -> Data {
        let repeated = body.replacing(/\{\{repeat (\d+) ([^}]*)\}\}/) { match in
            String(repeating: String(match.output.2), count: Int(match.output.1) ?? 0)
        }.replacing(/\{\{chain (\d+)\}\}/) { match in
            // A set extending s1, which extends s2, …, sN, which extends the embedded IAOW set.
            let count = Int(match.output.1) ?? 0
            var text = "id: s0\ntitle: S0\nversion: \"1\"\nextends: ./s1/set.yaml\n"
            for number in 1...max(count, 1) {
                let base = number == count ? "iaow-2013" : "../s\(number + 1)/set.yaml"
                text += "# file: s\(number)/set.yaml\nid: s\(number)\ntitle: S\(number)\nversion: \"1\"\nextends: \(base)\n"
            }
            return text
        }.replacing(/\{\{answer-chain (\d+)\}\}/) { match in
            // Facts f1 … fN, and questions chain.q1 … chain.qN, each reading its fact and the answer before.
            let count = max(Int(match.output.1) ?? 0, 1)
            var text = "facts:\n" + (1...count).map { "  f\($0): {type: bool, label: F\($0)}\n" }.joined() + "questions:\n"
            for number in 1...count {
                let previous = number > 1 ? " and answer('chain.q\(number - 1)') == yes" : ""
                text += "  - {id: chain.q\(number), criterion: \"4.1\", text: Q\(number), scale: yes_no, gap: G, applies: \"f\(number)\(previous)\"}\n"
            }
            return text
        }
        var data = Data()
        var rest = Substring(repeated)
        while let match = rest.firstMatch(of: /\{\{byte ([0-9A-Fa-f]{2})\}\}/) {
            data.append(contentsOf: Array(rest[..<match.range.lowerBound].utf8))
            data.append(UInt8(match.output.1, radix: 16) ?? 0)
            rest = rest[match.range.upperBound...]
        }
        data.append(contentsOf: Array(rest.utf8))
        return data
    }
}
