import Testing
import YAMLKit
@testable import CaseAudit

@Suite("Diagnostic formatting")
struct DiagnosticFormatterTests {
    @Test("path:line:col: severity: message [code], the source line and a caret")
    func compilerStyle() {
        let source = SourceText(path: "cases/017.yaml", text: "case: YNY-017\nfacts:\n  rosh: meduim\n")
        let diagnostic = Diagnostic(
            .error, code: "case.enum-value", "'meduim' is not a RoSH level; did you mean 'medium'?",
            at: SourceLocation(source, SourcePosition(line: 3, column: 9, offset: 29)),
            fixIt: .init(replacement: "medium"))
        #expect(DiagnosticFormatter().format(diagnostic) == """
            cases/017.yaml:3:9: error: 'meduim' is not a RoSH level; did you mean 'medium'? [case.enum-value]
                  rosh: meduim
                        ^
                        medium

            """)
    }

    @Test("a duplicate key prints the error and a note at the first occurrence")
    func yamlErrorWithNote() throws {
        let stream = YAMLLoader.load(string: "a: 1\nb: 2\na: 3\n", path: "x.yaml")
        let error = try #require(stream.errors.first)
        let text = DiagnosticFormatter().format(Diagnostic(error, in: stream.source))
        #expect(text == """
            x.yaml:3:1: error: duplicate key 'a'; the first value is kept [yaml.duplicate-key]
                a: 3
                ^
            x.yaml:1:1: note: 'a' first appears here
                a: 1
                ^

            """)
    }

    @Test("tabs before the column are kept so the caret lines up")
    func tabs() {
        let location = SourceLocation(path: "t.yaml", position: SourcePosition(line: 1, column: 3, offset: 2), lineText: "\t\tx")
        let diagnostic = Diagnostic(.warning, code: "w", "msg", at: location)
        #expect(DiagnosticFormatter().format(diagnostic) == "t.yaml:1:3: warning: msg [w]\n    \t\tx\n    \t\t^\n")
    }

    @Test("severities order and sorting is by path then position")
    func ordering() {
        #expect(Severity.note < .warning && Severity.warning < .error)
        let a = Diagnostic(.error, code: "x", "a", at: SourceLocation(path: "b.yaml", position: .start))
        let b = Diagnostic(.warning, code: "x", "b", at: SourceLocation(path: "a.yaml", position: SourcePosition(line: 2, column: 1, offset: 5)))
        let c = Diagnostic(.note, code: "x", "c", at: SourceLocation(path: "a.yaml", position: .start))
        #expect([a, b, c].sortedForOutput().map(\.message) == ["c", "b", "a"])
        // In order already, or but for the last: the same order; equal places keep theirs.
        #expect([c, b, a].sortedForOutput().map(\.message) == ["c", "b", "a"])
        #expect([c, a, b].sortedForOutput().map(\.message) == ["c", "b", "a"])
        let d = Diagnostic(.error, code: "x", "d", at: SourceLocation(path: "a.yaml", position: .start))
        #expect([d, c, b].sortedForOutput().map(\.message) == ["d", "c", "b"])
        #expect([b, d, c].sortedForOutput().map(\.message) == ["d", "c", "b"])
        #expect([a, b, c].maxSeverity == .error)
    }

    /// Control characters (C0, DEL, C1, the line and paragraph separators) are escaped so that a
    /// message stays one line and cannot drive a terminal; other text, multi-byte included, is kept.
    @Test("a message is one printable line whatever text it quotes")
    func printableMessage() {
        func message(_ text: String) -> String { Diagnostic(.error, code: "x", text, at: nil).message }
        #expect(message("a\nb\rc\td") == "a\\nb\\rc\\td")
        #expect(message("esc\u{1B}[31m del\u{7F}") == "esc\\u{1B}[31m del\\u{7F}")
        #expect(message("c1 \u{85} \u{9B}") == "c1 \\u{85} \\u{9B}")
        #expect(message("line\u{2028}para\u{2029}") == "line\\u{2028}para\\u{2029}")
        #expect(message("café … € \u{A0}\u{2027}\u{202A}") == "café … € \u{A0}\u{2027}\u{202A}")
        #expect(message("ends \u{80}\u{9F}") == "ends \\u{80}\\u{9F}")
        #expect(Diagnostic.Note("note\n").message == "note\\n")
        // Long messages are read eight bytes at a time: a control character at any offset, next to
        // the edges of printable ASCII (space and ~), is still found; printable text, multi-byte too, is kept.
        let edges = String(repeating: " ~", count: 12)
        #expect(message(edges) == edges)
        for offset in 0..<17 {
            for (text, shown) in [("\u{1F}", "\\u{1F}"), ("\u{7F}", "\\u{7F}"), ("\u{85}", "\\u{85}"), ("\u{2029}", "\\u{2029}"), ("\u{A0}é", "\u{A0}é")] {
                let before = String(edges.prefix(offset))
                let after = String(edges.dropFirst(offset))
                #expect(message(before + text + after) == before + shown + after)
            }
        }
    }
}
