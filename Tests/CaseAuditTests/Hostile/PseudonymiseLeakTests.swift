import Foundation
import Testing
import YAMLKit
@testable import CaseAudit

/// Under `--pseudonymise`, no raw case id reaches standard output, standard error or an `-o` file,
/// for every command and format, on the York example plus a file with a duplicate id, a CSV file
/// with a duplicate id and a bad row (issue 11, item 7), and cases whose values repeat their ids.
@Suite("--pseudonymise leaks no id")
struct PseudonymiseLeakTests {
    static let root = CaseFixtures.repository

    static func inputs() throws -> [String] {
        ["examples/york-2013", try CaseFixtures.path("cases/hostile/duplicate-id.yaml"), try CaseFixtures.path("cases/hostile/bad-row.csv"),
         try CaseFixtures.path("cases/hostile/id-as-value.yaml")]
    }

    /// Every case id in the inputs, read from the files themselves (YAML `case:` lines, after an
    /// anchor; the first CSV cell).
    static func rawIDs() throws -> Set<String> {
        var ids: Set<String> = []
        let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("examples/york-2013").path)
            .map { root.appendingPathComponent("examples/york-2013/" + $0).path } + inputs().dropFirst()
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                if file.hasSuffix(".csv") {
                    guard !line.hasPrefix("#"), !line.hasPrefix("case,"), let cell = line.split(separator: ",").first else { continue }
                    ids.insert(String(cell))
                } else if line.hasPrefix("case: ") {
                    let value = line.dropFirst(6)
                    ids.insert(String(value.hasPrefix("&") ? value.drop { $0 != " " }.dropFirst() : value))
                }
            }
        }
        return ids
    }

    static let runs: [[String]] = {
        var runs: [[String]] = []
        for format in ["text", "json", "csv", "markdown", "html"] { runs.append(["score", "--format", format]) }
        for format in ["text", "json", "csv", "markdown"] { runs.append(["gaps", "--format", format]) }
        runs.append(["gaps", "--by", "offender_manager"])
        for format in ["html", "markdown"] { runs.append(["report", "--format", format, "--include-notes"]) }
        for format in ["text", "json", "sarif", "github"] { runs.append(["lint", "--format", format, "--require-complete"]) }
        return runs
    }()

    @Test("score, gaps, report and lint in every format, to standard output and to -o", arguments: runs)
    func commands(_ arguments: [String]) throws {
        let ids = try Self.rawIDs()
        #expect(ids.count == 49 + 3 + 2)
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appendingPathComponent("audit.key")
        try Data("a key of thirty-two bytes, no more".utf8).write(to: key)
        let output = directory.appendingPathComponent("out")
        for toFile in [false, true] {
            let run = try Executable.run(
                arguments + (try Self.inputs()) + ["--pseudonymise", key.path] + (toFile ? ["-o", output.path] : []), in: Self.root)
            #expect(run.status == 1, "\(arguments): \(run.error.prefix(300))")  // the duplicates and the bad row
            let file = toFile ? try String(contentsOf: output, encoding: .utf8) : ""
            #expect(toFile ? !file.isEmpty : !run.output.isEmpty)
            #expect((run.output + run.error + file).contains("case.duplicate-id"))
            for id in ids {
                #expect(!run.output.contains(id), "\(arguments): '\(id)' on standard output")
                #expect(!run.error.contains(id), "\(arguments): '\(id)' on standard error")
                #expect(!file.contains(id), "\(arguments): '\(id)' in the -o file")
            }
        }
    }

    @Test("explain finds a case by its id and shows only its pseudonym; an unknown id is not echoed")
    func explain() throws {
        let ids = try Self.rawIDs()
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appendingPathComponent("audit.key")
        try Data("a key of thirty-two bytes, no more".utf8).write(to: key)
        let pseudonymiser = try #require(Pseudonymiser(key: Array("a key of thirty-two bytes, no more".utf8)))
        let found = try Executable.run(["explain", "SYN-011", "rosh.screening_timely"] + (try Self.inputs()) + ["--pseudonymise", key.path], in: Self.root)
        #expect(found.output.hasPrefix("Case \(pseudonymiser.pseudonym(for: "SYN-011")) · rosh.screening_timely"), "\(found.output.prefix(200)) \(found.error.prefix(300))")
        let missing = try Executable.run(["explain", "NOSUCH-4711", "rosh.screening_timely"] + (try Self.inputs()) + ["--pseudonymise", key.path], in: Self.root)
        #expect(missing.status == 2)
        #expect(missing.codes.contains("usage.unknown-case"))
        for run in [found, missing] {
            for id in ids.union(["NOSUCH-4711"]) {
                #expect(!run.output.contains(id) && !run.error.contains(id), "'\(id)' shown by explain")
            }
        }
    }

    /// `rules diff`'s reading (each case under two sets at once) and the stream's own: a value that
    /// repeats the id, written before the `case:` key, and the same case again (a duplicate).
    @Test("what is found before a case's id, and in a duplicate, is hidden on both ways of reading")
    func hiddenBeforeTheID() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("c.yaml")
        try Data("facts: {rosh: SYN-9}\ncase: SYN-9\n---\nfacts: {rosh: SYN-9}\ncase: SYN-9\n".utf8).write(to: file)
        let set = try CaseFixtures.miniSet()
        let pseudonymiser = try #require(Pseudonymiser(key: Array("a key of thirty-two bytes, no more".utf8)))
        let stream = CaseStream(schema: CaseSchema(set), inputs: [.file(file.path)], pseudonymiser: pseudonymiser)
        var alongside: [Diagnostic] = []
        stream.forEach(alongside: CaseSchema(set), report: { alongside += $0 }) { _, _ in [] }
        var own: [Diagnostic] = []
        stream.forEach(report: { own += $0 }) { _, _ in [] }
        let pseudonym = pseudonymiser.pseudonym(for: "SYN-9")
        // The first case's value, as read; the duplicate, named by its pseudonym.
        for diagnostics in [alongside, own] {
            #expect(diagnostics.contains { $0.message.hasPrefix("'\(pseudonym)' is not a value of rosh") })
            #expect(diagnostics.contains { $0.message == "case id '\(pseudonym)' is used twice; this case is skipped" })
            #expect(!diagnostics.contains { ($0.message + $0.notes.map(\.message).joined()).contains("SYN-9") })
        }
    }

    @Test("an id is hidden where it stands as a word; in messages only where they quote input text")
    func hidingInText() {
        func hidden(_ id: String, _ text: String, quotedOnly: Bool) -> String {
            Pseudonymiser.replacing(Array(id.utf8), in: text, with: Array("P-1".utf8), quotedOnly: quotedOnly)
        }
        #expect(hidden("HID-1", "HID-1 was read twice; HID-10 is another, HID-1", quotedOnly: false) == "P-1 was read twice; HID-10 is another, P-1")
        #expect(hidden("2", "seen 2 times, 12 in all", quotedOnly: false) == "seen P-1 times, 12 in all")
        // "column 2" is the message's own; '2' is the value it quotes.
        #expect(hidden("2", "'2' is not a value of tier (column 2 B 'tier')", quotedOnly: true) == "'P-1' is not a value of tier (column 2 B 'tier')")
        #expect(hidden("é-1", "unknown fact 'é-1'", quotedOnly: true) == "unknown fact 'P-1'")
        // One letter and 200,000 pairs of combining accents: searched as bytes, not put in NFC.
        let accents = "a" + String(repeating: "\u{301}\u{316}", count: 200_000)
        #expect(hidden("a", accents, quotedOnly: false) == "P-1" + String(repeating: "\u{301}\u{316}", count: 200_000))
        // A value cut at 60 characters just inside the id: what shows of its start goes with it.
        let cut = messageQuote(String(repeating: "x", count: 55) + " SYN-005")
        #expect(cut == "'" + String(repeating: "x", count: 55) + " SYN-…'")
        #expect(hidden("SYN-005", "tier \(cut) is not a value", quotedOnly: true) == "tier '\(String(repeating: "x", count: 55)) …' is not a value")
        // An id longer than the cut, quoted alone; and a start that is not at a word's start stays.
        let long = String(repeating: "L", count: 70)
        #expect(hidden(long, "unknown fact \(messageQuote(long))", quotedOnly: true) == "unknown fact '…'")
        #expect(hidden("SYN-005", "'\(String(repeating: "x", count: 59))S…'", quotedOnly: true) == "'\(String(repeating: "x", count: 59))S…'")
        // An id longer than the message quoting its first 60 characters.
        let longest = "ID" + String(repeating: "x", count: 198)
        #expect(hidden(longest, "unknown fact \(messageQuote(longest))", quotedOnly: true) == "unknown fact '…'")
    }
}
