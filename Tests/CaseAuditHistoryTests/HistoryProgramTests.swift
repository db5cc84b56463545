import CaseAudit
import CaseAuditHistory
import Foundation
import Testing

/// `caseaudit history` and `caseaudit report --history` run `caseaudit-history` from beside the
/// core executable (which links no SQLite): the report read through it is byte for byte the report
/// of the rounds read from the file directly, its errors are the report's, and without the program
/// both commands say how to build it.
@Suite("History: the caseaudit-history program")
struct HistoryProgramTests {
    struct Run {
        var status: Int32
        var error: String
    }

    /// Runs an executable with its output in files (so neither stream can block it).
    static func run(_ executable: URL, _ arguments: [String]) throws -> Run {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("caseaudit-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let errURL = scratch.appendingPathComponent("err")
        try Data().write(to: errURL)
        let error = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = error
        try process.run()
        process.waitUntilExit()
        try error.close()
        return Run(status: process.terminationStatus, error: try String(contentsOf: errURL, encoding: .utf8))
    }

    /// The report ReportRun writes of `path` with the rounds read from the store (what `report
    /// --history` did in one process before the history became a program of its own).
    static func report(_ path: String, _ history: ReportHistory, date: Day?) throws -> String {
        let (stream, _) = try HistoryStoreTests.stream(path)
        let set = stream.schema.set
        let options = ReportOptions(format: .html, date: date, by: [], profile: Aggregate.defaultProfile(set), history: history)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("caseaudit-report-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let sink = try OutputSink(path: output)
        _ = ReportRun.run(stream, options, to: sink, report: { _ in })
        try sink.finish()
        return try String(contentsOfFile: output, encoding: .utf8)
    }

    @Test("report --history through caseaudit-history: the same bytes as the rounds read directly; its errors exit 2")
    func reportHistory() throws {
        let workspace = try HistoryStoreTests.Workspace()
        defer { workspace.remove() }
        let store = try HistoryStore(path: workspace.db)
        try HistoryStoreTests.record(store, workspace.york, "2014-Q1", "2014-02-01")
        try HistoryStoreTests.record(store, workspace.modified, "2014-Q2", "2014-05-01")
        try HistoryStoreTests.record(store, workspace.modified, "2014-Q3", "2014-08-01", rules: workspace.rules)
        let caseaudit = try KillTests.executable
        let output = workspace.directory.appendingPathComponent("report.html").path
        for round in [nil, "2014-Q2"] {
            let run = try Self.run(caseaudit, ["report", workspace.modified, "--history", workspace.db, "--date", "2014-09-01", "-o", output]
                                   + (round.map { ["--round", $0] } ?? []))
            #expect(run.status == 0, "\(run.error)")
            let expected = try Self.report(workspace.modified, try store.reportHistory(current: round), date: Day(iso: "2014-09-01"))
            #expect(try String(contentsOfFile: output, encoding: .utf8) == expected, "--round \(round ?? "none")")
            #expect(expected.contains("Over the audit rounds"))
        }
        try FileManager.default.removeItem(atPath: output)

        // The history program's diagnostics are the report's, with its status; nothing is written.
        let none = workspace.directory.appendingPathComponent("none.sqlite").path
        let missing = try Self.run(caseaudit, ["report", workspace.york, "--history", none, "-o", output])
        #expect(missing.status == 2)
        #expect(missing.error.contains("history.no-database") && missing.error.contains(none), "\(missing.error)")
        let unknown = try Self.run(caseaudit, ["report", workspace.york, "--history", workspace.db, "--round", "2014-Q9", "-o", output])
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("history.unknown-round") && unknown.error.contains("2014-Q9"), "\(unknown.error)")
        #expect(!FileManager.default.fileExists(atPath: output))
    }

    @Test("Without caseaudit-history beside it, history and report --history say how to build it and exit 2")
    func missingProgram() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("caseaudit-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let alone = directory.appendingPathComponent("caseaudit")
        try FileManager.default.copyItem(at: try KillTests.executable, to: alone)
        let program = directory.appendingPathComponent("caseaudit-history").path
        for (arguments, command) in [(["history", "list"], "caseaudit history"),
                                     (["report", HistoryStoreTests.york.path, "--history", "h.sqlite"], "caseaudit report --history")] {
            let run = try Self.run(alone, arguments)
            #expect(run.status == 2)
            #expect(run.error.hasPrefix("error: \(command) needs the caseaudit-history program beside this one (\(program)), and it is not there."),
                    "\(run.error)")
            #expect(run.error.contains("Build it with:  swift build --product caseaudit-history"))
        }
    }
}
