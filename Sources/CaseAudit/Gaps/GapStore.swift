#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Gap cases kept by group until they are written, so grouped gaps and the report read the input
/// once. Cases are held in their compact binary form (``GapCase/encode(into:)``); past a memory
/// budget every group's bytes go to one temporary file, created private (0600) and unlinked at
/// once, so it never outlives the process and no other process can open it. Memory stays at the
/// budget plus a few bytes per stored run, whatever the number of cases. The budget counts the
/// bytes the groups' buffers have reserved, not only those used, since that is what memory holds.
final class GapStore<Key: Hashable & Comparable> {
    private let budget: Int
    private var groups: [Key: Group] = [:]
    private var held = 0
    private var file: Int32 = -1
    private var fileSize = 0
    /// Set when the temporary file could not be written: the store then keeps everything in memory.
    private var fileFailed = false

    private struct Group {
        var bytes: [UInt8] = []
        /// Runs already written to the file: offset and length.
        var spilled: [(offset: Int, length: Int)] = []
    }

    init(budget: Int = 1 << 20) { self.budget = budget }

    deinit { if file >= 0 { close(file) } }

    /// Makes sure a group exists (a group is listed even when none of its cases has gaps).
    func open(_ key: Key) {
        if groups[key] == nil { groups[key] = Group() }
    }

    /// Adds a case to a group, in its compact form (``GapCase/encode(into:)``, made by the worker
    /// that read it).
    func add(encoded: [UInt8], to key: Key) {
        var group = groups.removeValue(forKey: key) ?? Group()
        let before = group.bytes.capacity
        group.bytes += encoded
        held += group.bytes.capacity - before
        groups[key] = group
        if held > budget { spill() }
    }

    /// The groups, in order.
    var keys: [Key] { groups.keys.sorted() }

    /// Calls `body` with each case of a group, in the order added.
    func forEach(in key: Key, _ body: (GapCase) -> Void) {
        guard let group = groups[key] else { return }
        for run in group.spilled {
            var bytes = [UInt8](repeating: 0, count: run.length)
            let read = bytes.withUnsafeMutableBytes { pread(file, $0.baseAddress, run.length, off_t(run.offset)) }
            guard read == run.length else { continue }
            decode(bytes, body)
        }
        decode(group.bytes, body)
    }

    private func decode(_ bytes: [UInt8], _ body: (GapCase) -> Void) {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count, let entry = GapCase.decode(buffer, at: &index) { body(entry) }
        }
    }

    /// Moves every group's bytes to the temporary file.
    private func spill() {
        guard !fileFailed, openFile() else { return }
        for key in groups.keys {
            guard var group = groups[key], !group.bytes.isEmpty else { continue }
            let written = group.bytes.withUnsafeBytes { pwrite(file, $0.baseAddress, $0.count, off_t(fileSize)) }
            guard written == group.bytes.count else {
                fileFailed = true
                return
            }
            group.spilled.append((fileSize, written))
            fileSize += written
            held -= group.bytes.capacity
            group.bytes = []
            groups[key] = group
        }
    }

    private func openFile() -> Bool {
        if file >= 0 { return true }
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((directory + "/caseaudit-gaps-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else {
            fileFailed = true
            return false
        }
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        file = descriptor
        return true
    }
}
