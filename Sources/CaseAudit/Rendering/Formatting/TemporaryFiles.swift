#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The temporary file an atomic output is written to before it is renamed: removed when the
/// process is interrupted (SIGINT, SIGTERM, SIGHUP), and named `<target>.caseaudit-<pid>.tmp` so that
/// a later run writing the same target removes those left by runs that are gone (SIGKILL, power loss).
enum TemporaryFiles {
    static let infix = ".caseaudit-"
    static let suffix = ".tmp"

    /// Records `path` as the file to remove on a signal, and installs the handlers.
    static func register(_ path: String) {
        let bytes = Array(path.utf8)
        guard bytes.count < pendingCapacity else { return }  // cannot be a valid path anyway
        pending.update(from: bytes.map { CChar(bitPattern: $0) }, count: bytes.count)
        pending[bytes.count] = 0
        isPending = 1
        for number in handledSignals { _ = signal(number, removePendingAndExit) }
    }

    /// The temporary file is gone (renamed or removed): signals act as usual again.
    static func forget() {
        isPending = 0
        for number in handledSignals { _ = signal(number, SIG_DFL) }
    }

    /// Removes `<target>.caseaudit-<pid>.tmp` files whose process no longer runs.
    static func removeStale(for target: String) {
        let slash = target.lastIndex(of: "/")
        let directory = slash.map { String(target[...$0]) } ?? "./"
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        let prefix = name + infix
        while let entry = readdir(handle) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            guard entryName.hasPrefix(prefix), entryName.hasSuffix(suffix),
                let pid = Int32(entryName.dropFirst(prefix.count).dropLast(suffix.count)), pid > 0, pid != getpid()
            else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { unlink(directory + entryName) }
        }
    }
}

private let handledSignals = [SIGINT, SIGTERM, SIGHUP]
private let pendingCapacity = Int(PATH_MAX) + 1
/// The pending path as a C string, allocated once so the handler only reads memory (async-signal-safe).
nonisolated(unsafe) private let pending = UnsafeMutablePointer<CChar>.allocate(capacity: pendingCapacity)
nonisolated(unsafe) private var isPending: sig_atomic_t = 0

/// Removes the pending temporary file, then lets the signal end the process as it would have.
private func removePendingAndExit(_ number: Int32) {
    if isPending != 0 { unlink(pending) }
    _ = signal(number, SIG_DFL)
    raise(number)
}
