/// Splits a large YAML input into runs of whole documents that can be read on their own (and in
/// parallel) with ``YAMLRange``.
///
/// A run starts at a line beginning with `---` followed by a space, a tab, a line break or the end:
/// a document start in every context (YAML forbids the marker inside a scalar or collection that
/// goes on, and libyaml ends or rejects them there). A reader that stops early in a run (an error)
/// should read on from that run's start to the input's end in one piece, as a whole read would.
public enum YAMLChunks {
    /// Ranges of about `size` bytes each (a quarter of that in the last four sizes' worth) covering
    /// the whole input, in order; the documents before each are not known here and left 0. Each
    /// range's first line comes from the source's line table, built here if it was not (a large
    /// input read ahead has it built while the set loads).
    public static func split(_ source: SourceText, size: Int) -> [YAMLRange] {
        let lines = source.lineStarts
        let starts: [Int] = source.bytes.withUnsafeBufferPointer { bytes in
            var starts: [Int] = []
            var start = 0
            while start < bytes.count {
                starts.append(start)
                // The last four sizes' worth goes in quarter-size runs, so that the workers, taking
                // runs as they come free, finish close together.
                let step = bytes.count - start > 4 * size ? size : size / 4
                start = boundary(in: bytes, lines: lines, from: start + max(step, 1))
            }
            return starts
        }
        guard !starts.isEmpty else { return [.whole(source)] }
        return starts.indices.map { index in
            let end = index + 1 < starts.count ? starts[index + 1] : source.bytes.count
            return YAMLRange(start: starts[index], end: end, line: source.position(ofByte: starts[index]).line, documents: 0)
        }
    }

    /// The first document-start line at or after `offset`, or the end. The lines are the source's
    /// line table, built once (in the background for a large input read ahead): a large document
    /// with no marker in it (one 50 MB scalar) is passed over a line at a time, and lines 64 bytes
    /// at a time, not a byte at a time.
    private static func boundary(in bytes: UnsafeBufferPointer<UInt8>, lines: LineTable, from offset: Int) -> Int {
        guard offset < bytes.count else { return bytes.count }
        var next = lines.start(atOrAfter: offset)
        while let start = next {
            guard start + 3 <= bytes.count else { break }
            if bytes[start] == UInt8(ascii: "-"), bytes[start + 1] == UInt8(ascii: "-"), bytes[start + 2] == UInt8(ascii: "-") {
                let after = start + 3 < bytes.count ? bytes[start + 3] : UInt8(ascii: "\n")
                if after == UInt8(ascii: " ") || after == UInt8(ascii: "\t") || after == UInt8(ascii: "\n") || after == UInt8(ascii: "\r") {
                    return start
                }
            }
            next = lines.start(atOrAfter: start + 1)
        }
        return bytes.count
    }
}
