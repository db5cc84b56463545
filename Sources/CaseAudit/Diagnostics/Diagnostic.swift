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
            self.message = Diagnostic.printable(message)
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
        self.message = Self.printable(message)
        self.location = location
        self.notes = notes
        self.fixIt = fixIt
    }

    /// The same diagnostic without the source lines under it (for pseudonymised runs, where a
    /// line of a case file could show an id or other personal data).
    public var withoutSourceText: Diagnostic {
        var copy = self
        copy.location?.lineText = nil
        for index in copy.notes.indices { copy.notes[index].location?.lineText = nil }
        return copy
    }

    /// A message on one line whatever input text it quotes: line breaks, tabs and other control
    /// characters are shown as escapes (`\n`, `\t`, `\u{1B}`), so a diagnostic is always one
    /// `path:line:col: …` line and cannot drive a terminal.
    static func printable(_ message: String) -> String {
        guard containsControl(message) else { return message }
        var out = ""
        for scalar in message.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isTerminalControl(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether ``isTerminalControl(_:)`` holds for a scalar of the text, read from its UTF-8 bytes: C0
    /// and DEL are single bytes, C1 (U+0080…U+009F) is C2 80…C2 9F, U+2028 and U+2029 are
    /// E2 80 A8 and E2 80 A9. Eight bytes of printable ASCII at a time are passed over in one test.
    private static func containsControl(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = UnsafeRawPointer(bytes.baseAddress) else { return false }
            var index = 0
            while index < bytes.count {
                if index + 8 <= bytes.count {
                    let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    // A byte below 0x20 sets its high bit in `below`; one above 0x7E in `above`.
                    let below = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                    let above = ((word &+ 0x0101_0101_0101_0101) | word) & 0x8080_8080_8080_8080
                    if below | above == 0 {
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x7F { return true }
                if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) { return true }
                if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                   bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return true }
                index += 1
            }
            return false
        }
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

    /// Sorted by path, then position, then code: the order every output uses. Diagnostics mostly
    /// come in that order already: that is checked first, in one pass, and spares sorting (and
    /// copying) them.
    public func sortedForOutput() -> [Diagnostic] {
        if indices.dropFirst().allSatisfy({ !Self.precedes(self[$0], self[$0 - 1]) }) { return self }
        return sorted(by: Self.precedes)
    }

    private static func precedes(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        let left = (lhs.location?.path ?? "", lhs.location?.position.offset ?? -1)
        let right = (rhs.location?.path ?? "", rhs.location?.position.offset ?? -1)
        if left != right { return left < right }
        return lhs.code < rhs.code
    }
}
