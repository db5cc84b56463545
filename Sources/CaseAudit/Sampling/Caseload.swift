import YAMLKit

/// One row of a caseload extract.
public struct CaseloadRow: Sendable {
    public var id: String
    /// Every cell as written (spaces trimmed), by column; missing cells are empty.
    public var cells: [String]
    /// Every cell typed by its column's fact; nil when empty (not recorded).
    public var values: [FactValue?]
    /// Where the row starts.
    public var position: SourcePosition
}

/// A caseload extract (CSV): a `case` column, then facts. A column is typed by the criteria set's
/// fact of the same name, else by the type a sampling preset declares for it, else read as text.
/// The whole extract is held: a draw needs the whole population.
public struct Caseload: Sendable {
    public let source: SourceText
    /// Every column as a fact: its name as written in the header and its type.
    public var columns: [Fact]
    /// The index of the `case` column.
    public var idColumn: Int
    public var rows: [CaseloadRow]

    /// The column index of a name.
    public func column(named name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// Reads an extract. Problems (syntax, an unknown value of a typed column, a row without an id)
    /// are returned located; rows with an error are kept out of `rows`, so a caller that finds any
    /// error draws nothing. Nil when there is no usable header.
    public static func read(
        _ source: SourceText, set: CriteriaSet, declared: [String: Fact] = [:]
    ) -> (caseload: Caseload?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func flag(_ code: String, _ message: String, _ position: SourcePosition, fixIt: String? = nil) {
            diagnostics.append(Diagnostic(.error, code: code, message, at: SourceLocation(source, position),
                                          fixIt: fixIt.map { .init(replacement: $0) }))
        }
        let schema = CaseSchema(set)
        var columns: [Fact]?
        var typing: CaseSchema?
        var idColumn: Int?
        var rows: [CaseloadRow] = []
        var syntax: [Diagnostic] = []
        let readable = CSVTable(source: source).forEachRow(report: { syntax.append($0) }) { cells in
            guard let header = columns else {
                var seen: [String: SourcePosition] = [:]
                var facts: [Fact] = []
                for cell in cells {
                    let name = cell.text.trimmingSpaces()
                    if let first = seen[name] {
                        flag("csv.duplicate-column", "column '\(name)' appears twice (first at \(first.line):\(first.column)); a caseload column must be named once", cell.position)
                    }
                    seen[name] = seen[name] ?? cell.position
                    if let index = schema.fact(named: name) {
                        facts.append(set.facts[index])
                    } else {
                        facts.append(declared[name] ?? Fact(name: name, type: .string, label: name))
                    }
                }
                idColumn = facts.firstIndex { $0.name == "case" }
                if idColumn == nil, let first = cells.first {
                    flag("csv.missing-case-column", "the header has no 'case' column: every row of a caseload needs a case id", first.position)
                }
                columns = facts
                typing = CaseSchema(set.withFacts(facts))
                return
            }
            guard let idColumn, let typing else { return }
            let start = cells.first?.position ?? .start
            if cells.count != header.count {
                flag("csv.row-length", "this row has \(cells.count) cells and the header \(header.count)", start)
                return
            }
            let id = cells[idColumn].text.trimmingSpaces()
            guard !id.isEmpty else {
                flag("case.missing-id", "this row has no case id", cells[idColumn].position)
                return
            }
            if let problem = CaseIDRule.problem(id) {
                flag("case.invalid-id", problem, cells[idColumn].position)
                return
            }
            var row = CaseloadRow(id: id, cells: [], values: [], position: start)
            var ok = true
            for (column, cell) in cells.enumerated() {
                let text = cell.text.trimmingSpaces()
                row.cells.append(text)
                guard !text.isEmpty, column != idColumn else {
                    row.values.append(column == idColumn ? .string(id) : nil)
                    continue
                }
                do throws(CaseSchema.ValueProblem) {
                    row.values.append(try typing.value(text, ofFact: column))
                } catch {
                    flag("case.fact-value", error.message, cell.position, fixIt: error.suggestion)
                    row.values.append(nil)
                    ok = false
                }
            }
            if ok { rows.append(row) }
        }
        diagnostics.append(contentsOf: syntax)
        guard let columns, let idColumn else {
            if columns == nil, readable {
                diagnostics.append(Diagnostic(.error, code: "csv.no-header", "this caseload has no header row (case, then facts)",
                                              at: SourceLocation(source, .start)))
            }
            return (nil, diagnostics.sortedForOutput())
        }
        return (Caseload(source: source, columns: columns, idColumn: idColumn, rows: rows), diagnostics.sortedForOutput())
    }
}

extension CriteriaSet {
    /// The set with other facts and no questions or checks: the schema of a table whose columns are
    /// these facts, for typing its cells and compiling expressions over them (the set's predicates
    /// and holidays still apply).
    func withFacts(_ facts: [Fact]) -> CriteriaSet {
        var copy = self
        copy.facts = facts
        copy.questions = []
        copy.checks = []
        return copy
    }
}
