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

    /// A file just under the size mapped (so read), at it, past it and past it by a page and a
    /// byte (mapped) comes back whole and in order, each byte where it was; read rather than
    /// mapped, the same.
    @Test("a file mapped or read comes back byte for byte", arguments: [
        InputReader.mappedBytes - 1, InputReader.mappedBytes, InputReader.mappedBytes + 1, InputReader.mappedBytes + 4097,
    ])
    func wholeFile(count: Int) throws {
        let file = try patterned(count)
        defer { unlink(file.path) }
        let mapped = try InputReader.read(path: file.path, maxBytes: 64 << 20, mapsFrom: InputReader.mappedBytes)
        #expect(mapped.count == count)
        #expect(mapped.elementsEqual(file.bytes))
        #expect(mapped.withUnsafeBufferPointer { $0.elementsEqual(file.bytes) })
        #expect(!mapped.fileChanged)
        let read = try InputReader.read(path: file.path, maxBytes: 64 << 20)
        #expect(read.elementsEqual(file.bytes))
    }

    /// Another program truncating a mapped file must not end the process (SIGBUS): the pages past
    /// the new end read as zeros and the file is marked changed. Within the last page the file
    /// still has, the bytes past its end read as zeros with no fault (the system's rule), and the
    /// file's size tells. A fault is remembered even once the file has its size and time back.
    @Test("a mapped file truncated while mapped reads zeros past its new end, and says so")
    func truncatedWhileMapped() throws {
        let page = sysconf(Int32(_SC_PAGESIZE))
        let third = page * 300
        let file = try patterned(3 * third)
        defer { unlink(file.path) }
        var before = stat()
        try #require(stat(file.path, &before) == 0)
        let mapped = try InputReader.read(path: file.path, maxBytes: 64 << 20, mapsFrom: 1)
        #expect(mapped.count == 3 * third && !mapped.fileChanged)
        let kept = third + 100
        try #require(truncate(file.path, off_t(kept)) == 0)
        #expect(mapped.fileChanged)
        // A mapping of the file as it is now is whole, and unchanged.
        let again = try InputReader.read(path: file.path, maxBytes: 64 << 20, mapsFrom: 1)
        #expect(again.count == kept && !again.fileChanged)
        #expect(again.elementsEqual(file.bytes.prefix(kept)))
        #expect(mapped[1] == 1 && mapped[kept - 1] == file.bytes[kept - 1] && file.bytes[kept - 1] != 0)
        #expect(mapped[kept] == 0 && mapped[third + page - 1] == 0)
        // The next page is gone from the file: the fault is caught, and zeros stand for every later page.
        #expect(mapped[third + page] == 0)
        #expect(mapped[3 * third - 1] == 0)
        // The file as long as it was, with its old modification time: only the fault tells.
        try #require(truncate(file.path, off_t(3 * third)) == 0)
        let times = [before.st_atim, before.st_mtim]
        try #require(utimensat(AT_FDCWD, file.path, times, 0) == 0)
        #expect(mapped.fileChanged)
        #expect(again.fileChanged)
    }

    /// A mapped file written to in place, at its size, is marked changed by its modification time.
    @Test("a mapped file written to while mapped is marked changed")
    func writtenWhileMapped() throws {
        let file = try patterned(InputReader.mappedBytes)
        defer { unlink(file.path) }
        let mapped = try InputReader.read(path: file.path, maxBytes: 64 << 20, mapsFrom: 1)
        #expect(!mapped.fileChanged)
        let late = timespec(tv_sec: time(nil) + 60, tv_nsec: 0)
        let fd = open(file.path, O_WRONLY)
        try #require(fd >= 0)
        #expect(pwrite(fd, [UInt8(ascii: "#")], 1, 10) == 1)
        // A write within the same clock tick may leave the time as it was: the time is set apart too.
        #expect(futimens(fd, [late, late]) == 0)
        close(fd)
        #expect(mapped.fileChanged)
        #expect(mapped[10] == UInt8(ascii: "#"))
    }

    /// The size limit is checked before reading: a file above it is refused, however it would be read.
    @Test("a file above the limit is refused before it is read")
    func limit() throws {
        let file = try patterned(InputReader.mappedBytes + 1)
        defer { unlink(file.path) }
        #expect(throws: InputReader.Failure.self) {
            try InputReader.read(path: file.path, maxBytes: InputReader.mappedBytes, mapsFrom: InputReader.mappedBytes)
        }
    }
}
