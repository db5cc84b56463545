import Testing
@testable import CaseAudit

/// Names found from their bytes (``KeyTable``), with the guess from the key before, and the byte
/// comparison the tables share (``ByteEquality``).
@Suite("Keys read from their bytes")
struct KeyTableTests {
    static func table(_ names: [String]) -> KeyTable {
        KeyTable(names) { name in names.firstIndex(of: name) }
    }

    static func find(_ table: inout KeyTable, _ key: String, after previous: Int?) -> (index: Int, exact: Bool)? {
        Array(key.utf8).withUnsafeBufferPointer { table.index(of: $0, after: previous) }
    }

    /// Reads `keys` as one mapping, passing each found index on as the next key's `previous`.
    static func mapping(_ table: inout KeyTable, _ keys: [String]) -> [Int?] {
        var previous: Int? = -1
        return keys.map { key in
            let found = find(&table, key, after: previous)
            previous = found.flatMap { $0.exact ? $0.index : nil }
            return found?.index
        }
    }

    @Test("every name is found whatever key came before, in mappings that leave keys out or reorder them")
    func guessesNeverDecide() {
        let names = ["case_type", "tier", "sentence_date", "approved_premises_resident", "gender", "ldu"]
        var table = Self.table(names)
        #expect(Self.mapping(&table, names) == [0, 1, 2, 3, 4, 5])
        // The same mapping again (each guess right), then with keys left out, then reordered.
        #expect(Self.mapping(&table, names) == [0, 1, 2, 3, 4, 5])
        #expect(Self.mapping(&table, ["case_type", "sentence_date", "gender"]) == [0, 2, 4])
        #expect(Self.mapping(&table, ["case_type", "tier", "gender", "ldu"]) == [0, 1, 4, 5])
        #expect(Self.mapping(&table, ["ldu", "gender", "tier", "case_type"]) == [5, 4, 1, 0])
        // A key that names nothing, and keys after it.
        #expect(Self.mapping(&table, ["case_type", "tierr", "sentence_date", "tie", "tier_"]) == [0, nil, 2, nil, nil])
        for (index, name) in names.enumerated() {
            for previous in [-1, 0, 3, 5, nil] as [Int?] {
                #expect(Self.find(&table, name, after: previous)?.index == index)
            }
        }
    }

    @Test("a name given twice is always its first index, even where the guess is the later one")
    func repeatedName() {
        var table = Self.table(["a", "b", "a", "c"])
        #expect(Self.mapping(&table, ["a", "b", "a", "c"]) == [0, 1, 0, 3])
        #expect(Self.find(&table, "a", after: 1)?.index == 0)
    }

    @Test("a key equal to a name only canonically is found through the String comparison, as not exact")
    func canonicalEquivalence() throws {
        var table = Self.table(["caf\u{E9}", "tier"])
        let found = try #require(Self.find(&table, "cafe\u{301}", after: -1))
        #expect(found.index == 0 && !found.exact)
        let own = try #require(Self.find(&table, "caf\u{E9}", after: -1))
        #expect(own.index == 0 && own.exact)
    }

    @Test("bytes compare equal when the first `count` are, at every count up to three words; bytes past it do not count")
    func byteEquality() {
        let left = (0..<24).map { UInt8(0x41 + $0) }
        for count in 0...24 {
            for changed in 0..<24 {
                var right = left
                right[changed] ^= 0x20
                left.withUnsafeBufferPointer { a in
                    right.withUnsafeBufferPointer { b in
                        guard let a = a.baseAddress, let b = b.baseAddress else { return }
                        #expect(ByteEquality.equal(a, b, count: count) == (changed >= count), "count \(count), byte \(changed)")
                    }
                }
            }
        }
    }

    @Test("bytes in a table's packed text: compared from the start given; no bytes equal no bytes, with or without an address")
    func packedTextEquality() {
        let text = Array("yesno".utf8)
        Array("no".utf8).withUnsafeBufferPointer { no in
            #expect(ByteEquality.equal(text, from: 3, no))
            #expect(!ByteEquality.equal(text, from: 2, no))
        }
        var byte: UInt8 = 0
        withUnsafePointer(to: &byte) { address in
            let addressed = UnsafeBufferPointer(start: address, count: 0)
            let unaddressed = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            #expect(ByteEquality.equal([], from: 0, addressed))
            #expect(ByteEquality.equal([], from: 0, unaddressed))
            #expect(ByteEquality.equal(text, from: 5, addressed))
        }
    }
}
