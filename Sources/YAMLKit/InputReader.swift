#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

private let systemRead = read

/// Reads a whole input into memory, refusing inputs above a size limit before reading them.
enum InputReader {
    enum Failure: Error {
        case unreadable(String)
        case tooLarge(Int)
    }

    /// Reads a file. A directory, a missing file or a permission problem is `.unreadable`.
    static func read(path: String, maxBytes: Int) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(describe(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(describe(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .unreadable("is a directory") }
        if (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) > maxBytes {
            throw .tooLarge(Int(info.st_size))
        }
        return try readAll(fd: fd, maxBytes: maxBytes)
    }

    /// Reads standard input to its end.
    static func readStandardInput(maxBytes: Int) throws(Failure) -> [UInt8] {
        try readAll(fd: 0, maxBytes: maxBytes)
    }

    private static func readAll(fd: Int32, maxBytes: Int) throws(Failure) -> [UInt8] {
        var result: [UInt8] = []
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
