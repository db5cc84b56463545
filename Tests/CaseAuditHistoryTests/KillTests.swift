import CaseAudit
import CaseAuditHistory
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A kill at any moment of `history record` leaves either the whole round or none of it, and a
/// sound file: 20 runs of the real executable, each killed (SIGKILL) after a random delay.
@Suite("History: a killed record never leaves half a round")
struct KillTests {
    /// The built `caseaudit`, beside the test bundle.
    static var executable: URL {
        get throws {
            let directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            for candidate in [directory, directory.deletingLastPathComponent()] {
                let url = candidate.appendingPathComponent("caseaudit")
                if FileManager.default.isExecutableFile(atPath: url.path) { return url }
            }
            try #require(Bool(false), "build the caseaudit executable first (swift build)")
            return directory
        }
    }

    static func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = try executable
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("20 kills at random moments: every stored round is whole, integrity_check ok")
    func kills() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("caseaudit-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = HistoryStoreTests.york.path
        let db = directory.appendingPathComponent("history.sqlite").path
        func arguments(_ label: String) -> [String] { ["history", "record", sample, "--round", label, "--db", db] }

        // One undisturbed run: how long a record takes here, to spread the kills over it.
        let clock = ContinuousClock()
        let started = clock.now
        let full = try Self.start(arguments("whole"))
        full.waitUntilExit()
        #expect(full.terminationStatus == 0)
        let duration = clock.now - started
        var generator = SystemRandomNumberGenerator()
        var killed = 0
        for run in 1...20 {
            let process = try Self.start(arguments("run-\(run)"))
            let delay = duration * Double.random(in: 0...1.2, using: &generator)
            Thread.sleep(forTimeInterval: Double(delay.components.seconds) + Double(delay.components.attoseconds) / 1e18)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                killed += 1
            }
            process.waitUntilExit()
        }
        let store = try HistoryStore(path: db, create: false)
        #expect(try store.integrityCheck() == ["ok"])
        let rounds = try store.rounds()
        #expect(rounds.first?.stamp.label == "whole")
        for round in rounds {
            // Whole: the example's 49 cases, its scorecard equal to the undisturbed round's.
            #expect(round.cases == 49, "\(round.stamp.label)")
            #expect(ScoreText.render(try store.scoreResult(round.stamp.label).result)
                    == ScoreText.render(try store.scoreResult("whole").result), "\(round.stamp.label)")
        }
        for round in rounds { #expect(try store.caseCount(round: round.stamp.label) == 49, "\(round.stamp.label)") }
        #expect(killed > 0, "no run was killed: the delays never fell inside a record")
        // The file is still usable.
        let after = try Self.start(arguments("after"))
        after.waitUntilExit()
        #expect(after.terminationStatus == 0)
    }
}
