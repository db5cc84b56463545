import YAMLKit

/// The case ids seen so far, in about eight bytes per case whatever the ids' length: each case is
/// one 64-bit slot of an open-addressing table holding 43 bits of the id's hash and the index of
/// the input it came from. A slot matching a new id's hash is confirmed by looking the id up in
/// that input again (which happens only for a real duplicate or a rare partial-hash collision),
/// so the check is exact.
struct CaseIDRegistry {
    private static let inputBits: UInt64 = 20
    private static let inputMask: UInt64 = (1 << inputBits) - 1

    /// 0 is an empty slot; a used slot is the top bit, 43 bits of hash, then 20 bits of input.
    private var slots = [UInt64](repeating: 0, count: 1024)
    private var used = 0
    /// Ids found duplicated, or from inputs past what a slot can index: kept in full.
    private var exact: [String: (input: Int, position: SourcePosition)] = [:]
    /// The ids of the last input looked up again, with the position of their first occurrence.
    private var cache: (input: Int, ids: [String: SourcePosition])?

    /// Registers `id` at `position` of input `input`; returns where it was first seen when it is a
    /// duplicate. `idsIn` lists the ids of an input in order with their positions. A case registered
    /// again from the same place is not a duplicate of itself (an input may be read twice).
    mutating func register(
        _ id: String, input: Int, position: SourcePosition,
        idsIn: (Int) -> [(String, SourcePosition)]
    ) -> (input: Int, position: SourcePosition)? {
        if let first = exact[id] { return first.input != input || first.position.offset < position.offset ? first : nil }
        let key = Self.hash(id) >> (Self.inputBits + 1)  // 43 bits, clear of the used bit
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot] != 0 {
            let entry = slots[slot]
            if (entry & ~(1 << 63)) >> Self.inputBits == key {
                let earlier = Int(entry & Self.inputMask)
                if let at = lookUp(id, in: earlier, idsIn: idsIn), earlier != input || at.offset < position.offset {
                    exact[id] = (earlier, at)
                    return (earlier, at)
                }
            }
            slot = (slot + 1) & mask
        }
        guard UInt64(input) <= Self.inputMask else {
            exact[id] = (input, position)
            return nil
        }
        slots[slot] = (1 << 63) | (key << Self.inputBits) | UInt64(input)
        used += 1
        if used * 5 > slots.count * 4 { grow() }
        return nil
    }

    /// Where `id` first appears in an input, reading it again (the last input read is cached).
    private mutating func lookUp(_ id: String, in input: Int, idsIn: (Int) -> [(String, SourcePosition)]) -> SourcePosition? {
        if cache?.input != input {
            var ids: [String: SourcePosition] = [:]
            for (other, at) in idsIn(input) where ids[other] == nil { ids[other] = at }
            cache = (input, ids)
        }
        return cache?.ids[id]
    }

    /// Doubles the table, keeping it at most 80 % full.
    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            var slot = Int(truncatingIfNeeded: (entry & ~(1 << 63)) >> Self.inputBits) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// FNV-1a over the id's UTF-8 bytes, with a final mix so the low bits used for slots spread well.
    private static func hash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        hash ^= hash >> 33
        hash &*= 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        return hash
    }
}
