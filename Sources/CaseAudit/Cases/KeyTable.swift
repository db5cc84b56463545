#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the index of a name (a fact's, a question's) from its UTF-8 bytes without making a String:
/// an open-addressing table over the names' bytes, and a guess from the mapping read before —
/// case files write the same keys in the same order, so the key at each place is usually the one
/// found there last time ("one resolution per mapping shape"), or else the name declared after the
/// key before it.
///
/// Exact as String lookup: a name matches bytes equal to it; for non-ASCII keys, or when a name is
/// not ASCII, the answer comes from `fallback` (String comparison is by canonical equivalence).
struct KeyTable {
    private let names: [[UInt8]]
    /// Index + 1 of the name in each slot; 0 is empty.
    private let slots: [Int32]
    private let allASCII: Bool
    /// No name is given twice (then a name's bytes always mean its own index).
    private let unique: Bool
    private let fallback: @Sendable (String) -> Int?
    /// The index found at each place of the last mapping read.
    private var shape: [Int32] = []

    init(_ names: [String], fallback: @escaping @Sendable (String) -> Int?) {
        self.names = names.map { Array($0.utf8) }
        self.fallback = fallback
        allASCII = self.names.allSatisfy { $0.allSatisfy { $0 < 0x80 } }
        var size = 16
        while size < names.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        var unique = true
        for (index, name) in self.names.enumerated() {
            var slot = Int(truncatingIfNeeded: Self.hash(name.withUnsafeBufferPointer { $0 })) & (size - 1)
            // A name given twice keeps its first index, as the schema's dictionary does.
            var duplicate = false
            while slots[slot] != 0 {
                if self.names[Int(slots[slot]) - 1] == name { duplicate = true; break }
                slot = (slot + 1) & (size - 1)
            }
            if duplicate { unique = false } else { slots[slot] = Int32(index + 1) }
        }
        self.slots = slots
        self.unique = unique
    }

    /// The index of the name `bytes` stands for, the key at `place` of its mapping, and whether the
    /// bytes are the name's own (not merely canonically equivalent); nil when it names none.
    mutating func index(of bytes: UnsafeBufferPointer<UInt8>, at place: Int) -> (index: Int, exact: Bool)? {
        if place < shape.count, shape[place] > 0, equal(Int(shape[place]) - 1, bytes) { return (Int(shape[place]) - 1, true) }
        // Next, the name declared after the previous key's (files follow the set's order, leaving
        // out what they do not record); then the table.
        let following = unique && place > 0 && place <= shape.count && shape[place - 1] > 0 ? Int(shape[place - 1]) : names.count
        let found = following < names.count && equal(following, bytes) ? (following, true) : lookUp(bytes)
        let entry = Int32(found.map { $0.exact ? $0.index + 1 : 0 } ?? 0)
        if place == shape.count { shape.append(entry) } else if place < shape.count { shape[place] = entry }
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

    private func equal(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        names[index].withUnsafeBufferPointer { name in
            guard name.count == bytes.count else { return false }
            guard let left = name.baseAddress, let right = bytes.baseAddress else { return true }
            return memcmp(left, right, bytes.count) == 0
        }
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
