/// Splits a large YAML input into runs of whole documents that can be read on their own (and in
/// parallel) with ``YAMLRange``.
///
/// A run starts at a line beginning with `---` followed by a space, a tab, a line break or the end:
/// a document start in every context (YAML forbids the marker inside a scalar or collection that
/// goes on, and libyaml ends or rejects them there). A reader that stops early in a run (an error)
/// should read on from that run's start to the input's end in one piece, as a whole read would.
public enum YAMLChunks {
    /// Runs of about `size` bytes each (a quarter of that in the last four sizes' worth) covering
    /// the whole input, in order; one empty run for an empty input. Make each one a range to read
    /// with ``range(_:of:)`` when it is handed out.
    public static func split(_ source: SourceText, size: Int) -> [Range<Int>] {
        source.bytes.withUnsafeBufferPointer { bytes in
            var runs: [Range<Int>] = []
            var start = 0
            while start < bytes.count {
                // The last four sizes' worth goes in quarter-size runs, so that the workers, taking
                // runs as they come free, finish close together.
                let step = bytes.count - start > 4 * size ? size : size / 4
                let end = boundary(in: bytes, from: start + max(step, 1))
                runs.append(start..<end)
                start = end
            }
            return runs.isEmpty ? [0..<0] : runs
        }
    }

    /// A run of ``split(_:size:)`` as a range to read; the documents before it are not known here
    /// and left 0. A later run's first line comes from the source's line table, built at the first
    /// one asked for: the first run, on line 1, is read meanwhile.
    public static func range(_ run: Range<Int>, of source: SourceText) -> YAMLRange {
        let line = run.lowerBound == 0 ? 1 : source.position(ofByte: run.lowerBound).line
        return YAMLRange(start: run.lowerBound, end: run.upperBound, line: line, documents: 0)
    }

    /// The first document-start line at or after `offset`, or the end.
    private static func boundary(in bytes: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int {
        var index = offset
        while index < bytes.count {
            if bytes[index - 1] == UInt8(ascii: "\n"), index + 3 <= bytes.count,
               bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: "-") {
                let after = index + 3 < bytes.count ? bytes[index + 3] : UInt8(ascii: "\n")
                if after == UInt8(ascii: " ") || after == UInt8(ascii: "\t") || after == UInt8(ascii: "\n") || after == UInt8(ascii: "\r") {
                    return index
                }
            }
            index += 1
        }
        return bytes.count
    }
}
