import YAMLKit

/// A key and value with the file it is written in: a derived set's `override` puts keys of one
/// file into an item of another.
struct SourcedPair: Sendable {
    var pair: Pair
    var source: SourceText
}

/// Reads one YAML mapping of a rule file strictly: every key must be known, every value the right shape.
struct MappingReader {
    let node: Node
    let source: SourceText
    private let pairs: [SourcedPair]

    /// Reports a non-mapping node and returns nil; reports unknown keys (with did-you-mean).
    /// `overrides` (a derived set's, in order) replace the keys they name or add them.
    init?(_ node: Node, in source: SourceText, what: String, allowed: [String], overrides: [SourcedPair] = [], sink: inout DiagnosticSink) {
        guard let own = node.mapping else {
            sink.error("rules.wrong-type", "\(what) must be a mapping (key: value), not \(node.kindDescription)", at: node, in: source)
            return nil
        }
        self.node = node
        self.source = source
        var pairs = own.map { SourcedPair(pair: $0, source: source) }
        for override in overrides {
            if let index = pairs.firstIndex(where: { $0.pair.key.scalar == override.pair.key.scalar }) {
                pairs[index] = override
            } else {
                pairs.append(override)
            }
        }
        self.pairs = pairs
        for sourced in pairs {
            guard let key = sourced.pair.key.scalar, !allowed.contains(key) else { continue }
            let suggestion = Suggestions.closest(to: key, in: allowed)
            sink.error(
                "rules.unknown-key",
                "unknown key '\(key)' in \(what)" + Suggestions.didYouMean(suggestion)
                    + (suggestion == nil ? " (allowed: \(allowed.joined(separator: ", ")))" : ""),
                at: sourced.pair.key, in: sourced.source, fixIt: suggestion)
        }
    }

    subscript(key: String) -> Node? { pairs.first { $0.pair.key.scalar == key }?.pair.value }

    /// The file a key's value is written in (the item's own, or an override's).
    func source(of key: String) -> SourceText { pairs.first { $0.pair.key.scalar == key }?.source ?? source }

    /// A required or optional text value.
    func string(_ key: String, what: String, required: Bool, sink: inout DiagnosticSink) -> String? {
        guard let value = self[key] else {
            if required {
                sink.error("rules.missing-key", "\(what) needs '\(key)'", at: node, in: source)
            }
            return nil
        }
        guard let text = value.scalar, !value.isNull || value.style?.isQuoted == true else {
            sink.error("rules.wrong-type", "'\(key)' must be text, not \(value.isNull ? "empty" : value.kindDescription)", at: value, in: source(of: key))
            return nil
        }
        return text
    }

    /// A `true`/`false` value.
    func bool(_ key: String, sink: inout DiagnosticSink) -> Bool? {
        guard let value = self[key] else { return nil }
        switch value.scalar {
        case "true"?, "yes"?: return true
        case "false"?, "no"?: return false
        default:
            sink.error("rules.wrong-type", "'\(key)' must be true or false", at: value, in: source(of: key))
            return nil
        }
    }

    /// A whole number.
    func int(_ key: String, sink: inout DiagnosticSink) -> Int? {
        guard let value = self[key] else { return nil }
        guard let text = value.scalar, value.style?.isQuoted == false, let number = Int(text) else {
            sink.error("rules.wrong-type", "'\(key)' must be a whole number", at: value, in: source(of: key))
            return nil
        }
        return number
    }

    /// A list of scalars (a single scalar is not accepted: write `[a]`).
    func list(_ key: String, sink: inout DiagnosticSink) -> [Node]? {
        guard let value = self[key] else { return nil }
        guard let items = value.sequence else {
            sink.error("rules.wrong-type", "'\(key)' must be a list, e.g. [a, b]", at: value, in: source(of: key))
            return nil
        }
        var scalars: [Node] = []
        for item in items {
            if item.scalar == nil {
                sink.error("rules.wrong-type", "items of '\(key)' must be single values, not \(item.kindDescription)", at: item, in: source(of: key))
            } else {
                scalars.append(item)
            }
        }
        return scalars
    }
}

enum Identifier {
    static let reserved: Set<String> = ["and", "or", "not", "in", "true", "false"]

    /// `[a-z][a-z0-9_]*`, not a keyword.
    static func isValid(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first >= "a" && first <= "z" else { return false }
        return text.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }
            && !reserved.contains(text)
    }
}
