/// Finds the index of a name (a fact's, a question's) from its UTF-8 bytes without making a String:
/// an open-addressing table over the names' bytes, and a guess from the key before — case files
/// write their keys in the same order, leaving out what they do not record, so the key after a name
/// is usually the one that followed it last time, or else the name declared after it.
///
/// Exact as String lookup: a name matches bytes equal to it; for non-ASCII keys, or when a name is
/// not ASCII, the answer comes from `fallback` (String comparison is by canonical equivalence).
struct KeyTable {
    /// Every name's UTF-8 bytes, one after another, and where each name lies in them.
    private let text: [UInt8]
    private let spans: [(start: Int32, count: Int32)]
    /// Index + 1 of the name in each slot; 0 is empty.
    private let slots: [Int32]
    private let allASCII: Bool
    /// No name is given twice (then a name's bytes always mean its own index).
    private let unique: Bool
    private let fallback: @Sendable (String) -> Int?
    /// Index + 1 of the name found last time after each one (slot `i + 1` follows name `i`; slot 0
    /// is a mapping's first key); 0 when none was.
    private var successors: [Int32]

    init(_ names: [String], fallback: @escaping @Sendable (String) -> Int?) {
        let names = names.map { Array($0.utf8) }
        var text: [UInt8] = []
        var spans: [(start: Int32, count: Int32)] = []
        for name in names {
            spans.append((Int32(text.count), Int32(name.count)))
            text += name
        }
        self.text = text
        self.spans = spans
        successors = Array(repeating: 0, count: names.count + 1)
        self.fallback = fallback
        allASCII = text.allSatisfy { $0 < 0x80 }
        var size = 16
        while size < names.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        var unique = true
        for (index, name) in names.enumerated() {
            var slot = Int(truncatingIfNeeded: Self.hash(name.withUnsafeBufferPointer { $0 })) & (size - 1)
            // A name given twice keeps its first index, as the schema's dictionary does.
            var duplicate = false
            while slots[slot] != 0 {
                if names[Int(slots[slot]) - 1] == name { duplicate = true; break }
                slot = (slot + 1) & (size - 1)
            }
            if duplicate { unique = false } else { slots[slot] = Int32(index + 1) }
        }
        self.slots = slots
        self.unique = unique
    }

    /// The index of the name `bytes` stands for, and whether the bytes are the name's own (not merely
    /// canonically equivalent); nil when they name none. `previous` is the index of the mapping's key
    /// before (-1 for its first key; nil when that key named nothing exactly).
    @inline(__always)
    mutating func index(of bytes: UnsafeBufferPointer<UInt8>, after previous: Int?) -> (index: Int, exact: Bool)? {
        // Inlined where keys are read: the name that followed `previous` last time, nearly always right.
        if let previous, previous >= -1, previous < spans.count {
            let learned = Int(successors[previous + 1]) - 1
            if learned >= 0, equal(learned, bytes) { return (learned, true) }
        }
        return index(missed: bytes, after: previous)
    }

    /// The key is not the one that followed `previous` last time: the name declared after
    /// `previous` (while names are unique, a name's bytes always mean its own index), then the
    /// table; what is found is learned as `previous`'s successor.
    @inline(never)
    private mutating func index(missed bytes: UnsafeBufferPointer<UInt8>, after previous: Int?) -> (index: Int, exact: Bool)? {
        guard let previous, previous >= -1, previous < spans.count else { return lookUp(bytes) }
        let slot = previous + 1
        let found = unique && slot < spans.count && equal(slot, bytes) ? (slot, true) : lookUp(bytes)
        let entry = Int32(found.map { $0.exact ? $0.index + 1 : 0 } ?? 0)
        if successors[slot] != entry { successors[slot] = entry }
        return found
    }

    private func lookUp(_ bytes: UnsafeBufferPointer<UInt8>) -> (index: Int, exact: Bool)? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(bytes)) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if equal(index, bytes) { return (index, true) }
            slot = (slot + 1) & mask
        }
        if allASCII && !bytes.contains(where: { $0 >= 0x80 }) { return nil }
        return fallback(String(decoding: bytes, as: UTF8.self)).map { ($0, false) }
    }

    @inline(__always)
    private func equal(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let span = spans[index]
        return Int(span.count) == bytes.count && ByteEquality.equal(text, from: Int(span.start), bytes)
    }

    /// FNV-1a of `bytes` from `seed` (a table of several lists seeds each list apart), folded so
    /// the low bits that pick a slot depend on every byte.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = 0) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ seed
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash ^ (hash >> 29)
    }
}
