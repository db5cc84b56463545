import Synchronization

/// A ``SuggestionIndex`` made at the first name it is asked about, not before: most runs meet no
/// unknown name, and a schema has a candidate list for every fact and every scale. Made at most
/// once, by the first thread that asks; the others wait for it and share it.
final class LazySuggestionIndex: Sendable {
    private let candidates: [String]
    private let index = Mutex<SuggestionIndex?>(nil)

    init(_ candidates: [String]) {
        self.candidates = candidates
    }

    /// ``SuggestionIndex/closest(to:)``.
    func closest(to name: String) -> String? {
        let index = index.withLock { index in
            if let made = index { return made }
            let made = SuggestionIndex(candidates)
            index = made
            return made
        }
        return index.closest(to: name)
    }
}
