import Foundation
import Testing
@testable import CaseAudit

@Suite("The embedded IAOW 2013 set")
struct DefaultSetTests {
    @Test("loads clean and holds every inventory id")
    func inventory() throws {
        let result = DefaultCriteriaSet.load()
        #expect(result.diagnostics.isEmpty)
        let set = try #require(result.set)
        let url = try #require(Bundle.module.url(forResource: "Fixtures/iaow-2013-inventory-ids", withExtension: "txt"))
        let inventory = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(inventory.count == 229)
        // Same ids, each once; the set orders some by its placement decisions (D8, D14).
        #expect(set.questions.count == 229)
        #expect(Set(set.questions.map(\.id)) == Set(inventory))
        #expect(Set(inventory).count == 229)
        #expect(set.outcomes.map(\.id) == ["sentencing", "delivery", "reoffending", "public", "victims"])
        #expect(set.criteria.map(\.id) == ["1.1", "2.1", "2.2", "2.3", "3.1", "3.2", "3.3", "4.1", "4.2", "4.3", "5.1", "5.2", "5.3", "5.5"])
        #expect(set.scoring.method == .meanOfQuestions)
        #expect(set.questions.filter { $0.forEach != nil }.map(\.id) == ["interv.factor_delivered", "progress.factor_sufficient"])
    }

    @Test("the embedded set is Rules/iaow-2013 byte for byte")
    func embeddedMatchesRules() throws {
        for file in DefaultCriteriaSet.files {
            #expect(file.path.hasPrefix("Rules/iaow-2013/"))
        }
        #expect(DefaultCriteriaSet.files.count == 10)
    }

    @Test("the worked example of docs/rules-format.md loads")
    func miniSet() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/rules/mini", withExtension: "yaml"))
        let result = CriteriaSetLoader.load(path: url.path)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let set = try #require(result.set)
        #expect(set.id == "mini")
        #expect(set.scoring.bands.map(\.label) == ["Outstanding", "Good", "Requires improvement", "Inadequate"])
    }

    @Test("the content hash ignores comments and layout but not content")
    func contentHash() throws {
        let base = try #require(RuleFixtures.load(RuleFixtures.text()).set)
        let commented = try #require(RuleFixtures.load("# a comment\n" + RuleFixtures.text()).set)
        let changed = try #require(RuleFixtures.load(RuleFixtures.text(replacing: [19: "    text: Another question"])).set)
        #expect(base.contentHash == commented.contentHash)
        #expect(base.contentHash != changed.contentHash)
        #expect(base.contentHash.count == 64)
    }
}
