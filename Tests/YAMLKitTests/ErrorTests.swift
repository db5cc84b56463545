import Testing
@testable import YAMLKit

@Suite("YAML errors")
struct ErrorTests {
    @Test("syntax error with libyaml's context")
    func syntax() throws {
        let errors = loadErrors("a: 1\nb: [x, y\nc: 2\n")
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.kind == .syntax)
        #expect(lc(error.position) == "3:2")
        #expect(error.message == "did not find expected ',' or ']'")
        #expect(error.context == "while parsing a flow sequence")
        #expect(error.contextPosition.map(lc) == "2:4")
    }

    @Test("a tab used for indentation is explained")
    func tab() throws {
        let error = try #require(loadErrors("a:\n\tb: 1\n").first)
        #expect(error.kind == .syntax)
        #expect(lc(error.position) == "2:1")
        #expect(error.message.hasSuffix("a tab cannot be used for indentation in YAML; use spaces"))
    }

    @Test("a key over 1,024 characters is named as the cause, in a block mapping, a list item and a flow mapping")
    func longKey() throws {
        let key = String(repeating: "k", count: 1_100)
        let block = try #require(loadErrors("a:\n  \(key): 1\n").first)
        // Two spaces and 1,100 characters: the colon is at column 1,103.
        #expect(lc(block.position) == "2:1103")
        #expect(block.message == "mapping values are not allowed in this context: the key before this colon is 1100 characters long,"
            + " and a YAML key written without '?' may have at most 1024")
        let item = try #require(loadErrors("- \(key)é: 1\n").first)
        #expect(item.message.hasSuffix("the key before this colon is 1101 characters long, and a YAML key written without '?' may have at most 1024"))
        let flow = try #require(loadErrors("a: {b: 1, \(key): 1}\n").first)
        #expect(lc(flow.position) == "1:1111")
        #expect(flow.message == "did not find expected ',' or '}': the key before this colon is 1100 characters long,"
            + " and a YAML key written without '?' may have at most 1024")
        // A colon inside a long value is not blamed on a long key.
        let value = try #require(loadErrors("note: \(key) see: here\n").first)
        #expect(value.message == "mapping values are not allowed in this context")
        // 1,024 characters are a key.
        #expect(loadErrors("a:\n  \(String(repeating: "k", count: 1_024)): 1\n").isEmpty)
    }

    @Test("duplicate key reported at the second occurrence with a note at the first")
    func duplicateKey() throws {
        let stream = YAMLLoader.load(string: "case: A\nfacts:\n  rosh: high\n  rosh: low\n", path: "t.yaml")
        let error = try #require(stream.errors.first)
        #expect(stream.errors.count == 1)
        #expect(error.kind == .duplicateKey)
        #expect(lc(error.position) == "4:3")
        #expect(error.message == "duplicate key 'rosh'; the first value is kept")
        #expect(error.notes.map { lc($0.position) } == ["3:3"])
        // The stream goes on and the first value wins.
        #expect(stream.documents.first?.root["facts"]?["rosh"]?.scalar == "high")
    }

    @Test("duplicate key in a large mapping uses the index")
    func duplicateKeyLarge() throws {
        var text = ""
        for index in 0..<40 { text += "k\(index): v\n" }
        text += "k7: again\n"
        let error = try #require(loadErrors(text).first)
        #expect(error.kind == .duplicateKey)
        #expect(lc(error.position) == "41:1")
        #expect(error.notes.map { lc($0.position) } == ["8:1"])
    }

    @Test("non-scalar key")
    func nonScalarKey() throws {
        let error = try #require(loadErrors("a: 1\n? [x, y]\n: 2\n").first)
        #expect(error.kind == .nonScalarKey)
        #expect(lc(error.position) == "2:3")
        #expect(error.message == "a mapping key must be a scalar, not a sequence")
    }

    @Test("undefined alias")
    func undefinedAlias() throws {
        let error = try #require(loadErrors("a: &x 1\nb: *y\n").first)
        #expect(error.kind == .undefinedAlias)
        #expect(lc(error.position) == "2:4")
        #expect(error.message == "alias '*y' refers to no anchor defined before it")
    }

    @Test("an alias name of a thousand characters is quoted cut to 60 in its message")
    func longAliasName() throws {
        let error = try #require(loadErrors("a: *" + String(repeating: "n", count: 1_000) + "\n").first)
        #expect(error.kind == .undefinedAlias)
        #expect(error.message == "alias '*" + String(repeating: "n", count: 59) + "…' refers to no anchor defined before it")
    }

    @Test("anchors do not leak across documents")
    func anchorsPerDocument() throws {
        let error = try #require(loadErrors("a: &x 1\n---\nb: *x\n").first)
        #expect(error.kind == .undefinedAlias)
        #expect(lc(error.position) == "3:4")
    }

    @Test("invalid UTF-8 in the middle of line 3")
    func invalidUTF8() throws {
        var bytes = Array("case: A\nfacts:\n  note: abc".utf8)
        bytes += [0xC3, 0x28]  // a lead byte followed by a non-continuation byte
        bytes += Array(" def\n".utf8)
        let stream = YAMLLoader.load(bytes: bytes, path: "bad.yaml")
        let error = try #require(stream.errors.first)
        #expect(error.kind == .encoding)
        // At the lead byte 0xC3 (3:12, offset 26), not at the '(' libyaml names (3:13).
        #expect(lc(error.position) == "3:12")
        #expect(error.position.offset == 26)
        #expect(error.message == "the input is not valid UTF-8 text: byte 0xC3 does not start a character here (the byte after it, 0x28, does not continue it)")
    }

    @Test("invalid UTF-8: a Latin-1 'é' before a quote, at its own line and column")
    func latin1BeforeQuote() throws {
        // "  note: \"Ren\u{E9}\"" in Latin-1: 0xE9 is at 2:13 (offset 20), the quote after it at 2:14.
        let bytes = Array("case: A\n  note: \"Ren".utf8) + [0xE9] + Array("\"\n".utf8)
        let error = try #require(YAMLLoader.load(bytes: bytes, path: "l.yaml").errors.first)
        #expect(error.kind == .encoding)
        #expect(lc(error.position) == "2:13")
        #expect(error.position.offset == 20)
        #expect(error.message == "the input is not valid UTF-8 text: byte 0xE9 does not start a character here (the byte after it, 0x22, does not continue it)")
    }

    @Test("invalid UTF-8 after a valid continuation byte points at the character's first byte")
    func threeByteLead() throws {
        // 0xE2 0x82 starts a three-byte character (as in '€'); 'x' does not finish it.
        let bytes = Array("a: b".utf8) + [0xE2, 0x82] + Array("x\n".utf8)
        let error = try #require(YAMLLoader.load(bytes: bytes, path: "e.yaml").errors.first)
        #expect(lc(error.position) == "1:5")
        #expect(error.message == "the input is not valid UTF-8 text: byte 0xE2 does not start a character here (the byte after it, 0x78, does not continue it)")
    }

    @Test("control characters are encoding errors with a position")
    func controlCharacter() throws {
        let error = try #require(YAMLLoader.load(bytes: Array("a: 1\nb: x\u{0}y\n".utf8), path: "c.yaml").errors.first)
        #expect(error.kind == .encoding)
        #expect(lc(error.position) == "2:5")
    }

    @Test("UTF-16 input is refused with a clear message")
    func utf16() throws {
        // UTF-16LE with its mark; UTF-32BE without and with its mark.
        for bytes: [UInt8] in [[0xFF, 0xFE, 0x61, 0x00], [0, 0, 0, 0x61, 0, 0, 0, 0x3A], [0, 0, 0xFE, 0xFF, 0, 0, 0, 0x61]] {
            let error = try #require(YAMLLoader.load(bytes: bytes, path: "u.yaml").errors.first)
            #expect(error.kind == .encoding)
            #expect(error.message == "the input looks like UTF-16 or UTF-32; save it as UTF-8")
        }
    }

    @Test("unreadable files are errors, not crashes")
    func unreadable() throws {
        let stream = YAMLLoader.load(path: "/nonexistent/caseaudit.yaml")
        let error = try #require(stream.errors.first)
        #expect(error.kind == .unreadable)
        #expect(error.message == "cannot read '/nonexistent/caseaudit.yaml': no such file or directory")
        let directory = try #require(YAMLLoader.load(path: "/").errors.first)
        #expect(directory.message == "cannot read '/': is a directory")
    }

    @Test("documents before a fatal error are kept")
    func partialStream() throws {
        let stream = YAMLLoader.load(string: "case: A\n---\ncase: B\n---\ncase: [\n", path: "t.yaml")
        #expect(stream.documents.compactMap { $0.root["case"]?.scalar } == ["A", "B"])
        #expect(stream.errors.map(\.kind) == [.syntax])
    }
}
