import YAMLKit

/// Collects diagnostics while reading one input, creating locations from nodes.
struct DiagnosticSink {
    private(set) var diagnostics: [Diagnostic] = []

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func error(_ code: String, _ message: String, at node: Node, in source: SourceText, notes: [Diagnostic.Note] = [], fixIt: String? = nil) {
        diagnostics.append(Diagnostic(
            .error, code: code, message, at: SourceLocation(source, node.position), notes: notes,
            fixIt: fixIt.map { .init(replacement: $0) }))
    }

    mutating func warning(_ code: String, _ message: String, at node: Node, in source: SourceText) {
        diagnostics.append(Diagnostic(.warning, code: code, message, at: SourceLocation(source, node.position)))
    }

    mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }
}
