import CaseAudit
import GRDB

/// The audit-round history: one SQLite file (WAL journal), its schema made and upgraded by
/// ``HistorySchema``. Each recorded round is written in one transaction, so a round is stored
/// whole or not at all.
public final class HistoryStore: Sendable {
    /// The file used when no `--db` is given, in the working directory.
    public static let defaultPath = "caseaudit-history.sqlite"

    public let path: String
    let queue: DatabaseQueue

    /// Opens (creating when absent) the database at `path` and brings its schema up to date.
    /// With `create: false`, a missing file is an error rather than a new empty history.
    public init(path: String, create: Bool = true) throws(HistoryError) {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(5)
        if !create, !HistoryStore.exists(path) { throw .noDatabase(path) }
        queue = try HistoryError.wrapping(path) {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            try queue.writeWithoutTransaction { db in
                // A file that is not SQLite fails here, before anything is written to it.
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            try HistorySchema.migrator.migrate(queue)
            return queue
        }
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Runs `body` in one write transaction; any error rolls all of it back.
    func write<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
        try HistoryError.wrapping(path) { try queue.write(body) }
    }

    /// Runs `body` in a read transaction (a consistent snapshot).
    func read<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
        try HistoryError.wrapping(path) { try queue.read(body) }
    }

    /// `PRAGMA integrity_check`: "ok", or the problems SQLite finds.
    public func integrityCheck() throws(HistoryError) -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
