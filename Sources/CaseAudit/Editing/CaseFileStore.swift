import Crypto
import YAMLKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Saves case files in a directory without losing anyone's work. Each save states the version of
/// the file it was edited from (its SHA-256 when the form was opened, or ``absent`` for a new
/// case); if the file has changed since, the save is refused and the new text is written beside it
/// as `FILE.conflict-YYYYMMDDTHHMMSSZ`, a name no command reads as a case file. Saves are atomic
/// (a temporary file renamed into place) and serialised by a lock file, `.caseaudit.lock`, in the
/// directory, so two servers on one shared directory check and write one at a time.
public struct CaseFileStore: Sendable {
    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// The version of a file that does not exist.
    public static let absent = "absent"

    /// Ids a new case file can be named from: 1 to 64 letters, digits, `-`, `_` and `.`, starting
    /// with a letter or digit, without `..`. Nothing else ever becomes part of a path.
    public static func isValidID(_ id: String) -> Bool {
        guard (1...64).contains(id.utf8.count), !id.contains(".."), let first = id.unicodeScalars.first,
              ("0"..."9").contains(first) || ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
        return id.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": return true
            default: return false
            }
        }
    }

    /// The file a new case with a valid id is saved to: `DIRECTORY/ID.yaml`.
    public func newFile(for id: String) -> String? {
        guard Self.isValidID(id) else { return nil }
        return (directory.hasSuffix("/") ? directory : directory + "/") + id + ".yaml"
    }

    /// The SHA-256 (hex) of a file's bytes, ``absent`` when there is no file, or a text no
    /// form holds when it cannot be read (so a save is refused rather than replacing it). The file
    /// is read as every input is (``YAMLLoader/read(path:limits:)``): a FIFO or device in its
    /// place is refused without blocking, and a file above the input limit is not read.
    public static func version(of path: String) -> String {
        var info = stat()
        if stat(path, &info) != 0 && errno == ENOENT { return absent }
        switch YAMLLoader.read(path: path) {
        case .success(let source): return source.bytes.withUnsafeBufferPointer { SHA256.hash(data: UnsafeRawBufferPointer($0)) }.map { hex($0) }.joined()
        case .failure(let error): return "unreadable: " + error.message
        }
    }

    /// What a save did.
    public enum Outcome: Sendable, Equatable {
        case saved
        /// The file changed since `expected`: nothing was replaced, and the text was written to `kept`.
        case conflict(kept: String)
    }

    public struct Failure: Error, Sendable {
        public var reason: String
    }

    /// Writes `text` to `path` if the file is still at version `expected`.
    public func save(_ text: String, to path: String, expected: String) throws(Failure) -> Outcome {
        let lock = try Lock(directory: directory)
        defer { lock.release() }
        guard Self.version(of: path) == expected else {
            let kept = try keepConflict(text, beside: path)
            return .conflict(kept: kept)
        }
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            throw Failure(reason: error.reason)
        }
        return .saved
    }

    /// Writes the refused text to a new `PATH.conflict-…` file, never over another.
    private func keepConflict(_ text: String, beside path: String) throws(Failure) -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        let stamp = four(Int(parts.tm_year) + 1900) + two(Int(parts.tm_mon) + 1) + two(Int(parts.tm_mday)) + "T"
            + two(Int(parts.tm_hour)) + two(Int(parts.tm_min)) + two(Int(parts.tm_sec)) + "Z"
        for attempt in 1...100 {
            let candidate = path + ".conflict-" + stamp + (attempt == 1 ? "" : "-\(attempt)")
            let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor < 0 {
                if errno == EEXIST { continue }
                throw Failure(reason: String(cString: strerror(errno)).lowercased())
            }
            close(descriptor)
            do {
                try AtomicFile.write(text, to: candidate)
            } catch {
                throw Failure(reason: error.reason)
            }
            return candidate
        }
        throw Failure(reason: "too many conflicting versions of \(path)")
    }

    /// An exclusive `flock` on `DIRECTORY/.caseaudit.lock` (a hidden file: no command reads it).
    private struct Lock {
        let descriptor: Int32

        init(directory: String) throws(Failure) {
            let path = (directory.hasSuffix("/") ? directory : directory + "/") + ".caseaudit.lock"
            descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno)).lowercased()) }
            while flock(descriptor, LOCK_EX) != 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno)).lowercased()
                close(descriptor)
                throw Failure(reason: reason)
            }
        }

        func release() {
            flock(descriptor, LOCK_UN)
            close(descriptor)
        }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }
}

private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

private func four(_ value: Int) -> String { String(repeating: "0", count: max(0, 4 - "\(value)".count)) + "\(value)" }
