import YAMLKit

/// Reads a CSV export, one case per row (DESIGN §5). The header names the columns: `case`, then
/// optionally `assessor`, fact names, question ids, `question.id[element]` for a `for_each`
/// question and `note:question.id` for a note. A set fact's cell is `a;b`; an empty cell is absent.
struct CSVCaseReader {
    let schema: CaseSchema

    private enum Column {
        case id, assessor, ignored
        case fact(Int)
        case answer(Int)
        case element(question: Int, element: Int)
        case note(Int)
    }

    func read(_ source: SourceText, report: (Diagnostic) -> Void, body: (CaseRecord) -> Void) {
        read(source, alongside: nil, report: report, reportAlongside: { _ in }) { record, _ in body(record) }
    }

    /// Reads the rows once, each as a record of this reader's schema and, when `other` is given, of
    /// its schema too (`rules diff` scores every case under two sets in one pass). The other
    /// reader's findings go to `reportAlongside`.
    func read(
        _ source: SourceText, alongside other: CSVCaseReader?, report: (Diagnostic) -> Void,
        reportAlongside: (Diagnostic) -> Void, body: (CaseRecord, CaseRecord?) -> Void
    ) {
        var columns: [Column]?
        var otherColumns: [Column] = []
        var names: [String] = []
        var headerCount = 0
        var readable = true
        func flagger(_ report: @escaping (Diagnostic) -> Void) -> (String, String, SourcePosition, String?) -> Void {
            { code, message, position, fixIt in
                // The warnings here: an id a derived set renamed or removed, a set element given twice.
                let severity: Severity = ["case.renamed-id", "case.removed-id", "case.repeated-element"].contains(code) ? .warning : .error
                report(Diagnostic(severity, code: code, message, at: SourceLocation(source, position), fixIt: fixIt.map { .init(replacement: $0) }))
            }
        }
        withoutActuallyEscaping(report) { report in
            withoutActuallyEscaping(reportAlongside) { reportAlongside in
                let flag = flagger(report)
                let flagAlongside = flagger(reportAlongside)
                readable = CSVTable(source: source).forEachRow(report: report) { cells in
                    guard let header = columns else {
                        columns = self.header(cells, flag)
                        if let other { otherColumns = other.header(cells, flagAlongside) }
                        names = cells.map { $0.text.trimmingSpaces() }
                        headerCount = cells.count
                        return
                    }
                    if cells.count != headerCount, let first = cells.first {
                        flag("csv.row-length", "this row has \(cells.count) cells and the header \(headerCount)", first.position, nil)
                    }
                    if let record = row(cells, header, names, source, flag) {
                        body(record, other?.row(cells, otherColumns, names, source, flagAlongside))
                    }
                }
            }
        }
        if columns == nil, readable {
            // Nothing to read: a warning, as an empty YAML file holds no case either.
            report(Diagnostic(.warning, code: "csv.no-header", "this CSV file has no header row (case, then facts and question ids)",
                              at: SourceLocation(source, .start)))
        }
    }

    private func header(_ cells: [CSVCell], _ flag: (String, String, SourcePosition, String?) -> Void) -> [Column] {
        var seen: [String: (number: Int, position: SourcePosition)] = [:]
        var columns: [Column] = []
        for (number, cell) in cells.enumerated() {
            let name = cell.text.trimmingSpaces()
            if let first = seen[name] {
                flag("csv.duplicate-column",
                     "column \(messageQuote(name)) appears twice (first as column \(first.number + 1), at \(first.position.line):\(first.position.column)); this one is ignored",
                     cell.position, nil)
                columns.append(.ignored)
                continue
            }
            seen[name] = (number, cell.position)
            columns.append(column(named: name, at: cell.position, flag))
        }
        if seen["case"] == nil, let first = cells.first {
            flag("csv.missing-case-column", "the header has no 'case' column: every row needs a case id", first.position, nil)
        }
        return columns
    }

    private func column(named name: String, at position: SourcePosition, _ flag: (String, String, SourcePosition, String?) -> Void) -> Column {
        if name == "case" { return .id }
        if name == "assessor" { return .assessor }
        if let index = schema.fact(named: name) { return .fact(index) }
        // Ids a derived set renamed or removed: .some(index), or .some(nil) when removed (both warned); nil when unknown.
        func retired(_ kind: ItemKind, _ id: String) -> Int?? {
            guard let retired = schema.retired(kind, id) else { return nil }
            flag(retired.code, retired.message, position, nil)
            return .some(retired.index)
        }
        func question(_ id: String) -> Int?? { schema.question(id: id).map { .some($0) } ?? retired(.question, id) }
        if let found = retired(.fact, name) { return found.map(Column.fact) ?? .ignored }
        if name.hasPrefix("note:") {
            let id = String(name.dropFirst(5))
            if let found = question(id) { return found.map(Column.note) ?? .ignored }
            let unknown = schema.unknownQuestion(id)
            flag("case.unknown-question", unknown.message, position, unknown.suggestion.map { "note:" + $0 })
            return .ignored
        }
        if let open = name.firstIndex(of: "["), name.hasSuffix("]") {
            let id = String(name[..<open])
            let elementName = String(name[name.index(after: open)..<name.index(before: name.endIndex)])
            guard let found = question(id) else {
                let unknown = schema.unknownQuestion(id)
                flag("case.unknown-question", unknown.message, position, unknown.suggestion.map { "\($0)[\(elementName)]" })
                return .ignored
            }
            guard let index = found else { return .ignored }
            guard let fact = schema.set.questions[index].forEach else {
                flag("csv.not-per-element", "\(id) is asked once per case, not per element: name the column '\(id)'", position, id)
                return .ignored
            }
            do throws(CaseSchema.ValueProblem) {
                return .element(question: index, element: try schema.element(elementName, of: fact))
            } catch {
                flag("case.fact-value", error.message, position, error.suggestion.map { "\(id)[\($0)]" })
                return .ignored
            }
        }
        if let found = question(name) {
            guard let index = found else { return .ignored }
            if let fact = schema.set.questions[index].forEach {
                let element = schema.set.facts[fact].values.first ?? "element"
                flag("case.per-element", "\(name) is asked once per element of \(schema.set.facts[fact].name): use one column per element, e.g. '\(name)[\(element)]'", position, nil)
                return .ignored
            }
            return .answer(index)
        }
        let factGuess = schema.unknownFact(name)
        let questionGuess = schema.unknownQuestion(name)
        if let suggestion = questionGuess.suggestion, factGuess.suggestion == nil || name.contains(".") {
            flag("case.unknown-question", questionGuess.message, position, suggestion)
        } else if factGuess.suggestion != nil {
            flag("case.unknown-fact", factGuess.message, position, factGuess.suggestion)
        } else {
            flag("csv.unknown-column", "unknown column \(messageQuote(name)): not a fact, a question id, 'case', 'assessor' or 'note:<question>'", position, nil)
        }
        return .ignored
    }

    private func row(
        _ cells: [CSVCell], _ columns: [Column], _ names: [String], _ source: SourceText,
        _ report: (String, String, SourcePosition, String?) -> Void
    ) -> CaseRecord? {
        var number = 0
        /// A problem in a cell, named by its column as a spreadsheet shows it.
        func flag(_ code: String, _ message: String, _ position: SourcePosition, _ fixIt: String?) {
            report(code, message + " (column \(number + 1) \(Self.letters(number)) '\(names[number])')", position, fixIt)
        }
        let start = cells.first?.position ?? .start
        guard let idColumn = columns.firstIndex(where: { if case .id = $0 { return true } else { return false } }) else { return nil }
        let id = idColumn < cells.count ? CSVWriter.unguarded(cells[idColumn].text.trimmingSpaces()) : ""
        guard !id.isEmpty else {
            report("case.missing-id", "this row has no case id; it is skipped", idColumn < cells.count ? cells[idColumn].position : start, nil)
            return nil
        }
        if let problem = CaseIDRule.problem(id) {
            report("case.invalid-id", problem + "; the row is skipped", cells[idColumn].position, nil)
            return nil
        }
        var record = CaseRecord(
            id: id, assessor: nil, facts: Array(repeating: nil, count: schema.set.facts.count),
            answers: AnswerTable(count: schema.set.questions.count), notes: [:], source: source,
            positions: CasePositions(record: cells[idColumn].position))
        record.positions.start = start
        for (index, (cell, column)) in zip(cells, columns).enumerated() {
            number = index
            let text = CSVWriter.unguarded(cell.text.trimmingSpaces())
            if text.isEmpty { continue }
            switch column {
            case .id, .ignored:
                continue
            case .assessor:
                record.assessor = text
            case .fact(let index):
                do throws(CaseSchema.ValueProblem) {
                    record.facts[index] = try schema.value(text, ofFact: index)
                    record.positions.facts[index] = cell.position
                    if schema.set.facts[index].type == .set {
                        var seen = Set<String>()
                        for element in text.split(separator: ";").map({ $0.trimmingSpaces() }) where !element.isEmpty && !seen.insert(element).inserted {
                            flag("case.repeated-element", "\(element) is listed twice in \(schema.set.facts[index].name)", cell.position, nil)
                        }
                    }
                } catch {
                    flag("case.fact-value", error.message, cell.position, error.suggestion)
                    record.positions.rejectedFacts.insert(index)
                }
            case .answer(let index):
                let answer = schema.answer(text, to: index)
                if let problem = answer.problem { flag("case.answer-not-in-scale", problem.message, cell.position, problem.suggestion) }
                record.answers[index] = .single(answer.value)
                record.positions.answers[index] = cell.position
            case .element(let index, let element):
                let answer = schema.answer(text, to: index)
                if let problem = answer.problem { flag("case.answer-not-in-scale", problem.message, cell.position, problem.suggestion) }
                var answers: [ElementAnswer] = []
                if case .perElement(let earlier) = record.answers[index] { answers = earlier }
                answers.append(ElementAnswer(element: element, value: answer.value, position: cell.position))
                record.answers[index] = .perElement(answers)
                if record.positions.answers[index] == nil { record.positions.answers[index] = cell.position }
            case .note(let index):
                record.notes[index] = CSVWriter.unguarded(cell.text)
            }
        }
        return record
    }

    /// A column's name in a spreadsheet: A … Z, AA, AB, …
    static func letters(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }
}
