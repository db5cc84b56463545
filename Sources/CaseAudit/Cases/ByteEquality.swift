/// Compares short byte strings (keys, listed values) in place, a word at a time: for the tables that
/// find a name or a value from a scalar's bytes, where a call to `memcmp` costs more than the
/// comparison.
enum ByteEquality {
    /// True when the `count` bytes at `left` and at `right` are the same.
    @inline(__always)
    static func equal(_ left: UnsafePointer<UInt8>, _ right: UnsafePointer<UInt8>, count: Int) -> Bool {
        let a = UnsafeRawPointer(left), b = UnsafeRawPointer(right)
        if count >= 8 {
            // Whole words, then the last eight bytes (overlapping the word before when the count is
            // not a multiple of eight).
            var offset = 0
            while count - offset > 8 {
                guard a.loadUnaligned(fromByteOffset: offset, as: UInt64.self) == b.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                else { return false }
                offset &+= 8
            }
            return a.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        if count >= 4 {
            // The first four bytes and the last four (they overlap below eight).
            return a.loadUnaligned(as: UInt32.self) == b.loadUnaligned(as: UInt32.self)
                && a.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self) == b.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        var offset = 0
        while offset < count {
            guard left[offset] == right[offset] else { return false }
            offset &+= 1
        }
        return true
    }

    /// True when the bytes of `text` from `start` are those of `bytes` (the caller has checked that
    /// `text` holds that many from `start`): a name or a value in a table's packed text.
    @inline(__always)
    static func equal(_ text: [UInt8], from start: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // No bytes are equal to no bytes, whether or not either buffer has an address.
        guard !bytes.isEmpty else { return true }
        return text.withUnsafeBufferPointer { text in
            guard let left = text.baseAddress, let right = bytes.baseAddress else { return false }
            return equal(left + start, right, count: bytes.count)
        }
    }
}
