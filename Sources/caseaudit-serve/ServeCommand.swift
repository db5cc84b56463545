import ArgumentParser
import CaseAudit
import CaseAuditServer
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `caseaudit-serve` (run as `caseaudit serve`): argument parsing only.
@main
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caseaudit serve",
        abstract: "A web form over a case directory: list, edit and create cases, with the questions that apply.",
        discussion: """
            Listens on 127.0.0.1 unless --host says otherwise; any other address needs --token or --token-file. \
            Saved cases are YAML files in CASE_DIR, one per case, named from the id. See docs/serve.md.
            """,
        version: CaseAuditVersion.current)

    @Argument(help: ArgumentHelp("The directory of case files to list and edit.", valueName: "case-dir"))
    var caseDirectory: String

    @Option(name: .long, help: ArgumentHelp("A criteria set to use instead of the one the directory's caseaudit.yaml names (else the embedded IAOW 2013 set).", valueName: "path"))
    var rules: String?

    @Option(help: "The port to listen on (0: any free port; the address is printed).")
    var port: Int = ServeConfiguration.defaultPort

    @Option(help: "The address to listen on. Anything but loopback needs a token.")
    var host: String = ServeConfiguration.defaultHost

    @Option(help: ArgumentHelp("The token a browser must give once to log in (16 characters or more).", valueName: "token"))
    var token: String?

    @Option(name: .customLong("token-file"), help: ArgumentHelp("Read the token from the first line of this file.", valueName: "file"))
    var tokenFile: String?

    @Option(name: .customLong("max-body"), help: ArgumentHelp("The largest request accepted, in bytes.", valueName: "bytes"))
    var maxBody: Int = ServeConfiguration.defaultMaxBodyBytes

    func run() async throws {
        var info = stat()
        guard stat(caseDirectory, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw fail("'\(caseDirectory)' is not a directory")
        }
        let choice = SetChoice.choose(forDirectory: caseDirectory, rules: rules)
        if !choice.diagnostics.isEmpty { writeError(DiagnosticFormatter(useColor: false).format(choice.diagnostics)) }
        guard let group = choice.groups.first else { throw ExitCode(ExitStatus.usageOrInput.rawValue) }
        let loaded = CriteriaSetSource.load(path: group.rules)
        if !loaded.diagnostics.isEmpty {
            writeError(DiagnosticFormatter(useColor: false).format(loaded.diagnostics.sortedForOutput()))
        }
        guard let set = loaded.set else {
            throw ExitCode((loaded.isUnreadable ? ExitStatus.usageOrInput : ExitStatus.findings).rawValue)
        }
        var token = self.token
        if let tokenFile {
            guard token == nil else { throw fail("give --token or --token-file, not both") }
            guard let text = try? String(contentsOfFile: tokenFile, encoding: .utf8) else { throw fail("cannot read '\(tokenFile)'") }
            let firstLine = text.split(whereSeparator: \.isNewline).first ?? ""
            token = firstLine.trimmingCharacters(in: .whitespaces)
        }
        let configuration = ServeConfiguration(
            caseDirectory: caseDirectory, set: set, host: host, port: port, token: token, maxBodyBytes: maxBody)
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        do {
            let application = try CaseServer.application(configuration) { port in
                writeOut("caseaudit serve: http://\(host):\(port)/ (cases in \(configuration.caseDirectory), set \(set.id) \(set.version))\n")
            }
            try await application.runService()
        } catch let refusal as ServeConfiguration.Refusal {
            throw fail(refusal.description)
        } catch {
            throw fail("cannot serve on \(host):\(port): \(error)")
        }
    }

    /// Prints the error and gives the usage status (2).
    private func fail(_ message: String) -> ExitCode {
        writeError("error: \(message)\n")
        return ExitCode(ExitStatus.usageOrInput.rawValue)
    }
}

private func writeOut(_ text: String) {
    let sink = OutputSink(descriptor: 1)
    sink.write(text)
    try? sink.finish()
}

private func writeError(_ text: String) {
    let sink = OutputSink(descriptor: 2)
    sink.write(text)
    try? sink.finish()
}
