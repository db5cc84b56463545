#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import YAMLKit

@Suite("Reading an input file")
struct InputReadTests {
    /// A file of `count` bytes, byte i being i mod 251 (a prime, so no two halves or pages repeat).
    private func patterned(_ count: Int) throws -> (path: String, bytes: [UInt8]) {
        let bytes = (0..<count).map { UInt8($0 % 251) }
        var template = Array("/tmp/caseaudit-read-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        try #require(fd >= 0)
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        try #require(written == count)
        // The name mkstemp filled in, up to the NUL that ends it.
        let path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (path, bytes)
    }

    /// A file at the size read in two halves at once, one byte past it, and just under it, come back
    /// whole and in order: each byte where it was.
    @Test("a large file read in two halves comes back byte for byte", arguments: [
        InputReader.halvedBytes - 1, InputReader.halvedBytes, InputReader.halvedBytes + 1, InputReader.halvedBytes + 4097,
    ])
    func halves(count: Int) throws {
        let file = try patterned(count)
        defer { unlink(file.path) }
        let read = try InputReader.read(path: file.path, maxBytes: 64 << 20)
        #expect(read.count == count)
        #expect(read == file.bytes)
    }

    /// The size limit is checked before reading: a file above it is refused, however it would be read.
    @Test("a file above the limit is refused before it is read")
    func limit() throws {
        let file = try patterned(InputReader.halvedBytes + 1)
        defer { unlink(file.path) }
        #expect(throws: InputReader.Failure.self) { try InputReader.read(path: file.path, maxBytes: InputReader.halvedBytes) }
    }
}
