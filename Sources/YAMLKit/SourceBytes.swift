internal import CMappedFile

/// The bytes of a ``SourceText``: an array, or a large regular file mapped into memory (see
/// `Sources/CMappedFile`), read alike. Indexes are byte offsets from 0; reading out of bounds
/// traps, as an array's does.
public struct SourceBytes: RandomAccessCollection, Sendable {
    /// True when the bytes start as UTF-16 or UTF-32 text does: a byte-order mark, a zero byte
    /// beside a character in the first two, or (UTF-32 big-endian) three zero bytes before one.
    /// UTF-8 text has no zero byte there.
    public var looksLikeUTF16OrUTF32: Bool {
        guard count >= 2 else { return false }
        let first = self[startIndex]
        let second = self[startIndex + 1]
        if (first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF) || (first == 0) != (second == 0) { return true }
        guard count >= 4, first == 0, second == 0 else { return false }
        let third = self[startIndex + 2]
        let fourth = self[startIndex + 3]
        return (third == 0 && fourth != 0) || (third == 0xFE && fourth == 0xFF)
    }

    private let storage: Storage

    /// The bytes of an array.
    public init(_ bytes: [UInt8]) {
        storage = Storage(bytes)
    }

    /// Maps the `length` bytes of the open regular file `fd` (its whole size), or nil when it cannot
    /// be mapped.
    static func map(fd: Int32, length: Int) -> SourceBytes? {
        guard length > 0, let base = caseaudit_map_file(fd, length) else { return nil }
        return SourceBytes(storage: Storage(mapped: UnsafeBufferPointer(start: base, count: length)))
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.mapped?.count ?? storage.array.count }

    public subscript(position: Int) -> UInt8 {
        guard let mapped = storage.mapped else { return storage.array[position] }
        precondition(position >= 0 && position < mapped.count, "byte offset out of range")
        return mapped[position]
    }

    /// Calls `body` with the bytes, valid during the call.
    public func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        guard let mapped = storage.mapped else { return try storage.array.withUnsafeBufferPointer(body) }
        return try withExtendedLifetime(storage) { try body(mapped) }
    }

    public func withContiguousStorageIfAvailable<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result? {
        try withUnsafeBufferPointer(body)
    }

    /// True when the bytes are a mapped file that another program has changed since it was mapped
    /// (truncated: what it no longer has reads as zero bytes; or written to). An array never changes.
    public var fileChanged: Bool {
        guard let base = storage.mapped?.baseAddress else { return false }
        return withExtendedLifetime(storage) { caseaudit_mapped_file_changed(base) != 0 }
    }

    /// Owns the memory: the array, or the mapping (unmapped when the last reference goes).
    private final class Storage: Sendable {
        let array: [UInt8]
        /// The mapped file; never written, and unmapped only when this goes.
        nonisolated(unsafe) let mapped: UnsafeBufferPointer<UInt8>?

        init(_ array: [UInt8]) {
            self.array = array
            mapped = nil
        }

        init(mapped: UnsafeBufferPointer<UInt8>) {
            array = []
            self.mapped = mapped
        }

        deinit {
            if let mapped, let base = mapped.baseAddress { caseaudit_unmap_file(base, mapped.count) }
        }
    }
}
