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
/// ending in a line feed has an empty last line). Four bytes a line, as stored byte offsets are
/// 32-bit; bytes past 4 GiB, which only a text made in memory can have, are not indexed.
struct LineTable: Sendable {
    /// The starts, in the runs they were found in at once (one, or the two halves of a large
    /// text), kept apart: joining them would copy the table and touch twice its memory.
    private let runs: [[UInt32]]
    /// The number of lines.
    let count: Int

    /// Texts this large are indexed in two halves at once (the split of a large file for the
    /// workers waits for the table).
    static let halvedBytes = 4 << 20

    init(of bytes: SourceBytes) {
        runs = bytes.withUnsafeBufferPointer { all -> [[UInt32]] in
            let buffer = UnsafeBufferPointer(rebasing: all.prefix(Int(UInt32.max)))
            guard buffer.count >= Self.halvedBytes else { return [Self.starts(in: buffer, 0..<buffer.count, first: true)] }
            let half = buffer.count / 2
            nonisolated(unsafe) let shared = buffer
            let halves = Mutex<[[UInt32]]>([[], []])
            // concurrentPerform runs both halves here when no other thread is free.
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                let found = Self.starts(in: shared, part == 0 ? 0..<half : half..<shared.count, first: part == 0)
                halves.withLock { $0[part] = found }
            }
            return halves.withLock { $0 }
        }
        count = runs.reduce(0) { $0 + $1.count }
    }

    /// The offset line `index` (0-based) starts at.
    subscript(index: Int) -> Int {
        index < runs[0].count ? Int(runs[0][index]) : Int(runs[1][index - runs[0].count])
    }

    /// The 0-based index of the line `offset` is on: the last that starts at or before it.
    func line(containing offset: Int) -> Int {
        var low = 0
        var high = count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if self[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The offset after each line feed in `span` of `bytes` (after 0 for the first run). Room is
    /// reserved for a line every 16 bytes, so the run seldom grows; memory reserved but never
    /// written costs nothing.
    private static func starts(in bytes: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, first: Bool) -> [UInt32] {
        var starts: [UInt32] = first ? [0] : []
        starts.reserveCapacity(span.count / 16 + 1)
        guard let base = bytes.baseAddress else { return starts }
        var index = span.lowerBound
        // memchr is vectorised: the line table of a large input costs little.
        while index < span.upperBound, let found = memchr(base + index, Int32(UInt8(ascii: "\n")), span.upperBound - index) {
            index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
            starts.append(UInt32(truncatingIfNeeded: index))
        }
        return starts
    }
}
