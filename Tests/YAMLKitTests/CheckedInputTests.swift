import CYAML
import Testing
@testable import YAMLKit

@Suite("Input checked here instead of by libyaml's reader")
struct CheckedInputTests {
    private func characters(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { CheckedInput.characters(in: $0) }
    }

    /// Counts worked out by hand: each character the reader copies unchanged counts once, whatever
    /// its width in bytes.
    @Test("counts the characters of input the reader takes unchanged")
    func counts() {
        #expect(characters([]) == 0)
        #expect(characters(Array("a: 1\n".utf8)) == 5)
        #expect(characters(Array("k:\tv\r\n".utf8)) == 6)
        // é (2 bytes), € (3), 😀 (4), U+0085 NEXT LINE (2), U+FEFF inside the text (3).
        #expect(characters(Array("é€😀".utf8)) == 3)
        #expect(characters([0x61, 0xC2, 0x85, 0x62, 0xEF, 0xBB, 0xBF]) == 4)
        // Past one block of 4,096 bytes, which the vector loop takes whole.
        #expect(characters(Array(String(repeating: "a", count: 8192).utf8) + Array("é\n".utf8)) == 8194)
    }

    /// Anything the reader would reject, or not copy as it is, is left to the reader.
    @Test("leaves to libyaml's reader anything it would not copy unchanged")
    func refusals() {
        let refused: [[UInt8]] = [
            [0x00], [0x07], [0x1B], [0x7F],  // control characters, NUL, DEL
            [0x80], [0xBF], [0xF8, 0x80, 0x80, 0x80], [0xFF],  // no leading octet
            [0xC3], [0xE2, 0x82], [0x61, 0xF0, 0x9F, 0x98],  // sequences cut short
            [0xC3, 0x28], [0xE2, 0x28, 0xA1],  // a trailing octet that is not one
            [0xC0, 0x80], [0xE0, 0x80, 0xAF], [0xF0, 0x80, 0x80, 0xAF],  // longer than needed
            [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],  // a surrogate, past U+10FFFF
            [0xC2, 0x80], [0xC2, 0x9F], [0xEF, 0xBF, 0xBE], [0xEF, 0xBF, 0xBF],  // C1 controls, U+FFFE, U+FFFF
        ]
        for bytes in refused {
            #expect(characters(bytes) == nil, "\(bytes)")
            #expect(characters(Array("key: value\n".utf8) + bytes) == nil, "\(bytes)")
        }
        // A control character inside a vector block, and in the tail after the blocks.
        var text = Array(String(repeating: "abc: d\n", count: 1000).utf8)
        #expect(characters(text) == 7000)
        text[100] = 0x07
        #expect(characters(text) == nil)
        text[100] = 0x61
        text[6990] = 0x00
        #expect(characters(text) == nil)
        // Inside a whole block, which the vector loop checks: each refusal, then a character it
        // must count as one.
        let block = Array(String(repeating: "a", count: 9000).utf8)
        for bytes in [[0x7F], [0xFF], [0x80], [0xC3, 0x28], [0xC2, 0x80], [0x0B]] as [[UInt8]] {
            var text = block
            text.replaceSubrange(100..<100 + bytes.count, with: bytes)
            #expect(characters(text) == nil, "\(bytes)")
        }
        var accented = block
        accented.replaceSubrange(100..<102, with: Array("é".utf8))
        #expect(characters(accented) == 8999)
    }

    /// A copy's buffer is kept for the next copy: whether new or used before, it holds the bytes
    /// and then zeros, never what a longer copy left there.
    @Test("a buffer used again holds only the new bytes and the NUL after them")
    func buffersUsedAgain() {
        let long = Array(String(repeating: "key: value\n", count: 400).utf8)
        let short = Array("a: 1".utf8)
        for _ in 0..<50 {
            for bytes in [long, short] {
                bytes.withUnsafeBufferPointer { buffer in
                    guard let copy = CheckedInput(buffer) else {
                        Issue.record("not copied")
                        return
                    }
                    #expect(copy.length == bytes.count)
                    #expect(copy.characters == bytes.count)
                    let held = Array(UnsafeBufferPointer(start: copy.text, count: copy.length + CheckedInput.padding))
                    #expect(held == bytes + Array(repeating: 0, count: CheckedInput.padding))
                }
            }
        }
    }

    /// Every event, with its marks and value, and the error that ends them, as libyaml gave them.
    private func events(_ text: [UInt8], range: YAMLRange? = nil, decoding: LibYAMLInput.Decoding) -> [String] {
        let source = SourceText(path: "t.yaml", bytes: text)
        var lines: [String] = []
        LibYAMLInput.parse(source, range ?? .whole(source), decoding: decoding) { _, _, parser in
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(parser, &event) != 0 else {
                    let problem = parser.pointee.problem.map { String(cString: $0) } ?? "-"
                    let mark = parser.pointee.problem_mark
                    lines.append("error \(problem) \(mark.index) \(mark.line):\(mark.column)")
                    return
                }
                defer { yaml_event_delete(&event) }
                let marks = "\(event.start_mark.index) \(event.start_mark.line):\(event.start_mark.column)"
                    + "-\(event.end_mark.index) \(event.end_mark.line):\(event.end_mark.column)"
                var line = "\(event.type.rawValue) \(marks)"
                if event.type == YAML_SCALAR_EVENT {
                    let scalar = event.data.scalar
                    line += " \(scalar.style.rawValue) "
                        + String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                }
                lines.append(line)
                if event.type == YAML_STREAM_END_EVENT { return }
            }
        } failed: { lines.append("failed \($0)") }
        return lines
    }

    /// The scanner gives the same events, marks, values and errors whether the reader decoded the
    /// input or it was checked here: case files, every width of character, each kind of scalar,
    /// line ends, a BOM, input that ends without a line break, syntax errors, a run in the middle.
    @Test("libyaml gives the same events either way")
    func sameEvents() {
        let caseFile = (1...200).map { "---\ncase: C\($0)\nfacts:\n  name: \"Zoë Ångström €\($0)\"\n  rosh: medium\n  notes: |\n    line one 😀\n    line two\n  list: [a, b, {c: d}]\nanswers:\n  '1.1': 'yes'\n" }.joined()
        let inputs: [String] = [
            caseFile,
            "a: 1\r\nb: >\r\n  folded\r\n  text\r\n",
            "\u{FEFF}a: 1\nb: 2\n",
            "key: value with a tab\there\n# a comment\n...\n---\n- x\n- 'single'\n- \"double \\u00e9\"",
            "a: [1, 2\nb: 3\n",
            "a: b: c\n",
            "- \u{85}next line\u{85}\n- \u{A0}\n",
            "",
            "---",
            "a:\n  - b\n  -",
        ]
        for text in inputs {
            let bytes = Array(text.utf8)
            #expect(characters(bytes) != nil)
            let byReader = events(bytes, decoding: .libyamlReader)
            #expect(byReader.count > 1)
            #expect(events(bytes, decoding: .checkedHere) == byReader, "\(text.prefix(40))")
        }
        // A run of documents in the middle of an input, as a worker reads it.
        let bytes = Array(caseFile.utf8)
        let source = SourceText(path: "t.yaml", bytes: bytes)
        let range = YAMLChunks.split(source, size: 4096)[1]
        #expect(range.end < bytes.count)
        #expect(events(bytes, range: range, decoding: .checkedHere) == events(bytes, range: range, decoding: .libyamlReader))
    }
}
