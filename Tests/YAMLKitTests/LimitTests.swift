import Testing
@testable import YAMLKit

@Suite("Limits against hostile input")
struct LimitTests {
    @Test("billion laughs: ten levels of ten aliases stops at the expansion budget")
    func billionLaughs() throws {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let error = try #require(loadErrors(text).first)
        #expect(error.kind == .aliasExpansion)
        #expect(error.message.hasPrefix("aliases expand to more than 100000 nodes"))
        // The aliases of a1, a2 and a3 expand 110 + 1,110 + 11,110 nodes; a4's (line 5) pass 100,000.
        #expect(error.position.line == 5)
    }

    @Test("100,000 nested flow sequences stop at the depth limit")
    func deepFlow() throws {
        let text = String(repeating: "[", count: 100_000)
        let error = try #require(loadErrors(text).first)
        #expect(error.kind == .tooDeep)
        #expect(lc(error.position) == "1:65")
        #expect(error.message == "nesting is deeper than the limit of 64 levels")
    }

    @Test("deep block nesting at a custom limit")
    func deepBlock() throws {
        var text = ""
        for level in 0..<10 { text += String(repeating: "  ", count: level) + "k\(level):\n" }
        text += String(repeating: "  ", count: 10) + "v\n"
        let errors = loadErrors(text, limits: YAMLLimits(maxDepth: 5))
        let error = try #require(errors.first)
        #expect(error.kind == .tooDeep)
        #expect(lc(error.position) == "6:11")  // the sixth mapping, under k5
    }

    @Test("anchors, aliases and tags over 1,024 bytes stop the document where the node starts, in both readers", arguments: [
        ("a: 1\nb: &NAME x\n", "an anchor"), ("b: &NAME [x]\n", "an anchor"), ("a: &x 1\nb: *NAME\n", "an alias"),
        ("a: 1\nb: !NAME x\n", "a tag"), ("b: !NAME {c: x}\n", "a tag"), ("b: &x !NAME x\n", "a tag"),
    ])
    func longNames(_ template: String, _ what: String) throws {
        let long = template.replacing("NAME", with: String(repeating: "n", count: 1_025))
        let error = try #require(loadErrors(long).first)
        #expect(error.kind == .nameTooLong)
        #expect(error.message == "\(what) longer than the limit of 1024 bytes")
        // The node with the name starts after `b: ` on the last line.
        let line = template.split(separator: "\n").count
        #expect(lc(error.position) == "\(line):4")
        // The event reader stops at a tag itself, and hands a node with an anchor or an alias to the tree.
        let outcome = YAMLEventReader.read(SourceText(path: "n.yaml", text: long), limits: .default) { reader in
            while reader.next() {}
        }
        #expect(outcome.errors.map(\.kind) == (what == "a tag" ? [.nameTooLong] : []))
        // A thousand bytes are a name (a tag `!n…` is read as `!` and the name: 1,025 bytes for 1,024).
        #expect(!loadErrors(template.replacing("NAME", with: String(repeating: "n", count: 1_000))).contains { $0.kind == .nameTooLong })
    }

    @Test("a 20 MB scalar against a 1 MB limit")
    func longScalar() throws {
        let text = "note: " + String(repeating: "x", count: 20 << 20) + "\n"
        let stream = YAMLLoader.load(string: text, path: "big.yaml", limits: YAMLLimits(maxInputBytes: 64 << 20))
        let error = try #require(stream.errors.first)
        #expect(error.kind == .scalarTooLong)
        #expect(lc(error.position) == "1:7")
        #expect(error.message == "a scalar of 20971520 bytes is longer than the limit of 1048576 bytes")
    }

    @Test("input size is checked before parsing")
    func inputSize() throws {
        let limits = YAMLLimits(maxInputBytes: 100)
        let error = try #require(loadErrors(String(repeating: "a: 1\n", count: 50), limits: limits).first)
        #expect(error.kind == .inputTooLarge)
        #expect(error.message == "input is 250 bytes, above the limit of 100 bytes")
    }

    @Test("documents per input")
    func documentCount() throws {
        let text = String(repeating: "--- a\n", count: 6)
        let stream = YAMLLoader.load(string: text, path: "d.yaml", limits: YAMLLimits(maxDocuments: 5))
        let error = try #require(stream.errors.first)
        #expect(error.kind == .tooManyDocuments)
        #expect(lc(error.position) == "6:1")
        #expect(stream.documents.count == 5)
    }

    @Test("nodes per document, in the tree loader and the event reader alike, counted afresh in each document")
    func documentNodes() throws {
        // The first document has 1 + 2 × 3 = 7 nodes (the mapping, three keys, three values), at
        // the limit; the second's eighth node is the scalar 'd', at line 7, column 2.
        let text = "a: 1\nb: 2\nc: 3\n---\na: 1\nc: [x, y,\n d]\n"
        let limits = YAMLLimits(maxDocumentNodes: 7)
        let stream = YAMLLoader.load(string: text, path: "n.yaml", limits: limits)
        let error = try #require(stream.errors.first)
        #expect(error.kind == .tooManyNodes)
        #expect(error.message == "more than 7 nodes (scalars, sequences, mappings) in one document")
        #expect(lc(error.position) == "7:2")
        #expect(stream.documents.count == 1)
        var scalars: [String] = []
        let outcome = YAMLEventReader.read(SourceText(path: "n.yaml", text: text), limits: limits) { reader in
            while reader.next() { if reader.kind == .scalar { scalars.append(reader.text) } }
        }
        #expect(outcome.errors.map(\.kind) == [.tooManyNodes])
        #expect(outcome.errors.map { lc($0.position) } == ["7:2"])
        #expect(scalars == ["a", "1", "b", "2", "c", "3", "a", "1", "c", "x", "y"])
    }
}
