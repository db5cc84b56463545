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

    /// A marker followed by a tab, a carriage return or the end of the input starts a run too; one
    /// on the input's last three bytes is found, and a long line with none is passed over whole.
    @Test("markers before a tab, a carriage return or the end; long lines without one")
    func markerEndings() {
        // "k: 1\n" (0–4), "---\t\n" (5–9), "k: 2\r\n" (10–15), "---\r\n" (16–20), then a line of
        // 1,000 'x' (21–1020) and its line feed (1021), then "---" at 1022–1024, the end.
        let text = "k: 1\n---\t\nk: 2\r\n---\r\n" + String(repeating: "x", count: 1_000) + "\n---"
        let ranges = YAMLChunks.split(SourceText(path: "t.yaml", text: text), size: 4)
        #expect(ranges.map(\.start) == [0, 5, 16, 1022])
        #expect(ranges.map(\.line) == [1, 2, 4, 6])
        #expect(ranges.last?.end == 1025)
    }

    /// Runs are `size` bytes until four sizes' worth is left, then a quarter of that, so the
    /// workers end together: 30 documents of 10 bytes ("---\nk: 12\n"), size 50.
    @Test("the last runs are a quarter of the size")
    func smallerLastRuns() {
        let text = String(repeating: "---\nk: 12\n", count: 30)
        let ranges = YAMLChunks.split(SourceText(path: "t.yaml", text: text), size: 50)
        // 300 bytes: runs of 50 while more than 200 remain (from 0 and 50), then of 50 / 4 = 12,
        // which the next document start makes 20, from 100 to the end.
        #expect(ranges.map(\.start) == [0, 50, 100, 120, 140, 160, 180, 200, 220, 240, 260, 280])
        #expect(ranges.map(\.line) == ranges.map { $0.start / 10 * 2 + 1 })
        #expect(ranges.last?.end == 300)
    }
}
