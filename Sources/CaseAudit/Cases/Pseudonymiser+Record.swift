extension Pseudonymiser {
    /// Puts `pseudonym` for the case's raw `id` wherever the case's own text repeats it (a fact's
    /// text, an answer that is not an option, a note, the assessor) and where the messages about
    /// the case read with it quote it. A value that is the id, or holds it (`tier: *id`, a note
    /// naming the case), would otherwise carry the id into messages and outputs that hide it
    /// everywhere else.
    func hide(_ id: String, as pseudonym: String, in record: inout CaseRecord, diagnostics: inout ArraySlice<Diagnostic>) {
        let raw = Array(id.utf8)
        guard !raw.isEmpty else { return }
        let replacement = Array(pseudonym.utf8)
        func hidden(_ text: String) -> String { Self.replacing(raw, in: text, with: replacement, quotedOnly: false) }
        func quoted(_ text: String) -> String { Self.replacing(raw, in: text, with: replacement, quotedOnly: true) }
        record.assessor = record.assessor.map(hidden)
        for index in record.facts.indices {
            if case .string(let text)? = record.facts[index] { record.facts[index] = .string(hidden(text)) }
        }
        record.answers.mapTexts(hidden)
        for key in record.notes.keys { record.notes[key] = record.notes[key].map(hidden) }
        for index in diagnostics.indices {
            diagnostics[index].message = quoted(diagnostics[index].message)
            for note in diagnostics[index].notes.indices {
                diagnostics[index].notes[note].message = quoted(diagnostics[index].notes[note].message)
            }
        }
    }

    /// `text` with each occurrence of `id` that stands as a word (no ASCII letter or digit just
    /// before or after it) replaced; with `quotedOnly`, only inside `'…'`, where a message quotes
    /// input text (an id `2` is not the `2` of "column 2"). Searched as UTF-8 bytes: comparing
    /// characters would put them in NFC, in time the square of a run of combining marks. At most
    /// the id's length in comparisons per byte (an id has at most 256 bytes), and the square of it
    /// at each cut quote. A quote cut short loses what it shows of the id's start.
    static func replacing(_ id: [UInt8], in text: String, with replacement: [UInt8], quotedOnly: Bool) -> String {
        let bytes = Array(text.utf8)
        // A text shorter than the id may still end a cut quote with the id's first bytes.
        guard bytes.contains(id[0]) else { return text }
        func isWord(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        }
        var out: [UInt8] = []
        var changed = false
        var inQuote = false
        var index = 0
        while index < bytes.count {
            let end = index + id.count
            if bytes[index] == id[0], !quotedOnly || inQuote, end <= bytes.count, bytes[index..<end].elementsEqual(id),
               index == 0 || !isWord(bytes[index - 1]), end == bytes.count || !isWord(bytes[end]) {
                if !changed { out = Array(bytes[..<index]) }
                changed = true
                out.append(contentsOf: replacement)
                index = end
                continue
            }
            // A quote cut short (`…'`) may end in the first part of the id: that part goes too.
            if inQuote, bytes[index...].starts(with: Self.cutMark) {
                let before = changed ? out[...] : bytes[..<index]
                if let part = (1..<id.count).reversed().first(where: { length in
                    before.count >= length && before.suffix(length).elementsEqual(id.prefix(length))
                        && (before.count == length || !isWord(before[before.endIndex - length - 1]))
                }) {
                    if !changed { out = Array(bytes[..<index]) }
                    changed = true
                    out.removeLast(part)
                }
            }
            if bytes[index] == UInt8(ascii: "'") { inQuote.toggle() }
            if changed { out.append(bytes[index]) }
            index += 1
        }
        return changed ? String(decoding: out, as: UTF8.self) : text
    }

    /// Where ``messageQuote(_:)`` cut a long value: `…` and the closing quote.
    private static let cutMark = Array("…'".utf8)
}
