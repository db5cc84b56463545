#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a command's output goes: standard output, or a file written atomically (a temporary file
/// beside the target, renamed over it only when everything is written). Text is buffered and can be
/// written piece by piece, so long outputs (per-case gaps) stream without being held.
public final class OutputSink {
    public struct Failure: Error {
        public var reason: String
    }

    private let descriptor: Int32
    private let target: String?
    private let temporary: String?
    private var buffer: [UInt8] = []
    private var failed: String?
    private var finished = false

    private init(descriptor: Int32, target: String?, temporary: String?) {
        self.descriptor = descriptor
        self.target = target
        self.temporary = temporary
    }

    /// Writes to an open descriptor: 1 for standard output, 2 for standard error.
    public convenience init(descriptor: Int32) {
        self.init(descriptor: descriptor, target: nil, temporary: nil)
    }

    /// Opens standard output (`path` nil) or a temporary file for `path`.
    public convenience init(path: String?) throws(Failure) {
        guard let path else {
            self.init(descriptor: 1)
            return
        }
        let temporary = path + ".caseaudit-\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno)).lowercased()) }
        self.init(descriptor: descriptor, target: path, temporary: temporary)
    }

    deinit {
        if let temporary, !finished {
            close(descriptor)
            unlink(temporary)
        }
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes what is buffered; for a file, syncs it and renames it over the target.
    public func finish() throws(Failure) {
        flush()
        finished = true
        guard let target, let temporary else {
            if let failed { throw Failure(reason: failed) }
            return
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        if failed == nil, !synced { failed = String(cString: strerror(errno)).lowercased() }
        if failed == nil, rename(temporary, target) != 0 { failed = String(cString: strerror(errno)).lowercased() }
        if let failed {
            unlink(temporary)
            throw Failure(reason: failed)
        }
    }

    private func flush() {
        var start = 0
        while start < buffer.count, failed == nil {
            let written = buffer[start...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                failed = String(cString: strerror(errno)).lowercased()
                break
            }
            start += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

private let systemWrite = write

/// Writes a whole text to a file atomically.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(OutputSink.Failure) {
        let sink = try OutputSink(path: path)
        sink.write(text)
        try sink.finish()
    }
}
