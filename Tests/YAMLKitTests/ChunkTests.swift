import Testing
@testable import YAMLKit

@Suite("Splitting a large input into runs of documents")
struct ChunkTests {
    /// Each run starts at a `---` line at or after the size asked for, and knows its first line,
    /// counted by hand here: a chunk read on its own reports the same positions as a whole read.
    @Test("runs start at document markers, with their first line")
    func runs() {
        // Document 1 on lines 1–3 (bytes 0–19), document 2 on lines 4–6, document 3 on lines 7–9;
        // "---x" and "a: ---" are not document starts.
        let text = "a: 1\nb: ---\nc: 3333\n---\nd: 4\n---x: 5\n--- \ne: 6\nf: 7\n"
        let source = SourceText(path: "t.yaml", text: text)
        let ranges = YAMLChunks.split(source, size: 4)
        #expect(ranges.map(\.start) == [0, 20, 37])
        #expect(ranges.map(\.end) == [20, 37, text.utf8.count])
        #expect(ranges.map(\.line) == [1, 4, 7])
        // One run when the size covers the input; the whole input when it is empty.
        #expect(YAMLChunks.split(source, size: 1 << 20).map(\.line) == [1])
        #expect(YAMLChunks.split(SourceText(path: "e.yaml", text: ""), size: 4) == [.whole(SourceText(path: "e.yaml", text: ""))])
    }
}
