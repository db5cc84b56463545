import CaseAudit
import GRDB

/// What can go wrong with the history, each with a diagnostic code (docs/diagnostics.md).
public enum HistoryError: Error, Sendable, Equatable {
    /// `history record` with a label already stored, without `--replace`.
    case duplicateRound(String)
    /// A round label that is not stored.
    case unknownRound(String, suggestion: String?)
    /// `--db PATH` names no file, for a command that only reads.
    case noDatabase(String)
    /// SQLite could not open, read or write the file (not a database, locked, disk full…).
    case database(String, String)
    /// The stored rule text no longer loads to the stored set (the file was edited by hand).
    case storedSetUnreadable(String)
    /// The trend asks for an id no stored round knows.
    case unknownSubject(String, suggestion: String?)
    /// `--by` names a fact no round stored a breakdown for.
    case unknownBreakdown(String)

    /// The error as a diagnostic (exit status 2: usage or unreadable input).
    public var diagnostic: Diagnostic {
        switch self {
        case .duplicateRound(let label):
            return Diagnostic(.error, code: "history.duplicate-round",
                              "round '\(label)' is already recorded; give another --round label, or --replace to record it again", at: nil)
        case .unknownRound(let label, let suggestion):
            return Diagnostic(.error, code: "history.unknown-round",
                              "no round '\(label)' in the history" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), at: nil)
        case .noDatabase(let path):
            return Diagnostic(.error, code: "history.no-database",
                              "no history database '\(path)'; record a round first (caseaudit history record), or give --db", at: nil)
        case .database(let path, let reason):
            return Diagnostic(.error, code: "history.database", "cannot use history database '\(path)': \(reason)", at: nil)
        case .storedSetUnreadable(let label):
            return Diagnostic(.error, code: "history.database",
                              "round '\(label)': the stored criteria set does not load to the set it was recorded under", at: nil)
        case .unknownSubject(let id, let suggestion):
            return Diagnostic(.error, code: "history.unknown-id",
                              "no recorded round has '\(id)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), at: nil)
        case .unknownBreakdown(let fact):
            return Diagnostic(.error, code: "history.unknown-id",
                              "no recorded round has a breakdown by '\(fact)' (rounds store one per enum, ordinal and set fact)", at: nil)
        }
    }

    /// Runs `body`, passing a ``HistoryError`` on and turning any other (SQLite's) into `.database`.
    static func wrapping<T>(_ path: String, _ body: () throws -> T) throws(HistoryError) -> T {
        do {
            return try body()
        } catch let error as HistoryError {
            throw error
        } catch {
            throw .database(path, describe(error))
        }
    }

    /// SQLite's own words, without GRDB's decoration of the statement.
    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? "SQLite error \(error.resultCode.rawValue)" }
        return "\(error)"
    }
}
