import YAMLKit

extension CaseStream {
    /// Reads every input once on the calling thread, each case as a record of this stream's schema
    /// and of `other` (a second criteria set's), so a case can be evaluated under both as it
    /// streams past (`rules diff`). The second reading's findings are reported too, where the first
    /// did not report the same. Each YAML document is read as a tree, which both readings share.
    @discardableResult
    public func forEach(
        alongside other: CaseSchema, report: ([Diagnostic]) -> Void, _ body: (CaseRecord, CaseRecord?) -> [Diagnostic]
    ) -> Summary {
        var summary = Summary()
        var registry = CaseIDRegistry()
        for (number, input) in inputs.enumerated() {
            var pending: [Diagnostic] = []
            var alongside: [Diagnostic] = []
            var found = 0
            var reported = false
            func add(_ diagnostic: Diagnostic) {
                reported = true
                pending.append(pseudonymiser == nil ? diagnostic : diagnostic.withoutSourceText)
            }
            func addAlongside(_ diagnostic: Diagnostic) {
                reported = true
                alongside.append(pseudonymiser == nil ? diagnostic : diagnostic.withoutSourceText)
            }
            // Reports what was found before `offset` (everything when nil), in source order: records
            // come in source order, so nothing found later lies before the record being read. The
            // second reading's findings join the first's where they differ.
            func flush(before offset: Int?) {
                if !alongside.isEmpty {
                    let first = Set(pending)
                    pending.append(contentsOf: alongside.filter { !first.contains($0) })
                    alongside.removeAll()
                }
                guard !pending.isEmpty else { return }
                pending = pending.sortedForOutput()
                let split = offset.map { offset in
                    pending.firstIndex { ($0.location?.position.offset ?? -1) >= offset } ?? pending.count
                } ?? pending.count
                guard split > 0 else { return }
                let batch = Array(pending[..<split])
                pending.removeFirst(split)
                summary.errors += batch.count(of: .error)
                summary.warnings += batch.count(of: .warning)
                report(batch)
            }
            func accept(_ record: CaseRecord, _ second: CaseRecord?) {
                found += 1
                var record = record
                var second = second
                record.id = Self.normalised(record.id)
                // What is pending was found since the last case: in this one's document (before its
                // `case:` key too), a duplicate's included. The id is hidden there before any is reported.
                let pseudonym = pseudonymiser.map { pseudonymiser in
                    let pseudonym = pseudonymiser.pseudonym(for: record.id)
                    pseudonymiser.hide(record.id, as: pseudonym, in: &record, diagnostics: &pending[...])
                    if var copy = second {
                        pseudonymiser.hide(record.id, as: pseudonym, in: &copy, diagnostics: &alongside[...])
                        second = copy
                    }
                    return pseudonym
                }
                flush(before: record.positions.record.offset)
                let key = RecordKey(input: number, offset: record.positions.record.offset)
                if let first = registry.register(
                    record.id, input: number, position: record.positions.record, idsIn: caseIDs) {
                    let shown = pseudonym ?? record.id
                    add(Diagnostic(
                        .error, code: "case.duplicate-id",
                        "case id '\(shown)' is used twice; this case is skipped", at: record.location,
                        notes: [Diagnostic.Note("'\(shown)' first appears here",
                                                at: SourceLocation(path: self.inputs[first.input].path, position: first.position))]))
                    summary.duplicates.insert(key)
                    return
                }
                summary.cases += 1
                if let pseudonym {
                    record.id = pseudonym
                    record.hidesSource = true
                }
                second?.id = record.id
                second?.hidesSource = record.hidesSource
                body(record, second).forEach(add)
            }
            switch source(of: number) {
            case .failure(let error):
                summary.unreadable += 1
                add(Diagnostic(error, in: SourceText(path: input.path, bytes: [])))
            case .success(let source):
                if format(input, source) == .csv {
                    CSVCaseReader(schema: schema).read(
                        source, alongside: CSVCaseReader(schema: other), report: add, reportAlongside: addAlongside, body: accept)
                } else {
                    let reader = YAMLCaseReader(schema: schema)
                    let secondReader = YAMLCaseReader(schema: other)
                    let errors = YAMLLoader.forEachDocument(in: source, limits: limits) { document, problems in
                        for problem in problems { add(Diagnostic(problem, in: source)) }
                        if let record = reader.read(document, report: add) {
                            accept(record, secondReader.read(document, report: addAlongside))
                        }
                    }
                    for error in errors { add(Diagnostic(error, in: source)) }
                }
                if source.changedWhileRead {
                    summary.unreadable += 1
                    add(Diagnostic(.changedWhileRead(source), in: source))
                }
                if found == 0, !reported {
                    add(Diagnostic(.warning, code: "input.empty", "this file holds no case", at: SourceLocation(source, .start)))
                }
            }
            flush(before: nil)
        }
        return summary
    }
}
