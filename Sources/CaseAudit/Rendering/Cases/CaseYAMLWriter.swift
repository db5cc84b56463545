/// One case as a YAML document (DESIGN §5), as `YAMLCaseReader` reads it: `case`, `assessor`,
/// `facts`, `answers` (a `for_each` question as a mapping by element) and `notes`. Texts that plain
/// YAML could misread are double-quoted with escapes, so every character comes back.
public enum CaseYAMLWriter {
    public static func document(_ record: CaseRecord, _ set: CriteriaSet) -> String {
        var out = "case: \(scalar(record.id))\n"
        if let assessor = record.assessor { out += "assessor: \(scalar(assessor))\n" }
        let facts = set.facts.indices.compactMap { index in record.facts[index].map { (index, $0) } }
        if !facts.isEmpty {
            out += "facts:\n"
            for (index, value) in facts {
                let fact = set.facts[index]
                let text: String
                switch value {
                case .string(let string): text = scalar(string)
                case .set: text = value.text(fact)
                default: text = scalar(value.text(fact))
                }
                out += "  \(fact.name): \(text)\n"
            }
        }
        let answers = set.questions.indices.compactMap { index in record.answers[index].map { (index, $0) } }
        if !answers.isEmpty {
            out += "answers:\n"
            for (index, answer) in answers {
                let question = set.questions[index]
                let scale = set.scales[question.scale]
                switch answer {
                case .single(let value):
                    out += "  \(question.id): \(scalar(value.text(scale)))\n"
                case .perElement(let elements):
                    out += "  \(question.id):" + (elements.isEmpty ? " {}\n" : "\n")
                    let fact = set.facts[question.forEach ?? 0]
                    for element in elements {
                        out += "    \(scalar(fact.values[element.element])): \(scalar(element.value.text(scale)))\n"
                    }
                }
            }
        }
        if !record.notes.isEmpty {
            out += "notes:\n"
            for index in record.notes.keys.sorted() {
                out += "  \(set.questions[index].id): \(scalar(record.notes[index] ?? ""))\n"
            }
        }
        return out
    }

    /// Plain when the text is a simple word (letters, digits, `_`, `.`, `-`, `/`) YAML cannot read as
    /// null, otherwise double-quoted.
    static func scalar(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-/".unicodeScalars.contains($0) }
        if plain, let first = text.unicodeScalars.first, first != "-", first != ".", !["null", "Null", "NULL"].contains(text) { return text }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
