/// Converts libyaml's character index into a byte offset in UTF-8 input.
///
/// libyaml marks count characters; the tree records byte offsets too. Where the input from the
/// origin on is ASCII so far (case files nearly always are), a character is a byte and the offset
/// is found without a walk; past the first non-ASCII byte, marks arrive almost always in
/// increasing order, so a forward cursor keeps the whole conversion linear in the input size.
struct OffsetTracker {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let origin: Int
    private var characterIndex = 0
    private var byteOffset: Int
    /// Bytes from `origin` up to here are all ASCII (scanned as far as marks have asked).
    private var asciiEnd: Int
    /// True once a non-ASCII byte stopped the scan at `asciiEnd`.
    private var asciiStopped = false

    /// - Parameter origin: the byte offset of character 0 (past a byte-order mark, if any).
    init(bytes: UnsafeBufferPointer<UInt8>, origin: Int = 0) {
        self.bytes = bytes
        self.origin = origin
        self.byteOffset = origin
        self.asciiEnd = origin
    }

    /// Called for every event: the ASCII case is inlined, the rest is a call.
    @inline(__always)
    mutating func byteOffset(ofCharacter target: Int) -> Int {
        let wanted = min(origin &+ target, bytes.count)
        if wanted <= asciiEnd { return wanted }
        return byteOffset(beyondASCII: target, wanted: wanted)
    }

    private mutating func byteOffset(beyondASCII target: Int, wanted: Int) -> Int {
        let count = bytes.count
        if !asciiStopped {
            scanASCII(through: wanted)
            if wanted <= asciiEnd { return wanted }
        }
        if target < characterIndex {
            characterIndex = 0
            byteOffset = origin
        }
        // ASCII fast path: eight bytes with no high bit are eight characters.
        if let base = bytes.baseAddress {
            while target - characterIndex >= 8, count - byteOffset >= 8 {
                let word = UnsafeRawPointer(base + byteOffset).loadUnaligned(as: UInt64.self)
                guard word & 0x8080_8080_8080_8080 == 0 else { break }
                byteOffset += 8
                characterIndex += 8
            }
        }
        while characterIndex < target, byteOffset < count {
            byteOffset += 1
            while byteOffset < count, bytes[byteOffset] & 0xC0 == 0x80 { byteOffset += 1 }
            characterIndex += 1
        }
        return byteOffset
    }

    /// Extends the known ASCII prefix to at least `wanted` (a few KiB ahead, so the scan runs in
    /// long strides), or to the first non-ASCII byte.
    private mutating func scanASCII(through wanted: Int) {
        let count = bytes.count
        guard let base = bytes.baseAddress else { return }
        let limit = min(count, max(wanted, asciiEnd + 4096))
        var offset = asciiEnd
        // Four words a step while no high bit is set; the step that has one is redone word by word.
        while limit - offset >= 32 {
            let words = UnsafeRawPointer(base + offset)
            let any = words.loadUnaligned(as: UInt64.self) | words.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                | words.loadUnaligned(fromByteOffset: 16, as: UInt64.self) | words.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
            if any & 0x8080_8080_8080_8080 != 0 { break }
            offset += 32
        }
        while limit - offset >= 8 {
            let word = UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { break }
            offset += 8
        }
        while offset < limit, base[offset] < 0x80 { offset += 1 }
        asciiEnd = offset
        if offset < limit { asciiStopped = true }
    }
}
