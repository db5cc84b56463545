import Synchronization

/// Buffers kept for ``CheckedInput``'s next copy. A large input is read in runs of about 1 MiB, and
/// memory freed goes back to the system at once (`Sources/CAllocator`), so a new buffer for each
/// run would be faulted in again page by page: 10,000 page faults for a 41 MB input. At most
/// ``count`` buffers of at most ``maxBytes`` are kept, each as long as the process.
enum CopyBuffers {
    /// A buffer, held by one copy or by the list alone, so no two threads use it at once.
    struct Buffer: @unchecked Sendable {
        let start: UnsafeMutablePointer<UInt8>
        let capacity: Int
    }

    private static let spares = Mutex<[Buffer]>([])
    private static let count = 4
    private static let maxBytes = 2 << 20
    /// Capacities are rounded up to this, so that runs of slightly different lengths share buffers.
    private static let rounding = 256 << 10

    /// The smallest kept buffer of at least `bytes`, or a new one.
    static func take(_ bytes: Int) -> Buffer {
        let kept = spares.withLock { spares in
            spares.indices.filter { spares[$0].capacity >= bytes }
                .min { spares[$0].capacity < spares[$1].capacity }
                .map { spares.remove(at: $0) }
        }
        if let kept { return kept }
        let capacity = (bytes + rounding - 1) / rounding * rounding
        return Buffer(start: .allocate(capacity: capacity), capacity: capacity)
    }

    /// Keeps `buffer` for a later copy, or frees it when enough are kept or it is too large.
    static func give(_ buffer: Buffer) {
        let kept = buffer.capacity <= maxBytes && spares.withLock { spares in
            guard spares.count < count else { return false }
            spares.append(buffer)
            return true
        }
        if !kept { buffer.start.deallocate() }
    }
}
