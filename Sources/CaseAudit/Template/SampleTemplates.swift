import YAMLKit

/// Case-file skeletons for a drawn sample (`caseaudit template --from-sample`): one per sampled
/// case, with the facts the sample's columns give (those named like a fact of the set).
public enum SampleTemplates {
    /// The skeletons of a sample file written by `caseaudit sample`, in draw order (the sample,
    /// then, when asked, the reserves). A row whose values the set rejects is a located error and
    /// gives no skeleton.
    public static func read(
        _ source: SourceText, set: CriteriaSet, includeReserves: Bool
    ) -> (templates: [CaseTemplate], diagnostics: [Diagnostic]) {
        let read = Caseload.read(source, set: set)
        guard let sample = read.caseload else { return ([], read.diagnostics) }
        guard let status = sample.column(named: "status") else {
            return ([], read.diagnostics + [Diagnostic(
                .error, code: "sample.not-a-sample",
                "this file has no 'status' column: give a sample written by 'caseaudit sample'",
                at: SourceLocation(source, .start))])
        }
        let factColumns = set.facts.indices.map { sample.column(named: set.facts[$0].name) }
        var templates: [CaseTemplate] = []
        for row in sample.rows where row.cells[status] == "sample" || (includeReserves && row.cells[status] == "reserve") {
            let facts = factColumns.map { column in column.flatMap { row.values[$0] } }
            templates.append(CaseTemplate(set: set, facts: facts, caseID: row.id))
        }
        return (templates, read.diagnostics)
    }

    /// The file name a case's skeleton is written to, `ID.yaml`; nil when the id holds anything but
    /// letters, digits, `.`, `_` and `-` or starts with a dot, so no id can name a path elsewhere.
    public static func fileName(_ id: String) -> String? {
        guard !id.isEmpty, id.first != ".", id.utf8.count <= 200,
              id.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) })
        else { return nil }
        return id + ".yaml"
    }
}
