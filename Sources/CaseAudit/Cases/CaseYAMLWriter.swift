/// Writes one case record as a YAML case file, in the format `caseaudit serve` saves
/// (docs/case-format.md, "Files written by caseaudit serve"): `case`, `assessor`, then `facts`,
/// `answers` and `notes` in the set's order, empty sections left out. Reading the text back gives
/// the same facts, answers and notes.
public enum CaseYAMLWriter {
    public static func text(_ record: CaseRecord, set: CriteriaSet) -> String {
        var out = "case: \(quoted(record.id))\n"
        if let assessor = record.assessor, !assessor.isEmpty { out += "assessor: \(quoted(assessor))\n" }
        let facts = set.facts.indices.compactMap { index in record.facts[index].map { (index, $0) } }
        if !facts.isEmpty {
            out += "facts:\n"
            for (index, value) in facts { out += "  \(set.facts[index].name): \(factValue(value, set.facts[index]))\n" }
        }
        let answers = set.questions.indices.compactMap { index in record.answers[index].map { (index, $0) } }
        if !answers.isEmpty {
            out += "answers:\n"
            for (index, answer) in answers {
                let question = set.questions[index]
                let options = set.scales[question.scale].options
                switch answer {
                case .single(let value):
                    out += "  \(question.id): \(answerValue(value, options))\n"
                case .perElement(let list):
                    guard let each = question.forEach, !list.isEmpty else { continue }
                    out += "  \(question.id):\n"
                    for element in list.sorted(by: { $0.element < $1.element }) {
                        out += "    \(symbol(set.facts[each].values[element.element])): \(answerValue(element.value, options))\n"
                    }
                }
            }
        }
        let notes = set.questions.indices.compactMap { index in record.notes[index].map { (index, $0) } }.filter { !$0.1.isEmpty }
        if !notes.isEmpty {
            out += "notes:\n"
            for (index, note) in notes { out += "  \(set.questions[index].id): \(quoted(note))\n" }
        }
        return out
    }

    private static func factValue(_ value: FactValue, _ fact: Fact) -> String {
        switch value {
        case .string(let text): return quoted(text)
        case .option(let index): return symbol(fact.values[index])
        case .set(let bits):
            return "[" + fact.values.indices.filter { bits & (1 << UInt64($0)) != 0 }.map { symbol(fact.values[$0]) }
                .joined(separator: ", ") + "]"
        default: return value.text(fact)
        }
    }

    private static func answerValue(_ value: AnswerValue, _ options: [String]) -> String {
        switch value {
        case .option(let index): return symbol(options[index])
        case .invalid(let text): return quoted(text)
        }
    }

    /// A name declared by the set (a fact value, an option): plain when it is a simple word, else quoted.
    static func symbol(_ text: String) -> String {
        let simple = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-", ".": return true
            default: return false
            }
        } && text.first != "-" && text.first != "." && !["null", "Null", "NULL"].contains(text)
        return simple ? text : quoted(text)
    }

    /// Free text (ids, names, notes): single-quoted (`'` doubled) when it is one line of printable
    /// characters, else double-quoted with escapes, so every text reads back exactly.
    static func quoted(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy(isPlainPrintable) {
            return "'" + text.replacingAll("'", with: "''") + "'"
        }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if isPlainPrintable(scalar) {
                    out.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFFFF {
                    out += "\\u" + hex(scalar.value, digits: 4)
                } else {
                    out += "\\U" + hex(scalar.value, digits: 8)
                }
            }
        }
        return out + "\""
    }

    /// Characters YAML takes literally inside quotes on one line: printable, and not a line break
    /// (YAML 1.1 counts U+0085, U+2028 and U+2029 as line breaks) nor a byte-order mark.
    private static func isPlainPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0x2027, 0x202A...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
