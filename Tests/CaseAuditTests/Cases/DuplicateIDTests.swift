import Foundation
import Testing
@testable import CaseAudit

/// Case ids must be unique across every file read together. The check keeps about eight bytes per
/// case, so it is tested at scale: every duplicate found, nothing else, each pointing at the first.
@Suite("Duplicate case ids")
struct DuplicateIDTests {
    @Test("every repeated id across and within files is reported once, with where it first appears")
    func atScale() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // a.yaml: ID-0 … ID-4999, then ID-10 again; b.csv: every 7th id again, then new ones.
        let a = (0..<5000).map { "---\ncase: ID-\($0)\n" }.joined() + "---\ncase: ID-10\n"
        let b = "case\n" + stride(from: 0, to: 5000, by: 7).map { "ID-\($0)\n" }.joined() + (5000..<5100).map { "ID-\($0)\n" }.joined()
        try Data(a.utf8).write(to: directory.appendingPathComponent("a.yaml"))
        try Data(b.utf8).write(to: directory.appendingPathComponent("b.csv"))
        let set = try CaseFixtures.miniSet()
        let stream = CaseStream(schema: CaseSchema(set), inputs: CaseInputs.expand([directory.path]).inputs)
        var duplicates: [Diagnostic] = []
        var accepted = 0
        let summary = stream.forEach(report: { duplicates += $0.filter { $0.code == "case.duplicate-id" } }) { _, _ in
            accepted += 1
            return []
        }
        #expect(accepted == 5100)
        #expect(summary.cases == 5100)
        #expect(duplicates.count == 1 + 715)
        #expect(summary.duplicates.count == 716)
        // The repeat inside a.yaml points back to line 22 (ID-10's `case:` line), column 7.
        let within = try #require(duplicates.first { $0.message == "case id 'ID-10' is used twice; this case is skipped" && $0.location?.path.hasSuffix("a.yaml") == true })
        #expect(within.notes.first?.location?.line == 22)
        #expect(within.notes.first?.location?.column == 7)
        let across = try #require(duplicates.first { $0.message == "case id 'ID-4998' is used twice; this case is skipped" })
        #expect(across.location?.path.hasSuffix("b.csv") == true)
        #expect(across.notes.first?.location?.line == 2 * 4998 + 2)
    }
}
