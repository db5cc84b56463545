import Foundation
import Testing
@testable import CaseAudit

@Suite("Pseudonymised case ids")
struct PseudonymiserTests {
    @Test("keyed, stable, and different for another key or id")
    func pseudonyms() throws {
        let key = try #require(Pseudonymiser(key: Array("a key of at least sixteen bytes".utf8)))
        let other = try #require(Pseudonymiser(key: Array("another key, also long enough".utf8)))
        #expect(key.pseudonym(for: "W-1") == key.pseudonym(for: "W-1"))
        #expect(key.pseudonym(for: "W-1") != key.pseudonym(for: "W-2"))
        #expect(key.pseudonym(for: "W-1") != other.pseudonym(for: "W-1"))
        #expect(key.pseudonym(for: "W-1").firstMatch(of: /^P-[0-9a-f]{12}$/) != nil)
        #expect(Pseudonymiser(key: Array("too short".utf8)) == nil)
    }

    @Test("a key file that cannot be read, or is too short, is a usage error naming the file")
    func keyFiles() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let short = directory.appendingPathComponent("short.key")
        try Data("ten bytes!".utf8).write(to: short)
        func failure(_ path: String) -> Diagnostic? {
            if case .failure(let diagnostic) = Pseudonymiser.load(keyFile: path) { return diagnostic }
            return nil
        }
        #expect(failure(short.path)?.message == "the key file '\(short.path)' holds 10 bytes; a key needs 16 or more")
        for path in [directory.path, directory.appendingPathComponent("missing.key").path] {
            let diagnostic = try #require(failure(path))
            #expect(diagnostic.code == "usage.pseudonymise-key")
            #expect(diagnostic.message.hasPrefix("the key file: cannot read '\(path)': "))
        }
    }

    @Test("every case the stream hands on carries its pseudonym, not its id")
    func gapsCarryPseudonyms() throws {
        let set = try CaseFixtures.miniSet()
        let pseudonymiser = try #require(Pseudonymiser(key: Array(repeating: 7, count: 32)))
        let expanded = CaseInputs.expand([try CaseFixtures.path("cases/worked/cases.yaml")])
        let stream = CaseStream(schema: CaseSchema(set), inputs: expanded.inputs, pseudonymiser: pseudonymiser)
        var ids: [String] = []
        stream.forEach(report: { _ in }) { record, _ in
            ids.append(record.id)
            return []
        }
        #expect(ids == ["W-1", "W-2", "W-3", "W-4", "W-5"].map(pseudonymiser.pseudonym))
    }
}
