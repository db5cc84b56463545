import ArgumentParser

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
        try CompanionProgram.serve.exec(arguments)
    }
}
