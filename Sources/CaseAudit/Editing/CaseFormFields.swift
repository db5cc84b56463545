import YAMLKit

/// The names of a case form's fields, and a submitted form read back into a case record, typed
/// by the set exactly as a case file is.
///
/// Fields: `case`, `assessor`, `fact:NAME` (a set fact: one field per element the case has, or
/// the single value `[]` for none), `answer:QUESTION`, `answer:QUESTION[ELEMENT]` for a
/// `for_each` question, `note:QUESTION`. An empty value is not recorded. Fields named in
/// ``CaseFormFields/ignored`` carry the form's own state and are not part of the case.
public enum CaseFormFields {
    /// A field of the form.
    public enum Field: Hashable, Sendable {
        case caseID, assessor
        case fact(Int)
        case answer(Int, element: Int?)
        case note(Int)
    }

    /// Field names that are not part of the case (the form's state).
    public static let ignored: Set<String> = ["csrf", "version", "action", "original"]

    public static func name(_ field: Field, in set: CriteriaSet) -> String {
        switch field {
        case .caseID: return "case"
        case .assessor: return "assessor"
        case .fact(let index): return "fact:" + set.facts[index].name
        case .answer(let index, let element): return "answer:" + set.instanceID(index, element: element)
        case .note(let index): return "note:" + set.questions[index].id
        }
    }

    /// A submitted form read as a case: the record, and a problem per field that could not be read
    /// (the record then leaves that value out). Problems without a field (an unknown field name) are
    /// keyed by nil.
    public struct Reading: Sendable {
        public var record: CaseRecord
        public var problems: [Field?: [String]]
    }

    /// Reads the fields in the order given; a field given twice (other than a set fact's elements)
    /// is a problem.
    public static func read(_ fields: [(name: String, value: String)], schema: CaseSchema) -> Reading {
        let set = schema.set
        var record = CaseRecord(
            id: "", facts: Array(repeating: nil, count: set.facts.count), answers: AnswerTable(count: set.questions.count),
            source: SourceText(path: "<form>", bytes: []), positions: CasePositions(record: .start))
        var problems: [Field?: [String]] = [:]
        var seen = Set<String>()
        var setElements: [Int: [String]] = [:]
        var elementAnswers: [Int: [ElementAnswer]] = [:]
        func problem(_ field: Field?, _ message: String) { problems[field, default: []].append(message) }
        for (name, raw) in fields where !ignored.contains(name) {
            let value = raw.trimmingSpaces()
            let (kind, key) = split(name)
            if let factIndex = kind == "fact" ? schema.fact(named: key) : nil, set.facts[factIndex].type == .set {
                if !value.isEmpty { setElements[factIndex, default: []].append(value) }
                continue
            }
            guard seen.insert(name).inserted else {
                problem(nil, "the field '\(name)' is given twice")
                continue
            }
            switch kind {
            case "case": record.id = value
            case "assessor": record.assessor = value.isEmpty ? nil : value
            case "fact":
                guard let index = schema.fact(named: key) else { problem(nil, schema.unknownFact(key).message); continue }
                if value.isEmpty { continue }
                do throws(CaseSchema.ValueProblem) {
                    record.facts[index] = try schema.value(value, ofFact: index)
                } catch {
                    problem(.fact(index), error.message)
                }
            case "note":
                guard let index = schema.question(id: key) else { problem(nil, schema.unknownQuestion(key).message); continue }
                // Browsers send a text area's line breaks as CR LF.
                let text = raw.normalisingLineBreaks().trimmingTrailingWhitespace()
                if !text.isEmpty { record.notes[index] = text }
            case "answer":
                let (id, element) = splitElement(key)
                guard let index = schema.question(id: id) else { problem(nil, schema.unknownQuestion(id).message); continue }
                if value.isEmpty { continue }
                let answer = schema.answer(value, to: index)
                switch (set.questions[index].forEach, element) {
                case (nil, nil):
                    if let message = answer.problem?.message { problem(.answer(index, element: nil), message); continue }
                    record.answers[index] = .single(answer.value)
                case (let each?, let elementName?):
                    guard let elementIndex = set.facts[each].index(of: elementName) else {
                        problem(nil, "'\(elementName)' is not a value of \(set.facts[each].name)")
                        continue
                    }
                    if let message = answer.problem?.message { problem(.answer(index, element: elementIndex), message); continue }
                    elementAnswers[index, default: []].append(ElementAnswer(element: elementIndex, value: answer.value, position: .start))
                case (nil, _?):
                    problem(nil, "\(id) is not asked per element")
                case (_?, nil):
                    problem(.answer(index, element: nil), "\(id) is answered per element")
                }
            default:
                problem(nil, "unknown field '\(name)'")
            }
        }
        for (index, elements) in setElements {
            if elements == ["[]"] {
                record.facts[index] = .set(0)
                continue
            }
            do throws(CaseSchema.ValueProblem) {
                record.facts[index] = try schema.value(elements.joined(separator: ";"), ofFact: index)
            } catch {
                problem(.fact(index), elements.contains("[]") ? "choose either 'none' or values, not both" : error.message)
            }
        }
        for (index, answers) in elementAnswers { record.answers[index] = .perElement(answers.sorted { $0.element < $1.element }) }
        if record.id.isEmpty { problem(.caseID, "a case needs an id") }
        return Reading(record: record, problems: problems)
    }

    /// `fact:NAME` → ("fact", "NAME"); `case` → ("case", "").
    private static func split(_ name: String) -> (String, String) {
        guard let colon = name.firstIndex(of: ":") else { return (name, "") }
        return (String(name[..<colon]), String(name[name.index(after: colon)...]))
    }

    /// `QUESTION[ELEMENT]` → (QUESTION, ELEMENT).
    private static func splitElement(_ key: String) -> (String, String?) {
        guard key.hasSuffix("]"), let open = key.firstIndex(of: "[") else { return (key, nil) }
        return (String(key[..<open]), String(key[key.index(after: open)..<key.index(before: key.endIndex)]))
    }
}

extension String {
    /// Line breaks written `\r\n` or `\r` become `\n`.
    func normalisingLineBreaks() -> String {
        var out = ""
        var previous: Unicode.Scalar?
        for scalar in unicodeScalars {
            if scalar == "\r" {
                out += "\n"
            } else if !(scalar == "\n" && previous == "\r") {
                out.unicodeScalars.append(scalar)
            }
            previous = scalar
        }
        return out
    }

    func trimmingTrailingWhitespace() -> String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}

extension CaseFormFields {
    /// The field each diagnostic about a case file points at (the value of a fact or an answer),
    /// by the positions the record was read with; diagnostics about no one field are keyed by nil.
    public static func locate(_ diagnostics: [Diagnostic], in record: CaseRecord) -> [Field?: [Diagnostic]] {
        var byPosition: [SourcePosition: Field] = [:]
        for (index, position) in record.positions.facts { byPosition[position] = .fact(index) }
        for (index, position) in record.positions.answers { byPosition[position] = .answer(index, element: nil) }
        for (index, answer) in record.answers.enumerated() {
            guard case .perElement(let list)? = answer else { continue }
            for element in list { byPosition[element.position] = .answer(index, element: element.element) }
        }
        var located: [Field?: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            let field = diagnostic.location.flatMap { $0.path == record.source.path ? byPosition[$0.position] : nil }
            located[field, default: []].append(diagnostic)
        }
        return located
    }
}
