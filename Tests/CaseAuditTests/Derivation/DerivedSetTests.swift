import Foundation
import Testing
@testable import CaseAudit

/// The derived set of Fixtures/derived/iaow-2013-trust: it extends the embedded IAOW set, removes
/// criterion 5.5, renames rmp.protects_victims, overrides one applicability and adds a question.
@Suite("Derived sets")
struct DerivedSetTests {
    static var trustPath: String { get throws { try CaseFixtures.path("derived/iaow-2013-trust") } }
    static let york = CaseFixtures.repository.appendingPathComponent("examples/york-2013").path

    static func trust() throws -> CriteriaSet {
        let result = CriteriaSetLoader.load(path: try trustPath)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        return try #require(result.set)
    }

    static func score(_ set: CriteriaSet) throws -> (ScoreResult, [Diagnostic]) {
        let expanded = CaseInputs.expand([york])
        var diagnostics: [Diagnostic] = []
        let result = ScoreRun.run(CaseStream(schema: CaseSchema(set), inputs: expanded.inputs), profile: []) { diagnostics += $0 }
        return (result, diagnostics)
    }

    @Test("the resolved set: its own identity, the base less 5.5, one rename, one override, one addition")
    func resolved() throws {
        let base = try #require(DefaultCriteriaSet.load().set)
        let set = try Self.trust()
        #expect(set.id == "iaow-2013-trust" && set.version == "1" && set.title == "IAOW 2013 as audited by our trust")
        #expect(set.contentHash != base.contentHash && set.contentHash.count == 64)
        #expect(CriteriaSetLoader.load(path: try Self.trustPath).set?.contentHash == set.contentHash)
        // 5.5 and its nine questions go; one question comes.
        let removedQuestions = base.questions.filter { base.criteria[$0.criterion].id == "5.5" }.map(\.id)
        #expect(removedQuestions.count == 9)
        #expect(set.criteria.count == base.criteria.count - 1 && !set.criteria.contains { $0.id == "5.5" })
        #expect(set.questions.count == base.questions.count - 9 + 1)
        #expect(set.question(id: "rmp.protects_victims") == nil)
        let renamed = try #require(set.question(id: "rmp.victim_protection"))
        let original = try #require(base.question(id: "rmp.protects_victims"))
        #expect(set.questions[renamed].text == base.questions[original].text)
        #expect(set.questions[renamed].ownApplies?.source == base.questions[original].ownApplies?.source)
        let overridden = try #require(set.question(id: "roh.child_safeguarding_attention"))
        #expect(set.questions[overridden].ownApplies?.source == "contact_with_children or child_protection_concerns")
        #expect(set.questions[overridden].label == "Attention to protecting children")  // not overridden: kept
        #expect(set.question(id: "rmp.reviewed_after_incident") != nil)

        let derivation = try #require(set.derivation)
        #expect(derivation.base == "iaow-2013" && derivation.baseVersion == base.version)
        #expect(derivation.removed == [ItemRef(.criterion, "5.5")] + removedQuestions.map { ItemRef(.question, $0) })
        #expect(derivation.renamed.map { "\($0.kind) \($0.old) \($0.new)" } == ["question rmp.protects_victims rmp.victim_protection"])
        #expect(derivation.overridden.map(\.item) == [ItemRef(.question, "roh.child_safeguarding_attention")])
        #expect(derivation.overridden.map(\.keys) == [["applies"]])
        #expect(derivation.added == [ItemRef(.question, "rmp.reviewed_after_incident")])
        #expect(set.retired.newID(.question, "rmp.protects_victims") == "rmp.victim_protection")
        #expect(set.retired.isRemoved(.question, "vc.offer_made"))
    }

    @Test("York's example scores under it: old ids load with a warning naming the new id, removed answers are left out")
    func yorkScores() throws {
        let base = try #require(DefaultCriteriaSet.load().set)
        let (baseResult, baseDiagnostics) = try Self.score(base)
        let set = try Self.trust()
        let (result, diagnostics) = try Self.score(set)
        #expect(result.summary.errors == 0 && baseResult.summary.errors == 0)
        #expect(result.summary.cases == 49)
        let renamed = diagnostics.filter { $0.code == "case.renamed-id" }
        #expect(!renamed.isEmpty && renamed.allSatisfy { $0.severity == .warning })
        #expect(renamed.first?.message == "'rmp.protects_victims' is now 'rmp.victim_protection' in criteria set 'iaow-2013-trust'; read as 'rmp.victim_protection'")
        #expect(diagnostics.contains { $0.code == "case.removed-id" && $0.message.hasPrefix("question 'vc.") })
        #expect(!baseDiagnostics.contains { $0.code == "case.renamed-id" || $0.code == "case.removed-id" })
        // The renamed question has the same answers, so the same figures, as before.
        let old = baseResult.scorecard.questions[try #require(base.question(id: "rmp.protects_victims"))]
        let new = result.scorecard.questions[try #require(set.question(id: "rmp.victim_protection"))]
        #expect(old.base > 0 && (new.sufficient, new.insufficient) == (old.sufficient, old.insufficient))
    }

    @Test("retired ids in YAML and CSV case files: a located warning, the value read under the new id or left out")
    func retiredIDsInCaseFiles() throws {
        let set = try #require(CriteriaSetLoader.load(path: try CaseFixtures.path("rules/mini-derived.yaml")).set)
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let yaml = directory.appendingPathComponent("c.yaml")
        try Data("case: C-1\nfacts:\n  gender: female\nanswers:\n  rosh.screening_sufficient: no\n".utf8).write(to: yaml)
        let csv = directory.appendingPathComponent("c.csv")
        try Data("case,gender,rosh.screening_sufficient,note:rosh.screening_sufficient\nC-2,male,yes,Seen\n".utf8).write(to: csv)
        var diagnostics: [Diagnostic] = []
        var records: [String: CaseRecord] = [:]
        CaseStream(schema: CaseSchema(set), inputs: [.file(yaml.path), .file(csv.path)]).forEach(report: { diagnostics += $0 }) { record, _ in
            records[record.id] = record
            return []
        }
        let found = diagnostics.map { "\(URL(fileURLWithPath: $0.location?.path ?? "").lastPathComponent):\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.severity) \($0.code)" }
        #expect(found == [
            "c.yaml:3:3 warning case.removed-id", "c.yaml:5:3 warning case.renamed-id",
            "c.csv:1:6 warning case.removed-id", "c.csv:1:13 warning case.renamed-id", "c.csv:1:39 warning case.renamed-id",
        ])
        let question = try #require(set.question(id: "rosh.screening_done"))
        #expect(records["C-1"]?.answers[question] == .single(.option(1)))
        #expect(records["C-2"]?.answers[question] == .single(.option(0)))
        #expect(records["C-2"]?.notes[question] == "Seen")
        #expect(set.fact(named: "gender") == nil)
    }

    @Test("a chain: a set extending the derived set follows both renames")
    func chain() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = """
            id: iaow-2013-trust-2
            title: Again
            version: "2"
            extends: \(try Self.trustPath)
            renames: {rmp.victim_protection: rmp.victims_protected}
            remove: [rmp.reviewed_after_incident]

            """
        let path = directory.appendingPathComponent("set.yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let result = CriteriaSetLoader.load(path: path)
        let set = try #require(result.set, "\(result.diagnostics)")
        #expect(set.derivation?.base == "iaow-2013-trust")
        #expect(set.retired.newID(.question, "rmp.protects_victims") == "rmp.victims_protected")
        #expect(set.retired.newID(.question, "rmp.victim_protection") == "rmp.victims_protected")
        #expect(set.retired.isRemoved(.question, "rmp.reviewed_after_incident") && set.retired.isRemoved(.question, "vc.offer_made"))
        #expect(set.question(id: "rmp.victims_protected") != nil)
    }

    @Test("embedded sets by name: --rules iaow-2013 is the default set; ./name is a path")
    func embeddedByName() throws {
        #expect(EmbeddedCriteriaSets.names.contains("iaow-2013"))
        let byName = try #require(CriteriaSetSource.load(path: "iaow-2013").set)
        #expect(byName.contentHash == DefaultCriteriaSet.load().set?.contentHash)
        #expect(CriteriaSetSource.load(path: "./iaow-2013-does-not-exist").isUnreadable)
        let list = try Executable.run(["rules", "list"])
        #expect(list.status == 0 && list.output.contains("iaow-2013 (default)  iaow-2013"))
    }

    @Test("rules show and rules doc mark what the derivation changed")
    func marks() throws {
        let set = try Self.trust()
        let outline = RulesOutline.render(set)
        #expect(outline.contains("Derived from iaow-2013 \(set.derivation?.baseVersion ?? "")"))
        #expect(outline.contains("Removed: criterion 5.5, question vc.offer_made"))
        #expect(outline.contains("{renamed from rmp.protects_victims}"))
        #expect(outline.contains("{overridden: applies}"))
        #expect(outline.contains("{added}"))
        let document = CriteriaDocument.markdown(set)
        #expect(document.contains("_Changed: renamed from rmp.protects_victims._"))
        #expect(document.contains("Renamed: question `rmp.protects_victims` → `rmp.victim_protection`"))
    }
}
