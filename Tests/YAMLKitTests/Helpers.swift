import Testing
@testable import YAMLKit

/// Loads a string and requires that it has no errors.
func loadClean(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Document] {
    let stream = YAMLLoader.load(string: text, path: "t.yaml")
    #expect(stream.errors.isEmpty, "unexpected errors: \(stream.errors)", sourceLocation: sourceLocation)
    return stream.documents
}

/// Loads a string and returns its errors.
func loadErrors(_ text: String, limits: YAMLLimits = .default) -> [YAMLError] {
    YAMLLoader.load(string: text, path: "t.yaml", limits: limits).errors
}

/// line:column of a position, for compact assertions.
func lc(_ position: SourcePosition) -> String { "\(position.line):\(position.column)" }

extension Node {
    /// The value at a path of mapping keys and sequence indexes, e.g. `["a", 1, "b"]`.
    func at(_ path: [any Sendable]) -> Node? {
        var node: Node? = self
        for step in path {
            if let key = step as? String { node = node?[key] }
            else if let index = step as? Int, let items = node?.sequence, items.indices.contains(index) { node = items[index] }
            else { return nil }
        }
        return node
    }
}
