import Synchronization

/// Sessions opened at `/login` with the server's token. Held in memory: a restart logs everyone out.
final class Sessions: Sendable {
    private let open = Mutex<Set<String>>([])

    /// A new session id.
    func start() -> String {
        let id = RandomToken.hex()
        open.withLock { _ = $0.insert(id) }
        return id
    }

    func isOpen(_ id: String?) -> Bool {
        guard let id else { return false }
        return open.withLock { $0.contains(id) }
    }
}
