import Foundation
import Testing
@testable import CaseAudit

/// `caseaudit rules diff`: the IAOW set against the derived set of Fixtures/derived/iaow-2013-trust.
@Suite("Rules diff")
struct RulesDiffTests {
    static let base = "Rules/iaow-2013"
    static let york = "examples/york-2013"

    @Test("structure: the removed criterion and its questions, the rename, the override with both expressions, the addition")
    func structure() throws {
        let old = try #require(DefaultCriteriaSet.load().set)
        let new = try DerivedSetTests.trust()
        let diff = SetDiff(old: old, new: new)
        let removed = diff.items.filter { $0.change == .removed }.map { "\($0.kind.rawValue) \($0.oldID ?? "")" }
        #expect(removed.first == "criterion 5.5" && removed.count == 10)
        #expect(removed.contains("question vc.offer_made"))
        let renamed = diff.items.filter { $0.change == .renamed }
        #expect(renamed.map { "\($0.oldID ?? "") \($0.newID ?? "")" } == ["rmp.protects_victims rmp.victim_protection"])
        #expect(renamed.first?.properties.isEmpty == true)
        let changed = diff.items.filter { $0.change == .changed }
        #expect(changed.map { $0.newID ?? "" } == ["roh.child_safeguarding_attention"])
        let applies = try #require(changed.first?.properties.first)
        let original = try #require(old.question(id: "roh.child_safeguarding_attention"))
        #expect(applies.key == "applies" && applies.old == old.questions[original].ownApplies?.source)
        #expect(applies.new == "contact_with_children or child_protection_concerns")
        #expect(diff.items.filter { $0.change == .added }.map { $0.newID ?? "" } == ["rmp.reviewed_after_incident"])
        #expect(diff.scoring.isEmpty)
        #expect(diff.identity.map(\.key) == ["title"])
        // Compared with itself, nothing differs.
        #expect(!SetDiff(old: new, new: new).hasChanges)
        // The other way round, the rename still matches (through the old set's renames).
        let reverse = SetDiff(old: new, new: old)
        #expect(reverse.items.filter { $0.change == .renamed }.map { "\($0.oldID ?? "") \($0.newID ?? "")" } == ["rmp.victim_protection rmp.protects_victims"])
    }

    /// Outcome, criterion and question scores of `caseaudit score --format json`, by id.
    static func scores(_ json: [String: Any]) -> [String: (score: Double?, base: Int)] {
        var scores: [String: (Double?, Int)] = [:]
        for (key, prefix) in [("outcomes", "outcome "), ("criteria", "criterion "), ("questions", "question ")] {
            for item in json[key] as? [[String: Any]] ?? [] {
                scores[prefix + (item["id"] as? String ?? "")] = (item["score"] as? Double, item["base"] as? Int ?? -1)
            }
        }
        return scores
    }

    static func json(_ run: Executable.Run) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
    }

    @Test("score impact: every figure equals two separate score runs; the text names the changes")
    func impactAgainstTwoScoreRuns() throws {
        let trust = try DerivedSetTests.trustPath
        let root = CaseFixtures.repository
        let oldRun = try Executable.run(["score", Self.york, "--format", "json"], in: root)
        let newRun = try Executable.run(["score", Self.york, "--rules", trust, "--format", "json"], in: root)
        let diffRun = try Executable.run(["rules", "diff", Self.base, trust, "--cases", Self.york, "--format", "json"], in: root)
        #expect(oldRun.status == 0 && newRun.status == 0 && diffRun.status == 0)
        let old = Self.scores(try Self.json(oldRun))
        let new = Self.scores(try Self.json(newRun))
        let diff = try Self.json(diffRun)
        #expect(diff["schema"] as? String == "caseaudit-diff" && diff["schema_version"] as? Int == 1)
        let impact = try #require(diff["impact"] as? [String: Any])
        #expect(impact["cases"] as? Int == 49)
        var checked = 0
        var moved = 0
        for (key, prefix) in [("outcomes", "outcome "), ("criteria", "criterion "), ("questions", "question ")] {
            for row in impact[key] as? [[String: Any]] ?? [] {
                let before = row["old"] as? [String: Any] ?? [:]
                let after = row["new"] as? [String: Any] ?? [:]
                if let id = row["old_id"] as? String {
                    let figure = try #require(old[prefix + id])
                    #expect(before["score"] as? Double == figure.score && before["base"] as? Int == figure.base, "\(prefix)\(id)")
                    checked += 1
                } else {
                    #expect(before["base"] is NSNull)
                }
                if let id = row["new_id"] as? String {
                    let figure = try #require(new[prefix + id])
                    #expect(after["score"] as? Double == figure.score && after["base"] as? Int == figure.base, "\(prefix)\(id)")
                    checked += 1
                }
                if let oldScore = before["score"] as? Double, let newScore = after["score"] as? Double {
                    let difference = try #require(row["difference"] as? Double)
                    #expect(abs(difference - (newScore - oldScore)) < 0.001)
                    if difference != 0 { moved += 1 }
                }
            }
        }
        #expect(checked > 400)
        #expect(moved > 0)
        // The overridden question: some cases changed result, and the largest movers come first.
        let questions = impact["questions"] as? [[String: Any]] ?? []
        let overridden = try #require(questions.first { $0["new_id"] as? String == "roh.child_safeguarding_attention" })
        #expect((overridden["cases_changed"] as? Int ?? 0) > 0)
        let differences = questions.prefix { $0["old_id"] is String && $0["new_id"] is String }.compactMap { ($0["difference"] as? Double).map(abs) }
        #expect(differences == differences.sorted(by: >) || differences.isEmpty)

        let text = try Executable.run(["rules", "diff", Self.base, trust, "--cases", Self.york], in: root)
        #expect(text.status == 0)
        #expect(text.output.contains("Removed (10)\n  criterion 5.5\n"))
        #expect(text.output.contains("  question rmp.protects_victims → rmp.victim_protection\n"))
        #expect(text.output.contains("  question roh.child_safeguarding_attention\n    applies:\n      - "))
        #expect(text.output.contains("      + contact_with_children or child_protection_concerns\n"))
        #expect(text.output.contains("Score impact over 49 cases"))
        #expect(text.output.contains("5.5 (removed)"))
        let markdown = try Executable.run(["rules", "diff", Self.base, trust, "--format", "markdown"], in: root)
        #expect(markdown.status == 0 && markdown.output.hasPrefix("# Criteria set diff\n"))
    }

    @Test("exit 0 when nothing differs; a broken set exits as rules check does")
    func exitStatus() throws {
        let same = try Executable.run(["rules", "diff", "iaow-2013", Self.base], in: CaseFixtures.repository)
        #expect(same.status == 0 && same.output.contains("The two sets have the same structure."))
        let broken = try Executable.run(["rules", "diff", "iaow-2013", "iaow-2031"], in: CaseFixtures.repository)
        #expect(broken.status == 2)
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = directory.appendingPathComponent("bad.yaml")
        try Data(BrokenDerivationTests.derived("remove: [nothing_here]").utf8).write(to: bad)
        let wrong = try Executable.run(["rules", "diff", "iaow-2013", bad.path])
        #expect(wrong.status == 1 && wrong.codes == ["rules.unknown-id"])
    }
}
