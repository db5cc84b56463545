#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

private let systemRead = read

/// Reads a whole input into memory, refusing inputs above a size limit before reading them.
enum InputReader {
    enum Failure: Error {
        case unreadable(String)
        case tooLarge(Int)
    }

    /// Reads a regular file. A directory, a FIFO, a device or socket, a missing file or a
    /// permission problem is `.unreadable`. The file is opened without blocking (a FIFO with no
    /// writer would otherwise wait forever) and checked to be regular before any byte is read.
    static func read(path: String, maxBytes: Int) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw .unreadable(describe(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(describe(errno)) }
        if let kind = irregularKind(info.st_mode) {
            throw .unreadable(kind == "a directory" ? "is a directory" : "is \(kind), not a regular file")
        }
        if Int(info.st_size) > maxBytes { throw .tooLarge(Int(info.st_size)) }
        // A regular file never blocks; clear the flag so reads behave as usual.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return try readAll(fd: fd, maxBytes: maxBytes, expected: Int(info.st_size))
    }

    /// What a file that is not regular is ("a FIFO", "a device", …), or nil for a regular file.
    static func irregularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a regular file"
        }
    }

    /// Reads standard input to its end.
    static func readStandardInput(maxBytes: Int) throws(Failure) -> [UInt8] {
        try readAll(fd: 0, maxBytes: maxBytes)
    }

    /// Files this large are read in two halves at once: most of the time of reading one is the
    /// system mapping and zeroing the pages it is read into, which two threads share.
    static let halvedBytes = 8 << 20

    /// Reads to the end of `fd`: the `expected` bytes (a regular file's size) straight into the
    /// result, then whatever more there is (a file that grew) in chunks.
    private static func readAll(fd: Int32, maxBytes: Int, expected: Int = 0) throws(Failure) -> [UInt8] {
        var failure: Int32?
        var result = [UInt8](unsafeUninitializedCapacity: max(0, min(expected, maxBytes))) { buffer, initialized in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
            let parts = buffer.count >= halvedBytes ? 2 : 1
            if parts == 2 { adviseHugePages(base, count: buffer.count) }
            let half = buffer.count / 2
            let spans = parts == 2 ? [0..<half, half..<buffer.count] : [0..<buffer.count]
            // What each part read, and the error that stopped it; parts write disjoint bytes.
            let outcomes = Mutex<[(count: Int, error: Int32?)]>(Array(repeating: (0, nil), count: parts))
            nonisolated(unsafe) let target = base
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let outcome = readFully(fd: fd, into: target, spans[part])
                outcomes.withLock { $0[part] = outcome }
            }
            // The bytes read without a gap: a part that came short (a file that shrank) ends them.
            for (part, outcome) in outcomes.withLock({ $0 }).enumerated() {
                initialized += outcome.count
                if let error = outcome.error { failure = error }
                if failure != nil || outcome.count < spans[part].count { break }
            }
        }
        if let failure { throw .unreadable(describe(failure)) }
        if result.count < expected { return result }
        // Parts were read at their offsets (the file's own offset has not moved): go on after them.
        if !result.isEmpty, lseek(fd, off_t(result.count), SEEK_SET) < 0 { throw .unreadable(describe(errno)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(describe(errno))
            }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
            if result.count > maxBytes { throw .tooLarge(result.count) }
        }
    }

    /// Asks the system to back a large buffer not yet touched with huge pages (2 MiB on x86-64)
    /// where it offers them: reading 41 MB into 4 KiB pages took some 10,000 page faults, most of
    /// the read's time. Only whole huge pages inside the buffer are advised; a system without
    /// them ignores the advice.
    private static func adviseHugePages(_ base: UnsafeMutablePointer<UInt8>, count: Int) {
        #if os(Linux)
        let huge = 2 << 20
        let start = (Int(bitPattern: base) + huge - 1) & ~(huge - 1)
        let end = (Int(bitPattern: base) + count) & ~(huge - 1)
        guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(address, end - start, Int32(MADV_HUGEPAGE))
        #endif
    }

    /// Reads the bytes of `span` (offsets in the file and in `base` alike) with pread, until the
    /// span is full, the file ends or an error other than an interruption.
    private static func readFully(fd: Int32, into base: UnsafeMutablePointer<UInt8>, _ span: Range<Int>) -> (count: Int, error: Int32?) {
        var done = 0
        while done < span.count {
            let count = pread(fd, base + span.lowerBound + done, span.count - done, off_t(span.lowerBound + done))
            if count < 0, errno == EINTR { continue }
            if count < 0 { return (done, errno) }
            if count == 0 { break }
            done += count
        }
        return (done, nil)
    }

    private static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or directory"
        case EACCES: return "permission denied"
        case EISDIR: return "is a directory"
        default:
            if let message = strerror(code) { return String(cString: message).lowercased() }
            return "error \(code)"
        }
    }
}
