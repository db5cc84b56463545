import CaseAudit
import CaseAuditHistory
import Foundation
import Testing

/// The history on a real SQLite file in a temporary directory: three rounds (the York example, a
/// modified copy, the copy under a revised set), list, show, trend, remove, duplicates.
@Suite("History: rounds in a SQLite file")
struct HistoryStoreTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let york = repository.appendingPathComponent("examples/york-2013")

    /// A temporary directory with: `york/` (a copy of the example), `modified/` (the copy with every
    /// YAML answer to start.induction turned from yes to no), `rules/` (a copy of the IAOW set where
    /// start.barrier_actions_taken applies to every case, its version the embedded one's + "-revised").
    struct Workspace {
        var directory: URL
        /// How many start.induction answers the modified copy turned from yes to no.
        var turned = 0
        var db: String { directory.appendingPathComponent("history.sqlite").path }
        var york: String { directory.appendingPathComponent("york").path }
        var modified: String { directory.appendingPathComponent("modified").path }
        var rules: String { directory.appendingPathComponent("rules").path }

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("caseaudit-history-\(UUID().uuidString)")
            let manager = FileManager.default
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            try manager.copyItem(atPath: HistoryStoreTests.york.path, toPath: york)
            try manager.copyItem(atPath: york, toPath: modified)
            for name in try manager.contentsOfDirectory(atPath: modified) where name.hasSuffix(".yaml") {
                let path = modified + "/" + name
                let text = try String(contentsOfFile: path, encoding: .utf8)
                turned += text.components(separatedBy: "  start.induction: yes\n").count - 1
                try text.replacingOccurrences(of: "  start.induction: yes\n", with: "  start.induction: no\n")
                    .write(toFile: path, atomically: true, encoding: .utf8)
            }
            try manager.copyItem(atPath: HistoryStoreTests.repository.appendingPathComponent("Rules/iaow-2013").path, toPath: rules)
            let version = try #require(DefaultCriteriaSet.load().set?.version)
            try Self.edit(rules + "/set.yaml", "version: \"\(version)\"", "version: \"\(version)-revised\"")
            try Self.edit(rules + "/questions-2-delivering-the-sentence.yaml",
                          "  - id: start.barrier_actions_taken\n", "  - id: start.barrier_actions_taken\n", thenDrop: "    applies: barriers_to_engagement_identified\n")
        }

        /// Replaces `old` (which must be there) and then drops the first `thenDrop` after it.
        static func edit(_ path: String, _ old: String, _ new: String, thenDrop: String? = nil) throws {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let range = try #require(text.range(of: old), "\(old) in \(path)")
            var edited = text.replacingCharacters(in: range, with: new)
            if let thenDrop {
                let start = try #require(edited.range(of: new)).upperBound
                let drop = try #require(edited.range(of: thenDrop, range: start..<edited.endIndex), "\(thenDrop) in \(path)")
                edited.removeSubrange(drop)
            }
            try edited.write(toFile: path, atomically: true, encoding: .utf8)
        }

        func remove() { try? FileManager.default.removeItem(at: directory) }
    }

    static func stream(_ path: String, rules: String? = nil) throws -> (CaseStream, SetChain) {
        let read = CriteriaSetSource.read(path: rules)
        let set = try #require(read.result.set, "\(read.result.diagnostics)")
        return (CaseStream(schema: CaseSchema(set), inputs: CaseInputs.expand([path]).inputs), read.chain)
    }

    @discardableResult
    static func record(_ store: HistoryStore, _ path: String, _ label: String, _ date: String, rules: String? = nil, replace: Bool = false) throws -> ScoreResult {
        let (stream, chain) = try stream(path, rules: rules)
        return try RoundRecorder.record(
            stream, .init(label: label, date: Day(iso: date), chain: chain, replace: replace), in: store, report: { _ in })
    }

    @Test("three rounds: list, show as scored, trend across a revised set, remove, duplicates")
    func threeRounds() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let store = try HistoryStore(path: workspace.db)
        // Recorded out of date order: the list is by date.
        try Self.record(store, workspace.modified, "2014-Q2", "2014-05-01")
        try Self.record(store, workspace.york, "2014-Q1", "2014-02-01")
        try Self.record(store, workspace.modified, "2014-Q3", "2014-08-01", rules: workspace.rules)

        let rounds = try store.rounds()
        #expect(rounds.map(\.stamp.label) == ["2014-Q1", "2014-Q2", "2014-Q3"])
        let version = try #require(DefaultCriteriaSet.load().set?.version)
        #expect(rounds.map(\.stamp.setVersion) == [version, version, version + "-revised"])
        #expect(rounds.map(\.cases) == [49, 49, 49])
        #expect(rounds[0].stamp.setHash == rounds[1].stamp.setHash && rounds[1].stamp.setHash != rounds[2].stamp.setHash)

        // show: the stored round renders to the same bytes as scoring the cases again, in every format.
        let (shown, inputs) = try store.scoreResult("2014-Q1")
        #expect(inputs == 10)
        let (again, _) = try Self.stream(workspace.york)
        let first = ScoreRun.run(again, profile: Aggregate.defaultProfile(again.schema.set), report: { _ in })
        #expect(ScoreText.render(shown) == ScoreText.render(first))
        #expect(ScoreJSON.render(shown) == ScoreJSON.render(first))
        #expect(ScoreCSV.render(shown) == ScoreCSV.render(first))
        let (stream, _) = try Self.stream(workspace.york)
        let gender = try #require(stream.schema.set.fact(named: "gender"))
        let split = ScoreRun.run(stream, by: [gender], profile: Aggregate.defaultProfile(stream.schema.set), report: { _ in })
        #expect(ScoreText.render(try store.scoreResult("2014-Q1", by: ["gender"]).result) == ScoreText.render(split))

        // start.induction: 44 of 49 sufficient in the York example (the figures fixture); the
        // modified copy turns the YAML files' yes answers to no (the CSV batch keeps its own).
        let induction = try store.trends(.question("start.induction"))
        let points = try #require(induction.trends.first?.points)
        #expect(points.map { $0.figure?.sufficient } == [44, 44 - workspace.turned, 44 - workspace.turned])
        #expect(points.map { $0.figure?.answers } == [49, 49, 49])
        // 35 answers turned: 44/49 → 9/49. p̄ = 53/98 = .540816; SE = √(.540816 × .459184 × 2/49)
        // = √(.248334 × .040816) = .100678; z = (.183673 − .897959)/.100678 = −7.0947: declined.
        // Wilson for 44/49 (p = .897959, n = 49): centre = .897959 + 3.841459/98 = .937158;
        // spread = 1.959964·√(.091628/49 + 3.841459/9604) = 1.959964 × .047644 = .093381;
        // scale = 1 + 3.841459/49 = 1.078397: ((.937158 − .093381)/1.078397, (.937158 + .093381)/1.078397)
        // = (.782436, .955620).
        #expect(workspace.turned == 35)
        #expect(abs((points[1].z ?? 0) + 7.0947) < 1e-3)
        #expect(abs((points[0].interval?.low ?? 0) - 0.782436) < 1e-5 && abs((points[0].interval?.high ?? 0) - 0.955620) < 1e-5)
        #expect(points[1].verdict == .declined)
        #expect(points[2].comparable && points[2].setChanges.isEmpty)
        #expect(points[2].verdict == .noClearChange)

        // The question whose applicability the revised set changed is not compared across it.
        let changed = try #require(try store.trends(.question("start.barrier_actions_taken")).trends.first)
        #expect(changed.points.map(\.comparable) == [true, true, false])
        #expect(changed.points[2].verdict == nil)
        // Its outcome is compared, and flagged.
        let outcome = try #require(try store.trends(.outcome("delivery")).trends.first)
        #expect(outcome.points[2].setChanges == ["start.barrier_actions_taken"])
        #expect(outcome.points[2].verdict != nil)

        // Duplicate label: an error, nothing changed; --replace records it again in place.
        #expect(throws: HistoryError.duplicateRound("2014-Q1")) { try Self.record(store, workspace.modified, "2014-Q1", "2014-02-01") }
        #expect(try store.rounds().count == 3)
        #expect(ScoreText.render(try store.scoreResult("2014-Q1").result) == ScoreText.render(first))
        try Self.record(store, workspace.modified, "2014-Q1", "2014-02-01", replace: true)
        #expect(try store.rounds().map(\.stamp.label) == ["2014-Q1", "2014-Q2", "2014-Q3"])
        #expect(ScoreText.render(try store.scoreResult("2014-Q1").result) == ScoreText.render(try store.scoreResult("2014-Q2").result))

        // A round still shows under the set it was recorded with after the set's files change or go.
        try FileManager.default.removeItem(atPath: workspace.rules)
        #expect(try store.scoreResult("2014-Q3").result.set.version == version + "-revised")
        #expect(try store.scoreResult("2014-Q2").result.set.version == version)

        // A derived set that renames start.induction: the renamed question's trend runs through
        // the earlier rounds under its old id, comparable (same definition) across the rename.
        let derived = workspace.directory.appendingPathComponent("renamed.yaml").path
        try """
            extends: iaow-2013
            id: iaow-renamed
            version: "1"
            renames:
              start.induction: start.induction_given
            """.write(toFile: derived, atomically: true, encoding: .utf8)
        try Self.record(store, workspace.modified, "2014-Q4", "2014-11-01", rules: derived)
        let renamed = try #require(try store.trends(.question("start.induction_given")).trends.first)
        #expect(renamed.points.map { $0.figure?.sufficient } == [44 - workspace.turned, 44 - workspace.turned, 44 - workspace.turned, 44 - workspace.turned])
        #expect(renamed.points[3].comparable && renamed.points[3].setChanges.isEmpty)
        #expect(renamed.points[3].verdict == .noClearChange)
        #expect(try store.scoreResult("2014-Q4").result.set.question(id: "start.induction_given") != nil)

        try store.remove("2014-Q2")
        #expect(try store.rounds().map(\.stamp.label) == ["2014-Q1", "2014-Q3", "2014-Q4"])
        #expect(throws: HistoryError.unknownRound("2014-Q2", suggestion: "2014-Q1")) { try store.remove("2014-Q2") }
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test("a round of a derived set shows as scored after its bases change or go")
    func derivedChain() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let store = try HistoryStore(path: workspace.db)
        // A chain of two derived sets over a copy of the IAOW set on disk (workspace.rules):
        // mid/ extends it, changing one question's label; top.yaml extends mid/, renaming
        // start.induction.
        let mid = workspace.directory.appendingPathComponent("mid").path
        try FileManager.default.createDirectory(atPath: mid, withIntermediateDirectories: true)
        try """
            extends: ../rules
            id: iaow-mid
            version: "2"
            override:
              - id: start.barrier_actions_taken
                label: Barrier actions recorded
            """.write(toFile: mid + "/set.yaml", atomically: true, encoding: .utf8)
        let top = workspace.directory.appendingPathComponent("top.yaml").path
        try """
            extends: ./mid
            id: iaow-top
            version: "3"
            renames:
              start.induction: start.induction_given
            """.write(toFile: top, atomically: true, encoding: .utf8)
        let (stream, chain) = try Self.stream(workspace.york, rules: top)
        #expect(chain.members.map(\.origin) == [.disk(top), .disk(workspace.directory.path + "/mid"), .disk(workspace.directory.path + "/mid/../rules")])
        let baseFiles = try FileManager.default.contentsOfDirectory(atPath: workspace.rules).filter { $0.hasSuffix(".yaml") }
        #expect(chain.members.map(\.files.count) == [1, 1, baseFiles.count])
        let scored = ScoreRun.run(stream, profile: Aggregate.defaultProfile(stream.schema.set), report: { _ in })
        try Self.record(store, workspace.york, "derived", "2014-02-01", rules: top)
        let shown = try store.scoreResult("derived").result
        #expect(shown.set.id == "iaow-top" && shown.set.question(id: "start.induction_given") != nil)
        #expect(ScoreText.render(shown) == ScoreText.render(scored))
        #expect(ScoreJSON.render(shown) == ScoreJSON.render(scored))

        // The base on disk changes (its version; start.induction no longer scored): the set
        // loaded from disk now differs, the stored round does not.
        try Workspace.edit(workspace.rules + "/set.yaml", "-revised\"", "-changed-again\"")
        try Workspace.edit(workspace.rules + "/questions-2-delivering-the-sentence.yaml", "  - id: start.induction\n", "  - id: start.induction\n    scored: false\n")
        #expect(CriteriaSetSource.load(path: top).set?.contentHash != shown.set.contentHash)
        #expect(ScoreText.render(try store.scoreResult("derived").result) == ScoreText.render(scored))
        // Then every base goes.
        try FileManager.default.removeItem(atPath: workspace.rules)
        try FileManager.default.removeItem(atPath: mid)
        #expect(CriteriaSetSource.load(path: top).set == nil)
        #expect(ScoreJSON.render(try store.scoreResult("derived").result) == ScoreJSON.render(scored))
        #expect(try store.trends(.question("start.induction_given")).trends.first?.points.first?.figure?.sufficient == 44)

        // A stored chain missing a base does not load: the base is never looked for elsewhere.
        let broken = SetChain(members: Array(chain.members.prefix(2))).load()
        #expect(broken.set == nil && broken.diagnostics.map(\.code).contains("rules.unknown-base"))
    }
}
