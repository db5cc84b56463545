import ArgumentParser
import CaseAudit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `caseaudit serve …` runs `caseaudit-serve`, the web form, from beside this executable: the
/// server is its own product so that building the command line never compiles the server stack.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "A web form over a case directory (runs the caseaudit-serve program).",
        discussion: """
            caseaudit serve CASE_DIR [--rules PATH] [--port N] [--host H] [--token T | --token-file F]
            Build the server once with: swift build --product caseaudit-serve (see docs/serve.md).
            """)

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("CASE_DIR and the server's options (caseaudit serve --help).", valueName: "arguments"), completion: .directory)
    var arguments: [String] = []

    func run() throws {
        let directory = Self.executableDirectory()
        let server = directory + "/caseaudit-serve"
        guard access(server, X_OK) == 0 else {
            Output.error("""
                error: caseaudit serve needs the caseaudit-serve program beside this one (\(server)), and it is not there.
                Build it with:  swift build --product caseaudit-serve
                (or in release: swift build -c release --product caseaudit-serve), then run caseaudit serve again.
                """)
            throw ExitStatus.usageOrInput.exit
        }
        let argv = ([server] + arguments).map { strdup($0) } + [nil]
        execv(server, argv)
        Output.error("error: cannot run \(server): \(String(cString: strerror(errno)).lowercased())")
        throw ExitStatus.usageOrInput.exit
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
