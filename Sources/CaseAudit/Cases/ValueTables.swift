/// Types the scalar values case files repeat most — a fact's domain value, a bool or a date, a
/// scale's option — straight from their bytes, without making a String: built once per reading of
/// a sample and shared by its workers.
///
/// One open-addressing table holds the values of every domain and scale, keyed by the list and the
/// bytes. Exact as ``Fact/index(of:)`` and ``Scale/index(of:)``: bytes equal to a value are that
/// value (the first, if one is listed twice); any other spelling is declined, and the caller reads
/// the value the general way (String comparison, and a diagnostic when it is no value). A list with
/// a value that is not ASCII is always read the general way, since such a value can be canonically
/// equal to other bytes (U+212A KELVIN SIGN is `K`).
struct ValueTables: Sendable {
    /// How the scalar value of a fact or a question is typed.
    enum Form: Sendable {
        /// A value of list `n`: an enum or ordinal fact's domain, a scale's options (all ASCII).
        case list(Int32)
        case bool, date
        /// Any other form (a set, a number, a text, an answer per element) is read the general way.
        case general
    }

    /// By fact index.
    let facts: [Form]
    /// By question index.
    let answers: [Form]
    /// Every listed value's UTF-8 bytes, one after another; each value's list, start, length and
    /// index in its list; and the table (an entry's number + 1 in each slot, 0 when empty).
    private let text: [UInt8]
    private let entries: [(list: Int32, start: Int32, count: Int32, index: Int32)]
    private let slots: [Int32]

    init(_ schema: CaseSchema) {
        var lists: [[String]] = []
        func list(_ values: [String]) -> Form {
            guard values.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return .general }
            lists.append(values)
            return .list(Int32(lists.count - 1))
        }
        facts = schema.set.facts.map { fact in
            switch fact.type {
            case .enum, .ordinal: return list(fact.values)
            case .bool: return .bool
            case .date: return .date
            case .set, .int, .string: return .general
            }
        }
        let scales = schema.set.scales.map { list($0.options) }
        answers = schema.set.questions.map { $0.forEach == nil ? scales[$0.scale] : .general }

        var text: [UInt8] = []
        var entries: [(list: Int32, start: Int32, count: Int32, index: Int32)] = []
        let total = lists.reduce(0) { $0 + $1.count }
        var size = 16
        while size < total * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for (list, values) in lists.enumerated() {
            for (index, value) in values.enumerated() {
                let bytes = Array(value.utf8)
                var slot = bytes.withUnsafeBufferPointer { Self.hash(Int32(list), $0) } & (size - 1)
                var listed = false
                while slots[slot] != 0 {
                    let entry = entries[Int(slots[slot]) - 1]
                    if entry.list == list, text[Int(entry.start)..<Int(entry.start + entry.count)].elementsEqual(bytes) {
                        listed = true
                        break
                    }
                    slot = (slot + 1) & (size - 1)
                }
                // A value listed twice keeps its first index, as `firstIndex(of:)` finds. A value
                // spelt as a YAML null is left to the general reading, which tells a plain one (no
                // value) from a quoted one: so a value found here is never a null.
                if listed || Self.nullSpellings.contains(value) { continue }
                entries.append((Int32(list), Int32(text.count), Int32(bytes.count), Int32(index)))
                text += bytes
                slots[slot] = Int32(entries.count)
            }
        }
        self.text = text
        self.entries = entries
        self.slots = slots
    }

    /// What a plain scalar with no tag is read as null from (``YAMLEventReader/isNull``).
    private static let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]

    /// The index in list `list` of the value `bytes` spell byte for byte; nil when they spell none
    /// (or a null's spelling).
    func index(in list: Int32, of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(list, bytes) & mask
        while slots[slot] != 0 {
            let entry = entries[Int(slots[slot]) - 1]
            if entry.list == list, Int(entry.count) == bytes.count, ByteEquality.equal(text, from: Int(entry.start), bytes) {
                return Int(entry.index)
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private static func hash(_ list: Int32, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        Int(truncatingIfNeeded: KeyTable.hash(bytes, seed: UInt64(UInt32(bitPattern: list))))
    }

    /// True, false or nil for a bool fact's scalar, as ``CaseSchema/value(_:ofFact:)`` reads it:
    /// `true`, `yes`, `false` or `no` in any case (only ASCII letters lowercase to these words, so an
    /// ASCII comparison is exact).
    @inline(__always)
    static func bool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        // The four words have four lengths: one comparison.
        switch bytes.count {
        case 4: return equalIgnoringASCIICase(bytes, "true") ? true : nil
        case 3: return equalIgnoringASCIICase(bytes, "yes") ? true : nil
        case 5: return equalIgnoringASCIICase(bytes, "false") ? false : nil
        case 2: return equalIgnoringASCIICase(bytes, "no") ? false : nil
        default: return nil
        }
    }

    private static func equalIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount else { return false }
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        return bytes.indices.allSatisfy { index in
            bytes[index] == expected[index]
                || (bytes[index] >= UInt8(ascii: "A") && bytes[index] <= UInt8(ascii: "Z") && bytes[index] + 32 == expected[index])
        }
    }
}
