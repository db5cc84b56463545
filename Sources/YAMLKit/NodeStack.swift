/// The children of every open collection, innermost last.
///
/// Nodes are moved in and moved out, never copied: a closed collection takes its children in one
/// exact-size allocation, without reference-count traffic.
final class NodeStack {
    private var base: UnsafeMutablePointer<Node>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 256) {
        self.capacity = capacity
        self.base = .allocate(capacity: capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func push(_ node: consuming Node) {
        if count == capacity { grow() }
        (base + count).initialize(to: node)
        count += 1
    }

    /// Removes and discards the last node.
    func dropLast() {
        guard count > 0 else { return }
        count -= 1
        (base + count).deinitialize(count: 1)
    }

    /// The scalar text of the node at `index`, for key comparisons.
    func scalar(at index: Int) -> String? { base[index].scalar }

    /// The position of the node at `index`.
    func position(at index: Int) -> SourcePosition { base[index].position }

    /// Moves the nodes from `start` to the top out, as a sequence's items.
    func popItems(from start: Int) -> [Node] {
        let moved = count - start
        let items = [Node](unsafeUninitializedCapacity: moved) { buffer, initialized in
            if let destination = buffer.baseAddress { destination.moveInitialize(from: base + start, count: moved) }
            initialized = moved
        }
        count = start
        return items
    }

    /// Moves the nodes from `start` to the top out, as alternating keys and values.
    func popPairs(from start: Int) -> [Pair] {
        let pairCount = (count - start) / 2
        let pairs = [Pair](unsafeUninitializedCapacity: pairCount) { buffer, initialized in
            for index in 0..<pairCount {
                let key = (base + start + 2 * index).move()
                let value = (base + start + 2 * index + 1).move()
                buffer.initializeElement(at: index, to: Pair(key: key, value: value))
            }
            initialized = pairCount
        }
        // An odd node left over (a key whose value never came) is discarded.
        (base + start + 2 * pairCount).deinitialize(count: count - start - 2 * pairCount)
        count = start
        return pairs
    }

    private func grow() {
        let newCapacity = capacity * 2
        let newBase = UnsafeMutablePointer<Node>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
