import Foundation
import Testing
@testable import CaseAudit

/// Each broken derived set gives the expected first error: its code, the file that is wrong (the
/// derived set's or its base's), line and column.
@Suite("Broken derived sets")
struct BrokenDerivationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Files by path relative to a fresh directory; `set.yaml` is the one loaded.
        var files: [String: String]
        var code: String
        var file: String
        var line: Int
        var column: Int
        var message: String? = nil
        var testDescription: String { name }
    }

    /// A derived set of the embedded IAOW set: lines 1-4 are its identity and `extends`, then `more`.
    static func derived(_ more: String..., extends: String = "iaow-2013", id: String = "iaow-2013-trust") -> String {
        (["id: \(id)", "title: Trust", "version: \"1\"", "extends: \(extends)"] + more).joined(separator: "\n") + "\n"
    }

    /// A small base set (lines as numbered).
    static let base = """
        id: base
        title: Base
        version: "1"
        facts:
          cp: {type: bool}
          plan: {type: bool}
        scales:
          yn: {options: [yes, no], sufficient: [yes]}
        outcomes:
          - {id: public, title: Public}
        criteria:
          - {id: plan, outcome: public, title: Plan}
        questions:
          - {id: q1, criterion: plan, text: Q1, scale: yn, applies: cp}
          - {id: q2, criterion: plan, text: Q2, scale: yn}

        """

    static let cases: [Case] = [
        Case(name: "unknown embedded base", files: ["set.yaml": derived(extends: "iaow-2031")],
             code: "rules.unknown-base", file: "set.yaml", line: 4, column: 10),
        Case(name: "base path that does not exist", files: ["set.yaml": derived(extends: "./nowhere/")],
             code: "rules.unknown-base", file: "set.yaml", line: 4, column: 10),
        Case(name: "removal of an unknown id, with did-you-mean", files: ["set.yaml": derived("remove: [\"5.55\"]")],
             code: "rules.unknown-id", file: "set.yaml", line: 5, column: 10,
             message: "'5.55' is not an id in the base set 'iaow-2013'; did you mean '5.5'?"),
        Case(name: "override of an unknown id", files: ["set.yaml": derived("override:", "  - id: roh.child_safeguarding", "    applies: child_protection_concerns")],
             code: "rules.unknown-id", file: "set.yaml", line: 6, column: 9,
             message: "'roh.child_safeguarding' is not an id in the base set 'iaow-2013'; did you mean 'roh.child_safeguarding_attention'?"),
        Case(name: "rename of an unknown id", files: ["set.yaml": derived("renames:", "  rmp.protect_victims: rmp.victim_protection")],
             code: "rules.unknown-id", file: "set.yaml", line: 6, column: 3),
        Case(name: "removal of a fact still used", files: ["set.yaml": derived("remove: [child_protection_concerns]")],
             code: "rules.removed-still-used", file: "set.yaml", line: 5, column: 10),
        Case(name: "removal of a question an answer() still reads",
             files: ["set.yaml": derived("remove: [q2]", extends: "./base/set.yaml", id: "d"),
                     "base/set.yaml": base + "  - {id: q3, criterion: plan, text: Q3, scale: yn, applies: \"answer('q2') == yes\"}\n"],
             code: "rules.removed-still-used", file: "set.yaml", line: 5, column: 10,
             message: "question 'q2' is removed, but question 'q3' still uses it in 'applies'"),
        Case(name: "cycle of two sets", files: ["set.yaml": derived(extends: "./b/set.yaml", id: "a"), "b/set.yaml": derived(extends: "../set.yaml", id: "b")],
             code: "rules.extends-cycle", file: "b/set.yaml", line: 4, column: 10),
        Case(name: "a set extending itself", files: ["set.yaml": derived(extends: "./set.yaml", id: "a")],
             code: "rules.extends-cycle", file: "set.yaml", line: 4, column: 10),
        Case(name: "chain too deep", files: chain(9),
             code: "rules.extends-too-deep", file: "s7/set.yaml", line: 4, column: 10),
        Case(name: "the base's id reused", files: ["set.yaml": derived(id: "iaow-2013")],
             code: "rules.derived-id", file: "set.yaml", line: 1, column: 5),
        Case(name: "no version of its own", files: ["set.yaml": "id: d\ntitle: D\nextends: iaow-2013\n"],
             code: "rules.missing-key", file: "set.yaml", line: 3, column: 10),
        Case(name: "remove without extends", files: ["set.yaml": base + "remove: [q1]\n"],
             code: "rules.derivation-without-extends", file: "set.yaml", line: 16, column: 9),
        Case(name: "an id naming two kinds of item", files: ["set.yaml": derived("remove: [plan]", extends: "./base/set.yaml", id: "d"), "base/set.yaml": base],
             code: "rules.ambiguous-id", file: "set.yaml", line: 5, column: 10),
        Case(name: "rename onto an existing id", files: ["set.yaml": derived("renames: {q1: q2}", extends: "./base/set.yaml", id: "d"), "base/set.yaml": base],
             code: "rules.duplicate-id", file: "set.yaml", line: 5, column: 15),
        Case(name: "fact renamed to an invalid name", files: ["set.yaml": derived("renames: {cp: Child}", extends: "./base/set.yaml", id: "d"), "base/set.yaml": base],
             code: "rules.invalid-identifier", file: "set.yaml", line: 5, column: 15),
        Case(name: "override with an unknown key, located in the derived set",
             files: ["set.yaml": derived("override:", "  - id: q1", "    applie: plan", extends: "./base/set.yaml", id: "d"), "base/set.yaml": base],
             code: "rules.unknown-key", file: "set.yaml", line: 7, column: 5),
        Case(name: "override with a bad expression, at its character in the derived set",
             files: ["set.yaml": derived("override:", "  - id: q1", "    applies: cp and plann", extends: "./base/set.yaml", id: "d"), "base/set.yaml": base],
             code: "rules.unknown-name", file: "set.yaml", line: 7, column: 21),
        Case(name: "an error in the base points at the base", files: ["set.yaml": derived(extends: "./base/set.yaml", id: "d"), "base/set.yaml": base.replacingOccurrences(of: "applies: cp}", with: "applies: cpp}")],
             code: "rules.unknown-name", file: "base/set.yaml", line: 14, column: 61),
        Case(name: "the same id removed twice", files: ["set.yaml": derived("remove: [q1, q1]", extends: "./base/set.yaml", id: "d"), "base/set.yaml": base],
             code: "rules.duplicate-id", file: "set.yaml", line: 5, column: 14),
        Case(name: "override without a key to replace", files: ["set.yaml": derived("override: [{id: q1}]", extends: "./base/set.yaml", id: "d"), "base/set.yaml": base],
             code: "rules.missing-key", file: "set.yaml", line: 5, column: 12),
        Case(name: "a new question in a removed criterion",
             files: ["set.yaml": derived("remove: [\"5.5\"]", "questions:", "  - {id: vc.new, criterion: \"5.5\", text: New, scale: yes_no}")],
             code: "rules.removed-still-used", file: "set.yaml", line: 5, column: 10,
             message: "criterion '5.5' is removed, but question 'vc.new' still uses it in 'criterion'"),
    ]

    /// set.yaml extends s1/set.yaml … which extends sN/set.yaml, which extends the embedded IAOW set.
    static func chain(_ count: Int) -> [String: String] {
        var files = ["set.yaml": derived(extends: "./s1/set.yaml", id: "s0")]
        for number in 1...count {
            files["s\(number)/set.yaml"] = derived(extends: number == count ? "iaow-2013" : "../s\(number + 1)/set.yaml", id: "s\(number)")
        }
        return files
    }

    @Test("first error: code, file, line, column", arguments: cases)
    func brokenDerivation(_ example: Case) throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, text) in example.files {
            let url = directory.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let result = CriteriaSetLoader.load(path: directory.appendingPathComponent("set.yaml").path)
        #expect(result.set == nil)
        let first = try #require(result.diagnostics.first { $0.severity == .error }, "no error; got \(result.diagnostics)")
        #expect(first.code == example.code, "\(first)")
        let location = try #require(first.location)
        #expect(location.path == directory.appendingPathComponent(example.file).path || location.path.hasSuffix("/" + example.file), "\(location.path)")
        #expect(location.line == example.line, "\(first)")
        #expect(location.column == example.column, "\(first)")
        if let message = example.message { #expect(first.message == message) }
    }

    @Test("--rules given twice is a usage error (exit 2), not the last one silently")
    func rulesTwice() throws {
        let run = try Executable.run(["score", "--rules", "iaow-2013", "--rules", "hmip-2018", "examples/york-2013"], in: CaseFixtures.repository)
        #expect(run.status == 2)
        #expect(run.error.contains("--rules is given 2 times ('iaow-2013', 'hmip-2018')"))
    }
}
