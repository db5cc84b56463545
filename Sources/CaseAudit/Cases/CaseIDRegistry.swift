import YAMLKit

/// The case ids seen so far, in memory that does not grow with their text: a 64-bit hash of each id
/// and the input it came from. A hash seen before is confirmed by looking the id up in that input
/// again (which happens only for a real duplicate or a rare hash collision), so the check is exact.
struct CaseIDRegistry {
    /// Hash of an id → the input it was first seen in.
    private var seen: [UInt64: Int32] = [:]
    /// Ids whose hash is shared with another id, or that were found duplicated: kept in full.
    private var exact: [String: (input: Int, position: SourcePosition)] = [:]
    /// The ids of the last input looked up again, with the position of their first occurrence.
    private var cache: (input: Int, ids: [String: SourcePosition])?

    /// Registers `id` at `position` of input `input`; returns where it was first seen when it is a
    /// duplicate. `idsIn` lists the ids of an input in order with their positions.
    mutating func register(
        _ id: String, input: Int, position: SourcePosition,
        idsIn: (Int) -> [(String, SourcePosition)]
    ) -> (input: Int, position: SourcePosition)? {
        if let first = exact[id] { return first }
        let hash = Self.hash(id)
        guard let earlier = seen[hash] else {
            seen[hash] = Int32(truncatingIfNeeded: input)
            return nil
        }
        let earlierInput = Int(earlier)
        if cache?.input != earlierInput || earlierInput == input {
            var ids: [String: SourcePosition] = [:]
            for (other, at) in idsIn(earlierInput) where ids[other] == nil { ids[other] = at }
            cache = (earlierInput, ids)
        }
        if let at = cache?.ids[id], earlierInput != input || at.offset < position.offset {
            exact[id] = (earlierInput, at)
            return (earlierInput, at)
        }
        exact[id] = (input, position)  // another id has the same hash: remember this one in full
        return nil
    }

    /// FNV-1a over the id's UTF-8 bytes.
    private static func hash(_ id: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in id.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }
}
