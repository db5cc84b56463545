#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command's output goes: standard output, or a file. Text is buffered and can be written
/// piece by piece, so long outputs (per-case gaps) stream without being held.
///
/// A file is never one of the command's inputs (refused, whatever path reaches it). A regular file
/// (or a new one) is written atomically: a temporary file beside it, renamed over it only when
/// everything is written, with the permissions the file had; a symlink keeps pointing at the
/// written file. Anything else that exists — a FIFO, a terminal, a device, `/dev/stdout` — is
/// written directly and never replaced.
public final class OutputSink {
    public struct Failure: Error {
        /// `output.unwritable`, or `output.is-input` when the target is one of the inputs.
        public var code = "output.unwritable"
        public var reason: String
    }

    private let descriptor: Int32
    /// Set when writing atomically: the file to replace and the temporary file written first.
    private let target: String?
    private let temporary: String?
    /// Whether `finish` closes the descriptor (not standard output or error).
    private let owned: Bool
    private var buffer: [UInt8] = []
    private var failed: String?
    private var finished = false

    private init(descriptor: Int32, target: String?, temporary: String?, owned: Bool) {
        self.descriptor = descriptor
        self.target = target
        self.temporary = temporary
        self.owned = owned
    }

    /// Writes to an open descriptor: 1 for standard output, 2 for standard error.
    public convenience init(descriptor: Int32) {
        self.init(descriptor: descriptor, target: nil, temporary: nil, owned: false)
    }

    /// Collects the text in memory, to be read with ``collected`` (a server's response).
    public static func memory() -> OutputSink { OutputSink(descriptor: -1, target: nil, temporary: nil, owned: false) }

    /// The text written to a ``memory()`` sink.
    public var collected: String { String(decoding: buffer, as: UTF8.self) }

    /// Opens standard output (`path` nil) or the file at `path`, refusing any file in `inputs`.
    public convenience init(path: String?, inputs: Set<FileIdentity> = []) throws(Failure) {
        guard let path else {
            self.init(descriptor: 1)
            return
        }
        var info = stat()
        guard stat(path, &info) == 0 else {
            // A new file, or a dangling symlink: written atomically where the path leads.
            guard errno == ENOENT else { throw Self.failure(errno) }
            let target = Self.resolved(path)
            let (temporary, descriptor) = try Self.temporary(for: target, mode: 0o666)
            self.init(descriptor: descriptor, target: target, temporary: temporary, owned: true)
            return
        }
        if inputs.contains(FileIdentity(info)) {
            throw Failure(code: "output.is-input", reason: "it is an input of this command and would be overwritten")
        }
        for standard: Int32 in [1, 2] {
            var open = stat()
            if fstat(standard, &open) == 0, FileIdentity(open) == FileIdentity(info) {
                self.init(descriptor: standard)  // `-o /dev/stdout`, or the file standard output goes to
                return
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG:
            let real = Self.resolved(path)
            let (temporary, descriptor) = try Self.temporary(for: real, mode: info.st_mode & 0o7777)
            // Keep the file's permissions (the umask applied at creation may have narrowed them).
            _ = fchmod(descriptor, info.st_mode & 0o7777)
            self.init(descriptor: descriptor, target: real, temporary: temporary, owned: true)
        case S_IFDIR:
            throw Failure(reason: "is a directory")
        default:
            // A FIFO, terminal or device: written in place (a FIFO waits here for its reader).
            let descriptor = open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
            guard descriptor >= 0 else { throw Self.failure(errno) }
            self.init(descriptor: descriptor, target: nil, temporary: nil, owned: true)
        }
    }

    deinit {
        if !finished {
            if owned { close(descriptor) }
            if let temporary {
                unlink(temporary)
                TemporaryFiles.forget()
            }
        }
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes what `render` appends, as UTF-8, straight into the buffer (no `String` between).
    public func write(_ render: (inout [UInt8]) -> Void) {
        render(&buffer)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes what is buffered; for a file written atomically, syncs it and renames it over the target.
    public func finish() throws(Failure) {
        flush()
        finished = true
        guard let target, let temporary else {
            if owned, close(descriptor) != 0, failed == nil { failed = Self.describe(errno) }
            if let failed { throw Failure(reason: failed) }
            return
        }
        let synced = fsync(descriptor) == 0
        if failed == nil, !synced { failed = Self.describe(errno) }
        close(descriptor)
        if failed == nil, rename(temporary, target) != 0 { failed = Self.describe(errno) }
        if failed != nil { unlink(temporary) }
        TemporaryFiles.forget()
        if let failed { throw Failure(reason: failed) }
    }

    private func flush() {
        if descriptor < 0 { return }  // a memory sink keeps everything
        var start = 0
        while start < buffer.count, failed == nil {
            let written = buffer[start...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                failed = Self.describe(errno)
                break
            }
            start += written
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Creates `<target>.caseaudit-<pid>.tmp`, first removing such files that runs no longer alive
    /// left behind (killed before they could clean up), and registers it for removal on SIGINT/SIGTERM.
    private static func temporary(for target: String, mode: mode_t) throws(Failure) -> (String, Int32) {
        TemporaryFiles.removeStale(for: target)
        let temporary = target + TemporaryFiles.infix + "\(getpid())" + TemporaryFiles.suffix
        TemporaryFiles.register(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            let code = errno
            TemporaryFiles.forget()
            throw failure(code)
        }
        return (temporary, descriptor)
    }

    /// Where a path leads when it is a symlink (so the link is kept and its file replaced), else the path.
    private static func resolved(_ path: String) -> String {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return path }
        // A dangling link: follow it by hand to where the file will be.
        guard let real = realpath(path, nil) else {
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(path, &target, target.count - 1)
            guard count > 0 else { return path }
            let link = String(decoding: target[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("/") { return link }
            let directory = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
            return directory + link
        }
        defer { free(real) }
        return String(cString: real)
    }

    private static func failure(_ code: Int32) -> Failure { Failure(reason: describe(code)) }

    private static func describe(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }
}

private let systemWrite = write

/// Writes a whole text to a file atomically.
public enum AtomicFile {
    public static func write(_ text: String, to path: String, inputs: Set<FileIdentity> = []) throws(OutputSink.Failure) {
        let sink = try OutputSink(path: path, inputs: inputs)
        sink.write(text)
        try sink.finish()
    }
}
