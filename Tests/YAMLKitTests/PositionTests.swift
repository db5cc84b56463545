import Testing
@testable import YAMLKit

@Suite("Source positions")
struct PositionTests {
    @Test("block mapping keys, values and sequence items")
    func blockStyle() throws {
        let text = """
        case: YNY-017
        facts:
          rosh: high
          factors:
            - alcohol
            - thinking_behaviour
        """
        let root = try #require(loadClean(text).first?.root)
        let pairs = try #require(root.mapping)
        #expect(lc(pairs[0].key.position) == "1:1")
        #expect(lc(pairs[0].value.position) == "1:7")
        #expect(pairs[0].value.position.offset == 6)
        let facts = try #require(root["facts"]?.mapping)
        #expect(lc(facts[0].key.position) == "3:3")
        #expect(lc(facts[0].value.position) == "3:9")
        let factors = try #require(root.at(["facts", "factors"])?.sequence)
        #expect(factors.map { lc($0.position) } == ["5:7", "6:7"])
        #expect(factors[1].scalar == "thinking_behaviour")
        // Byte offset of line 6 column 7: five earlier lines plus 6 bytes.
        let lineSix = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .prefix(5).reduce(0) { $0 + $1.count + 1 }
        #expect(factors[1].position.offset == lineSix + 6)
    }

    @Test("flow mappings and sequences")
    func flowStyle() throws {
        let text = "facts: {rosh: high, factors: [alcohol, ete]}\n"
        let root = try #require(loadClean(text).first?.root)
        let facts = try #require(root["facts"]?.mapping)
        #expect(lc(facts[0].key.position) == "1:9")
        #expect(lc(facts[0].value.position) == "1:15")
        #expect(lc(facts[1].key.position) == "1:21")
        let items = try #require(root.at(["facts", "factors"])?.sequence)
        #expect(items.map { lc($0.position) } == ["1:31", "1:40"])
        #expect(items.map(\.position.offset) == [30, 39])
    }

    @Test("columns count characters, offsets count bytes")
    func multiByte() throws {
        let text = "naïve: café\nbé: [x, ü, 日本]\n"
        let root = try #require(loadClean(text).first?.root)
        let pairs = try #require(root.mapping)
        #expect(lc(pairs[0].value.position) == "1:8")
        #expect(pairs[0].value.position.offset == 8)  // "naïve: " is 8 bytes
        #expect(lc(pairs[1].key.position) == "2:1")
        #expect(pairs[1].key.position.offset == 14)
        let items = try #require(pairs[1].value.sequence)
        #expect(items.map { lc($0.position) } == ["2:6", "2:9", "2:12"])
        #expect(items.map(\.position.offset) == [20, 23, 27])
        #expect(items[2].scalar == "日本")
    }

    @Test("a byte-order mark does not shift line 1")
    func byteOrderMark() throws {
        let stream = YAMLLoader.load(bytes: [0xEF, 0xBB, 0xBF] + Array("a: b\nc: d\n".utf8), path: "bom.yaml")
        #expect(stream.errors.isEmpty)
        let pairs = try #require(stream.documents.first?.root.mapping)
        #expect(lc(pairs[0].key.position) == "1:1")
        #expect(pairs[0].key.position.offset == 3)
        #expect(lc(pairs[0].value.position) == "1:4")
        #expect(pairs[0].value.position.offset == 6)
        #expect(lc(pairs[1].key.position) == "2:1")
        #expect(pairs[1].key.position.offset == 8)
    }

    @Test("multi-document streams keep per-document positions")
    func multiDocument() throws {
        let text = """
        case: A
        ---
        case: B
        ...
        ---
        # third
        case: C
        """
        let documents = loadClean(text)
        #expect(documents.count == 3)
        #expect(documents.map(\.index) == [0, 1, 2])
        #expect(documents.compactMap { $0.root["case"]?.scalar } == ["A", "B", "C"])
        #expect(documents.compactMap { $0.root["case"].map { lc($0.position) } } == ["1:7", "3:7", "7:7"])
    }

    @Test("scalar styles are kept")
    func styles() throws {
        let text = """
        a: plain
        b: 'single'
        c: "double"
        d: |
          literal
        e: >
          folded
          text
        """
        let root = try #require(loadClean(text).first?.root)
        let styles = try #require(root.mapping).map { $0.value.style }
        #expect(styles == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded])
        #expect(root["d"]?.scalar == "literal\n")
        #expect(root["e"]?.scalar == "folded text")  // last line of the input: no final newline
        #expect(lc(try #require(root["d"]).position) == "4:4")
    }

    @Test("no YAML 1.1 typing: scalars stay text")
    func noGuessing() throws {
        let root = try #require(loadClean("a: no\nb: 012\nc: 1:20\nd: 2013-03-04\ne: ~\nf: !!str yes\n").first?.root)
        #expect(root["a"]?.scalar == "no")
        #expect(root["b"]?.scalar == "012")
        #expect(root["c"]?.scalar == "1:20")
        #expect(root["d"]?.scalar == "2013-03-04")
        #expect(root["e"]?.isNull == true)
        #expect(root["f"]?.tag == .string)
        #expect(root["a"]?.tag == NodeTag.none)
    }

    @Test("mapping keys keep their order")
    func keyOrder() throws {
        let root = try #require(loadClean("z: 1\na: 2\nm: 3\n").first?.root)
        #expect(root.mapping?.compactMap(\.key.scalar) == ["z", "a", "m"])
    }

    @Test("anchors and aliases are resolved with the alias's position")
    func aliases() throws {
        let root = try #require(loadClean("base: &b {rosh: high}\ncopy: *b\n").first?.root)
        #expect(root.at(["copy", "rosh"])?.scalar == "high")
        #expect(lc(try #require(root["copy"]).position) == "2:7")
    }

    @Test("byte offsets map back to line and column")
    func offsetToPosition() {
        let source = SourceText(path: "x", text: "ab\ncdé\nf")
        #expect(lc(source.position(ofByte: 0)) == "1:1")
        #expect(lc(source.position(ofByte: 3)) == "2:1")
        #expect(lc(source.position(ofByte: 7)) == "2:4")  // just after é (2 bytes)
        #expect(lc(source.position(ofByte: 8)) == "3:1")
        #expect(source.line(2) == "cdé")
        #expect(source.line(4) == nil)
    }

    /// The line table has a start for line 1 and one after every line feed, so a text ending in
    /// a line feed has an empty last line, and one without a line feed is one line.
    @Test("lines are counted from the line feeds", arguments: [("", 1), ("a", 1), ("a\n", 2), ("a\nb", 2), ("\n\n", 3), ("a\r\nb\r\n", 3)])
    func lineCount(text: String, lines: Int) {
        let source = SourceText(path: "t", text: text)
        #expect(source.lineCount == lines)
        #expect((source.line(lines) == "") == (text.isEmpty || text.utf8.last == UInt8(ascii: "\n")))
    }

    /// Only line feeds break lines: not the bytes one bit away from one (0x0B, 0x8A, 0x0E), nor
    /// NUL or 0xFF, wherever they fall next to each other.
    @Test("only line feeds break lines, among bytes close to them")
    func lineFeedsInWords() {
        let alphabet: [UInt8] = [0x0A, 0x0A, 0x0B, 0x8A, 0x0E, 0x00, 0xFF, UInt8(ascii: "x")]
        var state: UInt32 = 12345
        let bytes = (0..<1003).map { _ -> UInt8 in
            state = state &* 1_103_515_245 &+ 12345
            return alphabet[Int(state >> 16) % alphabet.count]
        }
        let source = SourceText(path: "mixed", bytes: bytes)
        var line = 1
        for (offset, byte) in bytes.enumerated() {
            #expect(source.position(ofByte: offset).line == line)
            if byte == 0x0A { line += 1 }
        }
        #expect(source.lineCount == line)
    }

    /// Line starts found from the bits agree with a plain list of them: runs of line feeds, lines
    /// longer than a block (512 bytes) and a word (64), line feeds at the ends of words, and a text
    /// with no line feed at its end.
    @Test("the line table's lookups agree with a list of line starts")
    func lineTableLookups() {
        var bytes: [UInt8] = []
        for length in [0, 0, 1, 62, 63, 64, 0, 700, 5, 1_500, 0, 0, 63, 64, 65, 127, 3] {
            bytes += [UInt8](repeating: UInt8(ascii: "x"), count: length) + [UInt8(ascii: "\n")]
        }
        bytes += Array("tail".utf8)
        let starts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
        let table = LineTable(of: SourceBytes(bytes))
        #expect(table.count == starts.count)
        #expect(starts.indices.allSatisfy { table[$0] == starts[$0] })
        for offset in 0...bytes.count {
            #expect(table.line(containing: offset) == starts.lastIndex { $0 <= offset }, "\(offset)")
            #expect(table.start(atOrAfter: offset) == starts.first { $0 >= offset }, "\(offset)")
        }
        let empty = LineTable(of: SourceBytes([]))
        #expect((empty.count, empty[0], empty.line(containing: 0), empty.start(atOrAfter: 1)) == (1, 0, 0, nil))
    }

    /// A large input's line table is built in two halves at once: lines are numbered the same on
    /// either side of the middle, whichever half a line feed falls in.
    @Test("a large input's line table, built in halves, numbers lines across the middle")
    func largeLineTable() {
        // Lines of 99 'x' and a line feed, so byte b is on line b / 100 + 1, column b % 100 + 1.
        // The halves meet at the middle byte: a line feed in the first input, a line's first
        // byte in the second.
        for size in [LineTable.halvedBytes + 94, LineTable.halvedBytes + 96] {
            var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: size)
            for index in stride(from: 99, to: size, by: 100) { bytes[index] = UInt8(ascii: "\n") }
            let source = SourceText(path: "big", bytes: bytes)
            #expect(source.lineCount == size / 100 + 1)
            for offset in [0, size / 2 - 1, size / 2, size / 2 + 1, size - 1] {
                #expect(lc(source.position(ofByte: offset)) == "\(offset / 100 + 1):\(offset % 100 + 1)")
            }
            #expect(source.line(size / 200)?.utf8.count == 99)
        }
    }
}
