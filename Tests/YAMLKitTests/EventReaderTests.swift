import Testing
@testable import YAMLKit

@Suite("Reading events")
struct EventReaderTests {
    /// Every kind of event an event holds strings for (tags, directives, an anchor), each freed as
    /// the reader moves on (``YAMLEventReader/next()``): the tags are read from them first.
    @Test("reads tags under directives, and stops at an anchor")
    func tagsDirectivesAnchor() {
        let text = """
            %YAML 1.1
            %TAG !e! tag:example.com,2024:
            --- !!map
            id: !!str 12
            list: !!seq [!e!item a, b]
            local: !e!thing x
            ...
            ---
            plain: text
            ---
            first: &a 1
            again: *a

            """
        var seen: [(YAMLEventKind, NodeTag, String)] = []
        let outcome = YAMLEventReader.read(SourceText(path: "t.yaml", text: text)) { reader in
            while reader.next() {
                seen.append((reader.kind, reader.tag, reader.kind == .scalar ? reader.text : ""))
            }
            // Past the end no event is held: the last scalar's text and tag are gone with it.
            let again = reader.next()
            let (bytes, tag) = (reader.bytes.count, reader.tag)
            #expect(!again && bytes == 0 && tag == .none)
        }
        #expect(outcome.errors.isEmpty)
        #expect(outcome.needsTree)
        #expect(outcome.documents == 3)
        let tagged = seen.filter { $0.1 != .none }.map { "\($0.0) \($0.1) \($0.2)" }
        #expect(tagged == ["mappingStart mapping ", "scalar string 12", "sequenceStart sequence ", "scalar other a", "scalar other x"])
        // The events end at the anchored scalar of the third document: its key is the last read.
        let last = seen.suffix(6).map { "\($0.0)" + ($0.2.isEmpty ? "" : " \($0.2)") }
        #expect(last == ["scalar text", "mappingEnd", "documentEnd", "documentStart", "mappingStart", "scalar first"])
    }
}
