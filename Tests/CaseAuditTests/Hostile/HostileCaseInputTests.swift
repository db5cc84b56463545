import Foundation
import Testing
import YAMLKit
@testable import CaseAudit

/// Case files built to make reading quadratic, block or leak (issue 11, items 4, 5 and 8): each
/// gives located diagnostics within limits that hold by construction.
@Suite("Hostile case files")
struct HostileCaseInputTests {
    /// Reads files (or directories) against the mini set; every diagnostic in order.
    static func read(_ paths: [String]) throws -> (diagnostics: [Diagnostic], summary: CaseStream.Summary, ids: [String]) {
        let expanded = CaseInputs.expand(paths)
        #expect(expanded.problems.isEmpty)
        let stream = CaseStream(schema: CaseSchema(try CaseFixtures.miniSet()), inputs: expanded.inputs)
        var diagnostics: [Diagnostic] = []
        var ids: [String] = []
        let summary = stream.forEach(report: { diagnostics += $0 }) { record, _ in
            ids.append(record.id)
            return []
        }
        return (diagnostics, summary, ids)
    }

    static func write(_ bytes: [UInt8], _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test("10,000 unknown columns: 4,095 located errors and one for the cells past 4,096, each with a short caret line")
    func wideHeader() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let header = "case,rosh," + (3...10_000).map { "x\($0)" }.joined(separator: ",")
        let path = try Self.write(Array((header + "\nC-1,high\n").utf8), "wide.csv", in: directory)
        let read = try Self.read([path])
        #expect(read.diagnostics.filter { $0.code == "csv.unknown-column" }.count == 4_094)  // x3 … x4096
        let tooMany = try #require(read.diagnostics.first { $0.code == "csv.too-many-cells" })
        // 'case,rosh,' is 10 characters, 'x3,' … 'x9,' 3 each, 'x10,' … 'x99,' 4, 'x100,' … 'x999,' 5,
        // 'x1000,' … 'x4096,' 6: the 4,097th cell starts after 10 + 7×3 + 90×4 + 900×5 + 3097×6 characters.
        #expect((tooMany.location?.line, tooMany.location?.column) == (1, 10 + 21 + 360 + 4_500 + 18_582 + 1))
        #expect(read.diagnostics.allSatisfy { ($0.location?.lineText?.count ?? 0) <= 122 })
        #expect(read.ids == ["C-1"])
    }

    /// `case\nC-1\n` in UTF-16LE with its byte-order mark, UTF-16BE without one, UTF-32LE, and
    /// UTF-32BE with and without its mark.
    static let wideEncodings: [[UInt8]] = {
        let units = Array("case\nC-1\n".utf16)
        let little: [UInt8] = units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        let utf32: [UInt8] = units.flatMap { [UInt8($0 & 0xFF), 0, 0, 0] }
        let utf32BE: [UInt8] = units.flatMap { [0, 0, 0, UInt8($0 & 0xFF)] }
        return [[0xFF, 0xFE] + little, big, utf32, utf32BE, [0, 0, 0xFE, 0xFF] + utf32BE]
    }()

    @Test("a CSV file in UTF-16 or UTF-32 is one error at 1:1, as a case file and as a caseload", arguments: wideEncodings)
    func wideEncoding(_ bytes: [UInt8]) throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.write(bytes, "wide.csv", in: directory)
        let read = try Self.read([path])
        #expect(read.diagnostics.map(\.message) == ["the file looks like UTF-16 or UTF-32; save it as UTF-8"])
        #expect(read.diagnostics.map(\.code) == ["csv.syntax"])
        #expect((read.diagnostics.first?.location?.line, read.diagnostics.first?.location?.column) == (1, 1))
        // No line of the file is shown under it: it would be unreadable.
        #expect(read.diagnostics.first?.location?.lineText == nil)
        let caseload = Caseload.read(SourceText(path: path, bytes: bytes), set: try CaseFixtures.miniSet())
        #expect(caseload.diagnostics.map(\.code) == ["csv.syntax"])
    }

    @Test("a 10 MB cell is reported where it starts and read as empty; the caret line stays short")
    func hugeCell() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = "case,rosh,note:rmp.sufficient\nC-1,high," + String(repeating: "x", count: 10_000_000) + "\nC-2,low,\n"
        let path = try Self.write(Array(text.utf8), "cell.csv", in: directory)
        let read = try Self.read([path])
        #expect(read.diagnostics.map(\.code) == ["csv.cell-too-long"])
        let error = try #require(read.diagnostics.first)
        #expect((error.location?.line, error.location?.column) == (2, 10))
        let shown: String = "C-1,high," + String(repeating: "x", count: 111) + "…"
        #expect(error.location?.lineText == shown)
        #expect(read.ids == ["C-1", "C-2"])
    }

    @Test("the caret line shows about 120 characters around the column, with the caret under it")
    func caretWindow() throws {
        let line = String(repeating: "a", count: 100_000) + "Z" + String(repeating: "b", count: 100_000)
        let source = SourceText(path: "long.yaml", text: "first\n" + line + "\n")
        let location = SourceLocation(source, SourcePosition(line: 2, column: 100_001, offset: 6 + 100_000))
        let text = DiagnosticFormatter().format(Diagnostic(.error, code: "t.t", "here", at: location))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)
        let shown: String = "    …" + String(repeating: "a", count: 60) + "Z" + String(repeating: "b", count: 59) + "…"
        let caret: String = "    " + String(repeating: " ", count: 61) + "^"
        #expect(lines[1] == shown)
        #expect(lines[2] == caret)
    }

    @Test("a 2 MB YAML scalar: the limit error, printed in under a kilobyte")
    func hugeScalar() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.write(Array(("case: C-1\nnotes: {rmp.sufficient: " + String(repeating: "y", count: 2 << 20) + "}\n").utf8), "big.yaml", in: directory)
        let read = try Self.read([path])
        let error = try #require(read.diagnostics.first { $0.code == "yaml.limit.scalar-length" })
        #expect(error.location?.line == 2)
        #expect(DiagnosticFormatter().format(error).utf8.count < 1024)
    }

    @Test("a FIFO, given or found in a directory, is reported and never opened for reading")
    func fifo() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("pipe.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let clean = try Self.write(Array("case: C-1\nfacts: {rosh: low}\n".utf8), "clean.yaml", in: directory)
        for paths in [[fifo, clean], [directory.path]] {
            let read = try Self.read(paths)
            #expect(read.summary.unreadable == 1)
            #expect(read.ids == ["C-1"])
            let error = try #require(read.diagnostics.first { $0.code == "yaml.unreadable" })
            #expect(error.message.hasSuffix("is a FIFO (named pipe), not a regular file"))
            #expect(error.location?.path.hasSuffix("pipe.yaml") == true)
        }
    }

    @Test("a quoted line break in a bad value is shown as \\n: every diagnostic stays one line")
    func lineBreakInMessage() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.write(Array("case,rosh\nC-1,\"hi\ngh\"\n".utf8), "nl.csv", in: directory)
        let error = try #require(try Self.read([path]).diagnostics.first)
        #expect(error.code == "case.fact-value")
        #expect(error.message.hasPrefix("'hi\\ngh' is not a value of rosh"))
        #expect(DiagnosticFormatter(showSource: false).format(error).filter { $0 == "\n" }.count == 1)
    }

    @Test("a whole number past Int says so")
    func hugeNumber() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.write(Array(("case,age\nC-1,1" + String(repeating: "0", count: 300) + "\n").utf8), "n.csv", in: directory)
        let error = try #require(try Self.read([path]).diagnostics.first)
        #expect(error.message.hasPrefix("'1000000000"))
        #expect(error.message.contains("…' is too large for age: whole numbers run from -9223372036854775808 to 9223372036854775807"))
    }

    @Test("NFC and NFD spellings of an id are one case: a duplicate, and explain finds either")
    func normalisedIDs() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.write(Array("case: Jos\u{E9}-1\n---\ncase: Jose\u{301}-1\n".utf8), "ids.yaml", in: directory)
        let read = try Self.read([path])
        #expect(read.diagnostics.map(\.code) == ["case.duplicate-id"])
        #expect(read.ids.map { Array($0.utf8) } == [Array("Jos\u{E9}-1".utf8)])
        let stream = CaseStream(schema: CaseSchema(try CaseFixtures.miniSet()), inputs: [.file(path)])
        #expect(ExplainRun.find("Jose\u{301}-1", in: stream, report: { _ in }).evaluation != nil)
    }

    @Test("an id over 256 bytes or with a control character: case.invalid-id where it is written, the case skipped")
    func invalidIDs() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // 'a' and 200,000 pairs of two-byte combining accents, 800,001 bytes: put in NFC, whose
        // reordering of the run takes time in its square, it took 48 s.
        let accents = "a" + String(repeating: "\u{301}\u{316}", count: 200_000)
        let longest = String(repeating: "x", count: 256)
        let yaml = "case: \(accents)\n---\ncase: \"C-1\\e[2J\"\n---\ncase: \(longest)\n---\ncase: \(longest)y\n"
        let path = try Self.write(Array(yaml.utf8), "ids.yaml", in: directory)
        let csv = try Self.write(Array("case,rosh\nA\u{1B}B,low\n\(accents),low\nC-2,low\n".utf8), "ids.csv", in: directory)
        let read = try Self.read([path, csv])
        #expect(read.ids == [longest, "C-2"])
        #expect(read.diagnostics.allSatisfy { $0.code == "case.invalid-id" })
        #expect(read.diagnostics.map { [$0.location?.line, $0.location?.column] } == [[1, 7], [3, 7], [7, 7], [2, 1], [3, 1]])
        #expect(read.diagnostics.map(\.message) == [
            "the case id is 800001 bytes long, more than the 256 an id may have; the case is skipped",
            "the case id contains a control character (U+001B); the case is skipped",
            "the case id is 257 bytes long, more than the 256 an id may have; the case is skipped",
            "the case id contains a control character (U+001B); the row is skipped",
            "the case id is 800001 bytes long, more than the 256 an id may have; the row is skipped",
        ])
    }

    @Test("a control character in a CSV cell is shown as U+FFFD in the source line, one for one, and escaped in the message")
    func controlInSourceLine() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try Self.write(Array("case,rosh\nC-1,\thi\u{1B}[2Jgh\n".utf8), "esc.csv", in: directory)
        let error = try #require(try Self.read([path]).diagnostics.first)
        #expect(error.code == "case.fact-value")
        #expect(error.location?.lineText == "C-1,\thi\u{FFFD}[2Jgh")
        #expect(error.message.hasPrefix("'hi\\u{1B}[2Jgh' is not a value of rosh"))
        let shown = DiagnosticFormatter().format(error)
        #expect(!shown.unicodeScalars.contains("\u{1B}"))
    }

    @Test("a case file in a directory that cannot be reached (a link to nothing, a loop) is an error, not left out")
    func unreachableInDirectory() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        _ = try Self.write(Array("case: C-1\nfacts: {rosh: low}\n".utf8), "clean.yaml", in: directory)
        #expect(symlink("nowhere.yaml", directory.appendingPathComponent("dangling.yaml").path) == 0)
        #expect(symlink("loop.csv", directory.appendingPathComponent("loop.csv").path) == 0)
        #expect(symlink("nowhere", directory.appendingPathComponent("notes.txt").path) == 0)  // not a case file's name
        let expanded = CaseInputs.expand([directory.path])
        #expect(expanded.inputs == [.file(directory.appendingPathComponent("clean.yaml").path)])
        #expect(expanded.problems.map(\.code) == ["input.unreadable", "input.unreadable"])
        // In byte order of their paths, whatever order the directory lists them in.
        #expect(expanded.problems.map(\.message) == [
            "cannot read '\(directory.appendingPathComponent("dangling.yaml").path)': it is a symbolic link whose target cannot be read (no such file or directory)",
            "cannot read '\(directory.appendingPathComponent("loop.csv").path)': it is a symbolic link whose target cannot be read (too many levels of symbolic links)",
        ])
    }
}
