import Dispatch
import Synchronization

/// Runs work items on a bounded number of threads and hands their results to the caller's thread
/// strictly in item order, so whatever the caller folds them into comes out the same for any number
/// of workers. At most `window` items are under way or waiting ahead of the one awaited, which
/// bounds memory.
enum OrderedWorkers {
    /// Takes items from `next` in order (one call at a time, under a lock) until it returns nil,
    /// runs `work` on each on `jobs` threads, and calls `consume` with each result in item order on
    /// the calling thread. With one job everything runs on the calling thread.
    static func run<Item: Sendable, Result: Sendable>(
        jobs: Int, window: Int? = nil, next: @escaping @Sendable () -> Item?,
        work: @escaping @Sendable (Item) -> Result, consume: (Result) -> Void
    ) {
        if jobs <= 1 {
            while let item = next() { consume(work(item)) }
            return
        }
        let window = max(window ?? 2 * jobs, jobs)
        let state = Shared<Item, Result>(window: window, next: next)
        let group = DispatchGroup()
        for _ in 0..<jobs {
            DispatchQueue.global().async(group: group) {
                while true {
                    state.free.wait()
                    guard let (index, item) = state.take() else {
                        state.free.signal()
                        return
                    }
                    state.put(work(item), at: index)
                }
            }
        }
        var index = 0
        while let result = state.result(at: index) {
            consume(result)
            state.free.signal()
            index += 1
        }
        group.wait()
    }

    private final class Shared<Item: Sendable, Result: Sendable>: Sendable {
        /// Permits to start an item: `window` of them, one given back as each result is consumed.
        let free: DispatchSemaphore
        private let ready: [DispatchSemaphore]
        private let slots: Mutex<[Result?]>
        /// The item source, the number of items taken, and the total once the source is exhausted.
        private let source: Mutex<(next: @Sendable () -> Item?, taken: Int, total: Int?)>

        init(window: Int, next: @escaping @Sendable () -> Item?) {
            free = DispatchSemaphore(value: window)
            ready = (0..<window).map { _ in DispatchSemaphore(value: 0) }
            slots = Mutex(Array(repeating: nil, count: window))
            source = Mutex((next, 0, nil))
        }

        /// The next item and its number, or nil when there are no more (the end is then signalled
        /// to the consumer).
        func take() -> (Int, Item)? {
            let taken: (Int, Item)?? = source.withLock { source in
                if source.total != nil { return .some(nil) }
                guard let item = source.next() else {
                    source.total = source.taken
                    return nil
                }
                source.taken += 1
                return (source.taken - 1, item)
            }
            switch taken {
            case .some(let found): return found
            case .none:
                // First to find the end: wake the consumer waiting for the item past the last.
                let total = source.withLock { $0.total ?? 0 }
                ready[total % ready.count].signal()
                return nil
            }
        }

        func put(_ result: Result, at index: Int) {
            slots.withLock { $0[index % ready.count] = result }
            ready[index % ready.count].signal()
        }

        /// Waits for item `index`'s result; nil when the source ended before it.
        func result(at index: Int) -> Result? {
            ready[index % ready.count].wait()
            return slots.withLock { slots in
                defer { slots[index % ready.count] = nil }
                return slots[index % ready.count]
            }
        }
    }
}
