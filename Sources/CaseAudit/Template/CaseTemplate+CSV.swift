extension CaseTemplate {
    /// The skeleton as CSV. With facts given, the per-case form: comment lines describing each
    /// question column, the header, and one row with the case id and the facts, answer cells empty.
    /// With none, the start of a team's spreadsheet: every fact and question column (one per
    /// element for a `for_each` question) and no row.
    public func csv() -> String {
        if facts.allSatisfy({ $0 == nil }) { return fullHeader() }
        var out = "# Case file for \(set.title) (\(set.id) \(set.version)). Facts given: \(given().isEmpty ? "none" : given()).\n"
        var header = ["case", "assessor"]
        var row = [caseID, ""]
        for (index, fact) in set.facts.enumerated() {
            guard let value = facts[index] else { continue }
            header.append(fact.name)
            if case .set(let bits) = value {
                let names = fact.values.indices.filter { bits & (1 << UInt64($0)) != 0 }.map { fact.values[$0] }
                row.append(names.isEmpty ? "[]" : names.joined(separator: ";"))
            } else {
                row.append(value.text(fact))
            }
        }
        for entry in entries() {
            guard case .answer(let index, let elements, let condition) = entry else { continue }
            let question = set.questions[index]
            let columns = elements.map { $0.map { set.instanceID(index, element: $0) } } ?? [question.id]
            for column in columns {
                header.append(column)
                row.append("")
                out += "# \(column): \(question.text) (\(options(question)))"
                    + (condition.map { " — only if \($0)" } ?? "") + "\n"
            }
        }
        return out + CSVWriter.row(header) + CSVWriter.row(row)
    }

    private func fullHeader() -> String {
        """
        # Cases for \(set.title) (\(set.id) \(set.version)): one row per case, every fact and question.
        # Leave a cell empty when a fact is not recorded or a question does not apply. Dates YYYY-MM-DD;
        # a set fact's elements separated by ';' ([] for none). A note on a question: add a column 'note:<question id>'.
        # Facts, their values and what reads them: caseaudit rules show --facts. Check the file with: caseaudit lint FILE

        """ + CSVWriter.row(CaseCSVColumns(set: set).header)
    }
}
