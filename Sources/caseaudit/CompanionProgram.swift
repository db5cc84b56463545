import ArgumentParser
import CaseAudit
import CaseAuditCLI
import Foundation

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
        Output.error("error: cannot run \(path): \(String(cString: strerror(errno)).lowercased())")
        throw ExitStatus.usageOrInput.exit
    }

    /// What the program writes on standard output when run with `arguments` (its standard error is
    /// this one's, its standard input empty). When it fails, this command exits with its status
    /// after its own messages; 2 when it is missing or cannot run.
    func output(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try located())
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let pipe = Pipe()
        process.standardOutput = pipe
        do {
            try process.run()
        } catch {
            Output.error("error: cannot run \(process.executableURL?.path ?? name): \(error.localizedDescription)")
            throw ExitStatus.usageOrInput.exit
        }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit else {
            Output.error("error: \(name) was stopped by signal \(process.terminationStatus)")
            throw ExitStatus.usageOrInput.exit
        }
        if process.terminationStatus != 0 { throw ExitCode(process.terminationStatus) }
        return output
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
