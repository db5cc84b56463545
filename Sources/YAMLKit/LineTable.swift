#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// Where each line of a text starts: offset 0, then the offset after every line feed (a text
/// ending in a line feed has an empty last line). Kept as one bit per byte, set at each line feed,
/// and the number of line feeds before each block of 512 bytes: about an eighth of the text's size
/// whatever its lines, where a list of the starts took four bytes a line (60 MB of line feeds took
/// 240 MB). Bytes past 4 GiB, which only a text made in memory can have, are not indexed.
struct LineTable: Sendable {
    /// Bit `b` of word `w` is set when byte `64 × w + b` is a line feed.
    private let bits: [UInt64]
    /// The line feeds before each block of ``wordsPerBlock`` words.
    private let before: [UInt32]
    /// The number of lines.
    let count: Int

    /// Texts this large are indexed in two halves at once (the split of a large file for the
    /// workers waits for the table).
    static let halvedBytes = 4 << 20
    private static let wordsPerBlock = 8

    init(of bytes: SourceBytes) {
        bits = bytes.withUnsafeBufferPointer { all -> [UInt64] in
            let buffer = UnsafeBufferPointer(rebasing: all.prefix(Int(UInt32.max)))
            var bits = [UInt64](repeating: 0, count: (buffer.count + 63) / 64)
            bits.withUnsafeMutableBufferPointer { words in
                guard buffer.count >= Self.halvedBytes else { return Self.mark(buffer, 0..<buffer.count, in: words) }
                // The halves meet at a whole word, so each writes its own words.
                let half = buffer.count / 128 * 64
                nonisolated(unsafe) let shared = (bytes: buffer, words: words)
                // concurrentPerform runs both halves here when no other thread is free.
                DispatchQueue.concurrentPerform(iterations: 2) { part in
                    Self.mark(shared.bytes, part == 0 ? 0..<half : half..<shared.bytes.count, in: shared.words)
                }
            }
            return bits
        }
        var before: [UInt32] = []
        before.reserveCapacity(bits.count / Self.wordsPerBlock + 1)
        var total: UInt32 = 0
        for (index, word) in bits.enumerated() {
            if index % Self.wordsPerBlock == 0 { before.append(total) }
            total += UInt32(word.nonzeroBitCount)
        }
        self.before = before
        count = Int(total) + 1
    }

    /// The offset line `index` (0-based, below ``count``) starts at: after the `index`-th line feed.
    subscript(index: Int) -> Int {
        guard index > 0 else { return 0 }
        let wanted = UInt32(index)
        // The last block with fewer line feeds before it than wanted holds the one wanted.
        var low = 0
        var high = before.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if before[middle] < wanted { low = middle } else { high = middle - 1 }
        }
        var left = Int(wanted - before[low])
        var word = low * Self.wordsPerBlock
        while bits[word].nonzeroBitCount < left {
            left -= bits[word].nonzeroBitCount
            word += 1
        }
        var rest = bits[word]
        for _ in 1..<left { rest &= rest - 1 }
        return word * 64 + rest.trailingZeroBitCount + 1
    }

    /// The 0-based index of the line `offset` is on: the number of line feeds before it.
    func line(containing offset: Int) -> Int {
        let offset = max(0, min(offset, bits.count * 64))
        let word = offset / 64
        let block = word / Self.wordsPerBlock
        guard block < before.count else { return count - 1 }
        var line = Int(before[block])
        for full in block * Self.wordsPerBlock..<word { line += bits[full].nonzeroBitCount }
        if word < bits.count { line += (bits[word] & ((1 << UInt64(offset % 64)) - 1)).nonzeroBitCount }
        return line
    }

    /// The first line start at or after `offset`, if a line starts there: found a word of 64 bytes
    /// at a time, so walking the lines of a long stretch of text costs its length over 64.
    func start(atOrAfter offset: Int) -> Int? {
        guard offset > 0 else { return 0 }
        // A line starts at `offset` when the byte before it is a line feed.
        var word = (offset - 1) / 64
        guard word < bits.count else { return nil }
        var rest = bits[word] & ~((1 << UInt64((offset - 1) % 64)) - 1)
        while rest == 0 {
            word += 1
            guard word < bits.count else { return nil }
            rest = bits[word]
        }
        return word * 64 + rest.trailingZeroBitCount + 1
    }

    /// Sets the bit of each line feed in `span` of `bytes`.
    private static func mark(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, in words: UnsafeMutableBufferPointer<UInt64>) {
        guard let base = bytes.baseAddress else { return }
        var index = span.lowerBound
        // memchr is vectorised: the line table of a large input costs little.
        while index < span.upperBound, let found = memchr(base + index, Int32(UInt8(ascii: "\n")), span.upperBound - index) {
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            words[at / 64] |= 1 << UInt64(at % 64)
            index = at + 1
        }
    }
}
