/// `lint --format json`: the diagnostics and the summary as one versioned document (docs/json.md).
public enum LintJSON {
    public static let schemaVersion = 1

    /// The document with `diagnostics` standing for the diagnostics array (written as they come);
    /// `notShown`: the diagnostics `--max-diagnostics` left out of it.
    static func skeleton(_ diagnostics: JSON, _ summary: LintSummary, _ options: LintOptions, notShown: Int) -> JSON {
        JSON.object([
            ("schema", .string("caseaudit-lint")),
            ("schema_version", .int(schemaVersion)),
            ("diagnostics", diagnostics),
            ("summary", .object([
                ("files", .int(summary.files)), ("cases", .int(summary.cases)), ("errors", .int(summary.errors)),
                ("warnings", .int(summary.warnings)), ("unreadable", .int(summary.unreadable)),
                ("not_shown", .int(notShown)), ("exit_status", .int(Int(summary.status(options).rawValue))),
            ])),
        ])
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> JSON {
        .object([
            ("severity", .string(diagnostic.severity.rawValue)), ("code", .string(diagnostic.code)),
            ("message", .string(diagnostic.message)),
        ] + location(diagnostic.location) + [
            ("notes", .array(diagnostic.notes.map { note in .object([("message", .string(note.message))] + location(note.location)) })),
            ("fix_it", .optional(diagnostic.fixIt?.replacement)),
        ])
    }

    private static func location(_ location: SourceLocation?) -> [(String, JSON)] {
        [("file", .optional(location?.path)), ("line", location.map { .int($0.line) } ?? .null),
         ("column", location.map { .int($0.column) } ?? .null)]
    }
}
