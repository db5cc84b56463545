/// The columns of a spreadsheet of cases (DESIGN §5), as `CSVCaseReader` reads them: `case`,
/// `assessor`, every fact, every question that is answered (a `for_each` question as one column
/// per element of its set fact, `id[element]`), then `note:id` columns. A computed question gets a
/// column only when asked for (a case that answers it anyway).
public struct CaseCSVColumns: Sendable {
    private enum Column: Sendable {
        case id, assessor
        case fact(Int)
        case answer(Int)
        case element(question: Int, element: Int)
        case note(Int)
    }

    public let set: CriteriaSet
    private let columns: [Column]

    /// The full header: every fact and question; `computed` adds computed questions, `notes` adds
    /// a note column for each of those questions.
    public init(set: CriteriaSet, computed: Set<Int> = [], notes: Set<Int> = []) {
        self.set = set
        var columns: [Column] = [.id, .assessor]
        columns += set.facts.indices.map { .fact($0) }
        for (index, question) in set.questions.enumerated() where question.compute == nil || computed.contains(index) {
            if let each = question.forEach {
                columns += set.facts[each].values.indices.map { .element(question: index, element: $0) }
            } else {
                columns.append(.answer(index))
            }
        }
        columns += notes.sorted().map { .note($0) }
        self.columns = columns
    }

    /// The columns that write every part of these cases.
    public init(set: CriteriaSet, for records: [CaseRecord]) {
        var computed = Set<Int>()
        var notes = Set<Int>()
        for record in records {
            notes.formUnion(record.notes.keys)
            for (index, answer) in record.answers.enumerated() where answer != nil && set.questions[index].compute != nil {
                computed.insert(index)
            }
        }
        self.init(set: set, computed: computed, notes: notes)
    }

    public var header: [String] {
        columns.map { column in
            switch column {
            case .id: return "case"
            case .assessor: return "assessor"
            case .fact(let index): return set.facts[index].name
            case .answer(let index): return set.questions[index].id
            case .element(let index, let element): return set.instanceID(index, element: element)
            case .note(let index): return "note:" + set.questions[index].id
            }
        }
    }

    /// One case as a row: an empty cell for what it does not record.
    public func row(_ record: CaseRecord) -> [String] {
        columns.map { column in
            switch column {
            case .id: return record.id
            case .assessor: return record.assessor ?? ""
            case .fact(let index): return record.facts[index].map { Self.cell($0, set.facts[index]) } ?? ""
            case .answer(let index):
                guard case .single(let value) = record.answers[index] else { return "" }
                return value.text(set.scales[set.questions[index].scale])
            case .element(let index, let element):
                guard case .perElement(let answers) = record.answers[index],
                      let answer = answers.last(where: { $0.element == element }) else { return "" }
                return answer.value.text(set.scales[set.questions[index].scale])
            case .note(let index): return record.notes[index] ?? ""
            }
        }
    }

    /// A fact value as a cell: a set as `a;b`, `[]` when empty.
    static func cell(_ value: FactValue, _ fact: Fact) -> String {
        guard case .set(let bits) = value else { return value.text(fact) }
        return bits == 0 ? "[]" : fact.values.indices.filter { bits & (1 << UInt64($0)) != 0 }.map { fact.values[$0] }.joined(separator: ";")
    }
}

extension AnswerValue {
    /// The answer as written: the option, or the text that is not one.
    public func text(_ scale: Scale) -> String {
        switch self {
        case .option(let index): return scale.options.indices.contains(index) ? scale.options[index] : "?"
        case .invalid(let text): return text
        }
    }
}
