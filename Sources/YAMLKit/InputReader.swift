#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

private let systemRead = read

/// Reads a whole input into memory (or maps a large file), refusing inputs above a size limit
/// before reading them.
enum InputReader {
    enum Failure: Error {
        case unreadable(String)
        case tooLarge(Int)
    }

    /// Reads (or maps) a regular file. A directory, a FIFO, a device or socket, a missing file or a
    /// permission problem is `.unreadable`. The file is opened without blocking (a FIFO with no
    /// writer would otherwise wait forever) and checked to be regular before any byte is read.
    /// A file of `mapsFrom` bytes or more is mapped rather than read (see ``mappedBytes``).
    static func read(path: String, maxBytes: Int, mapsFrom: Int = .max) throws(Failure) -> SourceBytes {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard fd >= 0 else { throw .unreadable(describe(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(describe(errno)) }
        if let kind = irregularKind(info.st_mode) {
            throw .unreadable(kind == "a directory" ? "is a directory" : "is \(kind), not a regular file")
        }
        if Int(info.st_size) > maxBytes { throw .tooLarge(Int(info.st_size)) }
        if Int(info.st_size) >= mapsFrom, let mapped = SourceBytes.map(fd: fd, length: Int(info.st_size)) {
            return mapped
        }
        // A regular file never blocks; clear the flag so reads behave as usual.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return SourceBytes(try readAll(fd: fd, maxBytes: maxBytes, expected: Int(info.st_size)))
    }

    /// Case files this large are mapped rather than read, where the system can map them: reading one
    /// into memory costs the system clearing and filling fresh pages (about 70 ms for 41 MB here,
    /// before any worker could start), a mapping shares the pages the file is cached in. Below
    /// this a read is as quick. A mapped file shows each change another program makes to it until
    /// it has been read (bytes appended after it was mapped are not read), and a truncation does
    /// not end the process (see `Sources/CMappedFile`): the reader asks
    /// ``SourceText/changedWhileRead`` once done and reports a change. Only a reader that does so
    /// asks for a mapping (``YAMLLoader/read(path:limits:mapsLargeFile:)``).
    static let mappedBytes = 1 << 20

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

    /// Reads to the end of `fd`: the `expected` bytes (a regular file's size) straight into the
    /// result, then whatever more there is (a file that grew) in chunks.
    private static func readAll(fd: Int32, maxBytes: Int, expected: Int = 0) throws(Failure) -> [UInt8] {
        var failure: Int32?
        var result = [UInt8](unsafeUninitializedCapacity: max(0, min(expected, maxBytes))) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            // A file that shrank ends the bytes where it ended.
            while initialized < buffer.count {
                let count = systemRead(fd, base + initialized, buffer.count - initialized)
                if count < 0, errno == EINTR { continue }
                if count < 0 { failure = errno }
                if count <= 0 { break }
                initialized += count
            }
        }
        if let failure { throw .unreadable(describe(failure)) }
        if result.count < expected { return result }
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
