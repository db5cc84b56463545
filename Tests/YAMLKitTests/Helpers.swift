#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import YAMLKit

/// A new file in /tmp holding `bytes`; its path. The caller removes it.
func temporaryFile(_ bytes: [UInt8]) throws -> String {
    var template = Array("/tmp/caseaudit-read-XXXXXX".utf8CString)
    let fd = mkstemp(&template)
    try #require(fd >= 0)
    defer { close(fd) }
    let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    try #require(written == bytes.count)
    // The name mkstemp filled in, up to the NUL that ends it.
    return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

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
