import ArgumentParser

/// `caseaudit history …` runs `caseaudit-history` from beside this executable: the history is its
/// own product so that building the command line never compiles SQLite's wrapper (GRDB).
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Record audit rounds in a SQLite history and follow scores over them (runs the caseaudit-history program).",
        discussion: """
            caseaudit history record|list|show|remove|trend|report-data [options]
            Their options: caseaudit history help, or caseaudit history SUBCOMMAND --help.
            Build the program once with: swift build --product caseaudit-history (see docs/history.md).
            """)

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("The history subcommand and its options (caseaudit history help).", valueName: "arguments"))
    var arguments: [String] = []

    func run() throws {
        try CompanionProgram.history.exec(arguments)
    }
}
