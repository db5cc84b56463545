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
    /// null, otherwise double-quoted with escapes.
    static func scalar(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_.-/".unicodeScalars.contains($0) }
        if plain, let first = text.unicodeScalars.first, first != "-", first != ".", !["null", "Null", "NULL"].contains(text) { return text }
        // Besides JSON's escapes, YAML reads these as line breaks or refuses them as unprintable.
        return JSON.quote(text) { scalar in
            scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || [0x2028, 0x2029, 0xFEFF].contains(scalar.value)
        }
    }
}
