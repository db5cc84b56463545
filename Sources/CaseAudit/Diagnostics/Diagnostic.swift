import YAMLKit

/// One finding about an input: the single diagnostic type of the whole project.
///
/// Printed as `path:line:col: severity: message [code]`, then the source line and a caret.
public struct Diagnostic: Sendable, Hashable, Error {
    /// A secondary location that explains the finding, such as a first definition.
    public struct Note: Sendable, Hashable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    /// A suggested replacement for the text at the diagnostic's position.
    public struct FixIt: Sendable, Hashable {
        public var replacement: String

        public init(replacement: String) {
            self.replacement = replacement
        }
    }

    public var severity: Severity
    /// Stable, documented identifier, e.g. `yaml.duplicate-key`.
    public var code: String
    public var message: String
    public var location: SourceLocation?
    public var notes: [Note]
    public var fixIt: FixIt?

    public init(
        _ severity: Severity, code: String, _ message: String, at location: SourceLocation?,
        notes: [Note] = [], fixIt: FixIt? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.notes = notes
        self.fixIt = fixIt
    }

    /// An error for a YAML problem in `source`.
    public init(_ error: YAMLError, in source: SourceText) {
        var notes = error.notes.map { Note($0.message, at: SourceLocation(source, $0.position)) }
        if let context = error.context {
            let where_ = error.contextPosition.map { SourceLocation(source, $0) }
            notes.append(Note("libyaml: \(context)", at: where_))
        }
        let location: SourceLocation
        if error.kind == .unreadable {
            location = SourceLocation(path: source.path, position: .start)
        } else {
            location = SourceLocation(source, error.position)
        }
        self.init(.error, code: error.kind.code, error.message, at: location, notes: notes)
    }
}

extension Array where Element == Diagnostic {
    /// The most severe diagnostic's severity, or nil when empty.
    public var maxSeverity: Severity? { map(\.severity).max() }

    /// How many diagnostics have the given severity.
    public func count(of severity: Severity) -> Int { lazy.filter { $0.severity == severity }.count }

    /// Sorted by path, then position, then code: the order every output uses.
    public func sortedForOutput() -> [Diagnostic] {
        sorted { lhs, rhs in
            let left = (lhs.location?.path ?? "", lhs.location?.position.offset ?? -1)
            let right = (rhs.location?.path ?? "", rhs.location?.position.offset ?? -1)
            if left != right { return left < right }
            return lhs.code < rhs.code
        }
    }
}
