import Foundation
import Testing
@testable import CaseAudit

/// `caseaudit.yaml`: a directory names the criteria set of the case files in it and below it.
@Suite struct CaseSettingsTests {
    /// A tree: root/caseaudit.yaml names hmip-2018; root/a/b/caseaudit.yaml names a set by a path
    /// relative to itself; root/a/c1.yaml falls under the root's, root/a/b/c2.yaml under b's.
    static func tree() throws -> URL {
        let root = try Executable.temporaryDirectory()
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("a/b"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("sets"), withIntermediateDirectories: true)
        try manager.copyItem(atPath: try CaseFixtures.path("rules/mini.yaml"), toPath: root.appendingPathComponent("sets/mini.yaml").path)
        try Data("rules: hmip-2018\n".utf8).write(to: root.appendingPathComponent("caseaudit.yaml"))
        try Data("# the mini set\nrules: ../../sets/mini.yaml\n".utf8).write(to: root.appendingPathComponent("a/b/caseaudit.yaml"))
        for file in ["a/c1.yaml", "a/b/c2.yaml", "a/c3.yaml"] {
            try Data("case: \(file)\n".utf8).write(to: root.appendingPathComponent(file))
        }
        return root
    }

    @Test func nearestSettingsFileWins() throws {
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let inputs = CaseInputs.expand([root.path + "/a"]).inputs
        // The directory walk does not take the settings files for case files.
        #expect(inputs.map { $0.path.replacingOccurrences(of: root.path + "/", with: "") } == ["a/b/c2.yaml", "a/c1.yaml", "a/c3.yaml"])
        #expect(CaseInputs.expand([root.appendingPathComponent("a/b/caseaudit.yaml").path]).inputs.count == 1, "named, it is read")
        let choice = SetChoice.choose(for: inputs, rules: nil)
        #expect(choice.diagnostics.isEmpty)
        #expect(choice.groups.count == 2)
        let mini = try #require(choice.groups.first)
        #expect(mini.rules?.hasSuffix("/a/b/../../sets/mini.yaml") == true)
        #expect(mini.settings?.hasSuffix("/a/b/caseaudit.yaml") == true)
        #expect(mini.inputs.count == 1)
        #expect(choice.groups[1].rules == "hmip-2018")
        #expect(choice.groups[1].inputs.map(\.path) == [root.path + "/a/c1.yaml", root.path + "/a/c3.yaml"])
        #expect(choice.settingsFiles.count == 2)
        // The set the relative path names loads.
        #expect(CriteriaSetSource.load(path: mini.rules).set?.id == "mini")
        guard case .failure(let mixed) = choice.single() else {
            Issue.record("two sets must not be scored together")
            return
        }
        #expect(mixed.code == "input.mixed-sets")
        #expect(mixed.message.contains("a/b/c2.yaml and 0 other files for ") && mixed.message.contains("a/c1.yaml and 1 other file for hmip-2018"))
    }

    @Test func rulesOptionOverridesSettings() throws {
        let root = try Self.tree()
        defer { try? FileManager.default.removeItem(at: root) }
        let choice = SetChoice.choose(for: CaseInputs.expand([root.path + "/a"]).inputs, rules: "iaow-2013")
        #expect(choice.groups.map(\.rules) == ["iaow-2013"])
        #expect(choice.groups.first?.inputs.count == 3)
        #expect(choice.settingsFiles.isEmpty)
    }

    @Test func noSettingsMeansTheDefault() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("case: C-1\n".utf8).write(to: directory.appendingPathComponent("c.yaml"))
        let choice = SetChoice.choose(for: [.file(directory.path + "/c.yaml")], rules: nil)
        #expect(choice.groups.map(\.rules) == [nil])
        #expect(choice.groups.first?.words == "iaow-2013")
        // A settings file naming the default set is the same set: one group, not mixed.
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("d"), withIntermediateDirectories: true)
        try Data("rules: iaow-2013\n".utf8).write(to: directory.appendingPathComponent("d/caseaudit.yaml"))
        try Data("case: C-2\n".utf8).write(to: directory.appendingPathComponent("d/c.yaml"))
        let both = SetChoice.choose(for: CaseInputs.expand([directory.path]).inputs, rules: nil)
        #expect(both.groups.count == 1)
        #expect(both.groups.first?.inputs.count == 2)
    }

    @Test(arguments: [
        ("rules: [a, b]\n", "error", "settings.wrong-type", 1, 8),
        ("rules:\n", "error", "settings.wrong-type", 1, 7),
        ("- rules\n", "error", "settings.wrong-type", 1, 1),
        ("rules: mini.yaml\n---\nrules: x\n", "error", "settings.wrong-type", 3, 1),
        ("rule: hmip-2018\n", "warning", "settings.unknown-key", 1, 1),
        ("rules: [hmip-2018\n", "error", "yaml.syntax", 2, 1),
    ])
    func brokenSettings(text: String, severity: String, code: String, line: Int, column: Int) throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("caseaudit.yaml").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let read = CaseSettings.read(path: path)
        let diagnostic = try #require(read.diagnostics.first)
        #expect(diagnostic.code == code)
        #expect(diagnostic.severity.rawValue == severity)
        #expect(diagnostic.location?.path == path)
        #expect(diagnostic.location?.position.line == line)
        #expect(diagnostic.location?.position.column == column)
        #expect((read.settings == nil) == (severity == "error"))
        if code == "settings.unknown-key" { #expect(diagnostic.message.contains("did you mean 'rules'")) }
    }

    @Test func emptySettingsMeanTheDefault() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("caseaudit.yaml").path
        try Data("# nothing yet\n".utf8).write(to: URL(fileURLWithPath: path))
        let read = CaseSettings.read(path: path)
        #expect(read.diagnostics.isEmpty)
        #expect(read.settings == CaseSettings(path: path, rules: nil))
    }
}

/// The bundled examples name their sets, so each scores by its own with no `--rules`.
@Suite struct ExamplesNameTheirSetTests {
    @Test func hmipExampleScoresByItsSet() throws {
        let plain = try Executable.run(["score", "examples/hmip-2018"], in: CaseFixtures.repository)
        let named = try Executable.run(["score", "--rules", "hmip-2018", "examples/hmip-2018"], in: CaseFixtures.repository)
        #expect(plain.status == 0)
        #expect(plain.output.hasPrefix("HMIP case supervision standards 2018 (hmip-2018 1.0"))
        #expect(plain.output.contains("Overall rating: Requires improvement (6 of 12 points; 4 criteria rated)"))
        #expect(plain.output == named.output)
        #expect(plain.error.isEmpty)
    }

    @Test func lintReadsEachExampleByItsOwnSet() throws {
        let run = try Executable.run(["lint", "examples"], in: CaseFixtures.repository)
        #expect(run.status == 0)
        // York: 10 files, 49 cases; HMIP: 6 files, 36 cases.
        #expect(run.output == "no problems in 16 files (85 cases)\n")
    }

    @Test func scoringBothExamplesTogetherIsRefused() throws {
        let run = try Executable.run(["score", "examples"], in: CaseFixtures.repository)
        #expect(run.status == 2)
        #expect(run.codes == ["input.mixed-sets"])
        #expect(run.error.contains("examples/hmip-2018/ro-01.yaml and 5 other files for hmip-2018 (from examples/hmip-2018/caseaudit.yaml)"))
        #expect(run.output.isEmpty)
    }

    @Test func outputNeverOverwritesASettingsFile() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let copy = directory.appendingPathComponent("hmip")
        try FileManager.default.copyItem(at: CaseFixtures.repository.appendingPathComponent("examples/hmip-2018"), to: copy)
        let settings = copy.appendingPathComponent("caseaudit.yaml")
        let before = try Data(contentsOf: settings)
        let run = try Executable.run(["score", "hmip", "-o", "hmip/caseaudit.yaml"], in: directory)
        #expect(run.status == 2)
        #expect(run.codes == ["output.is-input"])
        #expect(try Data(contentsOf: settings) == before)
    }
}
