/// Converts libyaml's character index into a byte offset in UTF-8 input.
///
/// libyaml marks count characters; the tree records byte offsets too. Marks arrive almost always in
/// increasing order, so a forward cursor keeps the whole conversion linear in the input size.
struct OffsetTracker {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let origin: Int
    private var characterIndex = 0
    private var byteOffset: Int

    /// - Parameter origin: the byte offset of character 0 (past a byte-order mark, if any).
    init(bytes: UnsafeBufferPointer<UInt8>, origin: Int = 0) {
        self.bytes = bytes
        self.origin = origin
        self.byteOffset = origin
    }

    mutating func byteOffset(ofCharacter target: Int) -> Int {
        if target < characterIndex {
            characterIndex = 0
            byteOffset = origin
        }
        let count = bytes.count
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
}
