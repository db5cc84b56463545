import Foundation
import Testing
@testable import CaseAudit

/// `-o` never destroys an input, never replaces a FIFO or a device, keeps a file's permissions and
/// leaves no temporary file behind (issue 11, item 6), through the built executable.
@Suite("-o is safe")
struct OutputSafetyTests {
    /// A directory with the mini set, a case file, a key file and a link to the case file.
    static func workspace() throws -> URL {
        let directory = try Executable.temporaryDirectory()
        try FileManager.default.copyItem(atPath: try CaseFixtures.path("rules/mini.yaml"), toPath: directory.appendingPathComponent("mini.yaml").path)
        try FileManager.default.copyItem(atPath: try CaseFixtures.path("cases/worked/cases.yaml"), toPath: directory.appendingPathComponent("cases.yaml").path)
        try Data("a key of thirty-two bytes, no more".utf8).write(to: directory.appendingPathComponent("audit.key"))
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("link.yaml").path, withDestinationPath: "cases.yaml")
        return directory
    }

    @Test("-o onto a case, rules or key file (also through a symlink, ./ or a directory) exits 2 and leaves it byte-identical",
          arguments: [
            ["score", "cases.yaml", "-o", "cases.yaml"],
            ["score", "cases.yaml", "-o", "./cases.yaml"],
            ["score", "cases.yaml", "-o", "link.yaml"],
            ["score", "link.yaml", "-o", "cases.yaml"],
            ["score", ".", "-o", "cases.yaml"],
            ["score", "cases.yaml", "-o", "mini.yaml"],
            ["gaps", "cases.yaml", "--format", "json", "-o", "../WORKSPACE/cases.yaml"],
            ["report", "cases.yaml", "-o", "audit.key", "--pseudonymise", "audit.key"],
            ["lint", "cases.yaml", "--format", "sarif", "-o", "cases.yaml"],
            ["lint", "cases.yaml", "-o", "audit.key", "--pseudonymise", "./audit.key"],
            ["template", "-o", "mini.yaml"],
            ["rules", "doc", "-o", "./mini.yaml"],
          ])
    func ontoInput(_ arguments: [String]) throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let arguments = arguments.map { $0.replacingOccurrences(of: "WORKSPACE", with: directory.lastPathComponent) } + ["--rules", "mini.yaml"]
        let names = ["cases.yaml", "mini.yaml", "audit.key"]
        let before = try names.map { try Data(contentsOf: directory.appendingPathComponent($0)) }
        let run = try Executable.run(arguments, in: directory)
        #expect(run.status == 2)
        #expect(run.codes.contains("output.is-input"), "\(run.error)")
        #expect(try names.map { try Data(contentsOf: directory.appendingPathComponent($0)) } == before)
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".caseaudit-") }
        #expect(left.isEmpty)
        // The link is still a link.
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory.appendingPathComponent("link.yaml").path) == "cases.yaml")
    }

    @Test("-o to a FIFO streams into it and leaves it a FIFO")
    func fifo() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let fifo = directory.appendingPathComponent("scores.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader on another thread: the writer's open waits for it, as a FIFO does.
        let received = Received()
        let reader = Thread {
            let handle = FileHandle(forReadingAtPath: fifo)
            received.set(handle?.readDataToEndOfFile() ?? Data())
        }
        reader.start()
        let run = try Executable.run(["score", "cases.yaml", "--rules", "mini.yaml", "--format", "csv", "-o", "scores.fifo"], in: directory)
        // Should the command not have opened the FIFO, open it here so the reader ends (empty).
        let release = open(fifo, O_WRONLY | O_NONBLOCK)
        if release >= 0 { close(release) }
        #expect(run.status == 1, "\(run.error)")  // the worked cases hold one invalid answer
        let text = String(decoding: received.wait(), as: UTF8.self)
        #expect(text.hasPrefix("level,by,group,id,"), "\(text.prefix(80))")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test("-o /dev/stdout writes to standard output (a file here), not a replacement of /dev/stdout")
    func devStdout() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try Executable.run(["score", "cases.yaml", "--rules", "mini.yaml", "--format", "csv", "-o", "/dev/stdout"], in: directory)
        #expect(run.status == 1, "\(run.error)")  // the worked cases hold one invalid answer
        #expect(run.output.hasPrefix("level,by,group,id,"))
        var info = stat()
        #expect(lstat("/dev/stdout", &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK)
    }

    @Test("an existing output keeps its permissions; a stale temporary file of a dead run is removed")
    func permissionsAndStaleFiles() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = directory.appendingPathComponent("scores.csv")
        try Data("old".utf8).write(to: output)
        #expect(chmod(output.path, 0o600) == 0)
        // pid_max is at most 2^22 on Linux: no process has this id.
        let stale = directory.appendingPathComponent("scores.csv.caseaudit-2147483646.tmp")
        try Data("left by a killed run".utf8).write(to: stale)
        let run = try Executable.run(["score", "cases.yaml", "--rules", "mini.yaml", "--format", "csv", "-o", "scores.csv"], in: directory)
        #expect(run.status == 1, "\(run.error)")  // the worked cases hold one invalid answer
        var info = stat()
        #expect(stat(output.path, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(try String(contentsOf: output, encoding: .utf8).hasPrefix("level,by,group,id,"))
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test("SIGINT and SIGTERM while writing remove the temporary file", arguments: [SIGINT, SIGTERM])
    func signals(_ signal: Int32) throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Standard input is a pipe kept open: the command waits on it with its temporary file created.
        var input: [Int32] = [0, 0]
        #expect(pipe(&input) == 0)
        let pid = try Self.spawn(
            ["score", "-", "--rules", directory.appendingPathComponent("mini.yaml").path,
             "-o", directory.appendingPathComponent("scores.txt").path], standardInput: input[0])
        close(input[0])
        var temporary: String?
        for _ in 0..<1200 where temporary == nil {  // the file appears once the output is opened
            temporary = try FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.hasPrefix("scores.txt.caseaudit-") }
            if temporary == nil { usleep(50_000) }
        }
        #expect(temporary == "scores.txt.caseaudit-\(pid).tmp")
        kill(pid, signal)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        close(input[1])
        #expect(status & 0x7F == signal)  // ended by the signal, as without a handler
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("scores.txt") }
        #expect(left.isEmpty)
    }

    /// Starts the executable with signals unblocked and at their defaults (the test runner's threads
    /// block them, and a child inherits that), output discarded.
    static func spawn(_ arguments: [String], standardInput: Int32) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, standardInput, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let path = try Executable.url.path
        let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        try #require(result == 0)
        return pid
    }
}

/// Data handed from the FIFO's reader thread.
private final class Received: @unchecked Sendable {
    private let condition = NSCondition()
    private var data: Data?

    func set(_ value: Data) {
        condition.lock()
        data = value
        condition.signal()
        condition.unlock()
    }

    func wait() -> Data {
        condition.lock()
        defer { condition.unlock() }
        while data == nil { condition.wait() }
        return data ?? Data()
    }
}
