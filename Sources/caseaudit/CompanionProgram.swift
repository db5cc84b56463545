import ArgumentParser
import CaseAudit
import CaseAuditCLI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A program built as its own product and run from beside this executable (`caseaudit-serve`,
/// `caseaudit-history`), so that building the command line never compiles what it needs (the
/// server stack, SQLite).
struct CompanionProgram {
    /// The program's file name.
    let name: String
    /// The command a user runs that needs it, for the message when it is missing.
    let command: String

    static let serve = CompanionProgram(name: "caseaudit-serve", command: "caseaudit serve")
    static let history = CompanionProgram(name: "caseaudit-history", command: "caseaudit history")

    /// The same program, needed by another command.
    func needed(by command: String) -> CompanionProgram {
        CompanionProgram(name: name, command: command)
    }

    /// Replaces this process with the program run with `arguments`; exits 2 when it is missing or cannot run.
    func exec(_ arguments: [String]) throws -> Never {
        let path = try located()
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        throw Self.cannotRun(path, errno)
    }

    /// What the program writes on standard output when run with `arguments` (its standard error is
    /// this one's, its standard input empty). When it fails, this command exits with its status
    /// after its own messages; 2 when it is missing, cannot run or is stopped by a signal.
    func output(_ arguments: [String]) throws -> [UInt8] {
        let path = try located()
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw Self.cannotRun(path, errno) }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        // Neither end is inherited as it is: the child gets the write end as its standard output only.
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t? = nil
        let environment = _NSGetEnviron().pointee
        #else
        var actions = posix_spawn_file_actions_t()
        let environment = environ
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let spawned = posix_spawn(&child, path, &actions, nil, argv, environment)
        close(writeEnd)
        guard spawned == 0 else {
            close(readEnd)
            throw Self.cannotRun(path, spawned)
        }
        let output = Self.readToEnd(readEnd)
        close(readEnd)
        var status: Int32 = 0
        while waitpid(child, &status, 0) == -1 {
            guard errno == EINTR else { throw Self.cannotRun(path, errno) }
        }
        // The wait status: the low seven bits are the signal that ended it, else the exit code is in the next byte.
        let signal = status & 0x7f
        guard signal == 0 else {
            Output.error("error: \(name) was stopped by signal \(signal)")
            throw ExitStatus.usageOrInput.exit
        }
        let code = (status >> 8) & 0xff
        if code != 0 { throw ExitCode(code) }
        return output
    }

    /// Every byte readable from `descriptor` until the end of the file (or a read error).
    private static func readToEnd(_ descriptor: Int32) -> [UInt8] {
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                output.append(contentsOf: buffer[..<count])
            } else if count == 0 || errno != EINTR {
                return output
            }
        }
    }

    /// Says the program at `path` cannot run (`error` is the system's reason); the status to exit with.
    private static func cannotRun(_ path: String, _ error: Int32) -> ExitCode {
        Output.error("error: cannot run \(path): \(String(cString: strerror(error)).lowercased())")
        return ExitStatus.usageOrInput.exit
    }

    /// The program's path beside this executable; exits 2, saying how to build it, when it is not there.
    private func located() throws -> String {
        let path = Self.executableDirectory() + "/" + name
        guard access(path, X_OK) == 0 else {
            Output.error("""
                error: \(command) needs the \(name) program beside this one (\(path)), and it is not there.
                Build it with:  swift build --product \(name)
                (or in release: swift build -c release --product \(name)), then run \(command) again.
                """)
            throw ExitStatus.usageOrInput.exit
        }
        return path
    }

    /// The directory of the running executable (`/proc/self/exe` on Linux, else the path it was run by).
    private static func executableDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let path = count > 0
            ? String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : CommandLine.arguments.first ?? "caseaudit"
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}
