import Crypto
import Synchronization
import YAMLKit

/// The SHA-256 (hex) of a set's normalised text, worked out the first time it is read: `lint` and
/// `explain` never show it, and rendering and hashing the embedded set took about a quarter of the
/// instructions of starting a run.
final class ContentHash: Sendable {
    /// What the hash is taken of.
    enum Source: Sendable {
        /// A set's own files: their documents, in order.
        case documents([Node])
        /// A derived set: its items resolved against its base, key by key.
        case resolved(
            singles: [String: CriteriaSetLoader.Located], entries: [String: [CriteriaSetLoader.Entry]],
            items: [String: [CriteriaSetLoader.Located]])
    }

    private let source: Source
    private let hex = Mutex<String?>(nil)

    init(_ source: Source) { self.source = source }

    /// The hash, in lowercase hex.
    var value: String {
        hex.withLock { hex in
            if let hex { return hex }
            let digest = SHA256.hash(data: Array(Self.text(of: source).utf8)).map { byte in
                let digits = String(byte, radix: 16)
                return digits.count == 1 ? "0" + digits : digits
            }.joined()
            hex = digest
            return digest
        }
    }

    /// The normalised text: comments, layout and quoting style do not count.
    static func text(of source: Source) -> String {
        switch source {
        case .documents(let roots):
            return roots.map { CanonicalText.render($0) + "\n" }.joined()
        case .resolved(let singles, let entries, let items):
            var out = ""
            for key in CriteriaSetLoader.topLevelKeys where !CriteriaSetLoader.derivationKeys.contains(key) {
                if let located = singles[key] {
                    out += key + ":" + CanonicalText.render(CriteriaSetLoader.merged(located.node, located.overrides)) + "\n"
                }
                for entry in entries[key] ?? [] {
                    out += key + "." + CanonicalText.render(entry.key) + ":"
                        + CanonicalText.render(CriteriaSetLoader.merged(entry.value, entry.overrides)) + "\n"
                }
                for item in items[key] ?? [] {
                    out += key + "[]:" + CanonicalText.render(CriteriaSetLoader.merged(item.node, item.overrides)) + "\n"
                }
            }
            return out
        }
    }
}
