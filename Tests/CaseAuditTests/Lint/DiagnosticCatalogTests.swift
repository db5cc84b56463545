import Foundation
import Testing
@testable import CaseAudit

/// The catalogue (and so docs/diagnostics.md, which must document exactly the catalogue) lists every
/// code the sources can report.
@Suite("Diagnostic catalogue")
struct DiagnosticCatalogTests {
    @Test("every code written in the sources is catalogued")
    func complete() throws {
        let sources = CaseFixtures.repository.appendingPathComponent("Sources")
        var found = Set<String>()
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: /"((?:rules|case|csv|yaml|input|usage|output|history)\.[a-z][a-z.-]*)"/) {
                found.insert(String(match.output.1))
            }
        }
        // Built by interpolation in CriteriaSetLoader+Sections.swift (`rules.unknown-\(kind)`).
        found.formUnion(["rules.unknown-criterion", "rules.unknown-scale"])
        let catalogued = Set(DiagnosticCatalog.entries.map(\.code))
        #expect(found.subtracting(catalogued).sorted() == [])
        #expect(found.count > 70)
    }
}
