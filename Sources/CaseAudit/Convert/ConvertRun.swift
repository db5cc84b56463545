/// `caseaudit convert`: cases rewritten as CSV or YAML, keeping everything a case records — facts,
/// answers, per-element answers, notes, assessor — so a file converted and converted back scores
/// and lints the same. What was rejected on reading (reported as an error) is not carried over.
public enum ConvertRun {
    /// The converted text: one per input when `perInput`, else one for all inputs.
    public struct Result: Sendable {
        public var outputs: [(input: Int, text: String)] = []
        public var read = CaseStream.Summary()
    }

    public static func run(_ stream: CaseStream, to format: CaseFormat, perInput: Bool, report: ([Diagnostic]) -> Void) -> Result {
        let set = stream.schema.set
        var records = [[CaseRecord]](repeating: [], count: stream.inputs.count)
        var result = Result()
        result.read = stream.forEach(report: report) { record, input in
            records[input].append(record)
            return []
        }
        let groups = perInput ? records.indices.map { [$0] } : [Array(records.indices)]
        for group in groups {
            let cases = group.flatMap { records[$0] }
            result.outputs.append((group.first ?? 0, text(cases, set, format)))
        }
        return result
    }

    static func text(_ records: [CaseRecord], _ set: CriteriaSet, _ format: CaseFormat) -> String {
        switch format {
        case .yaml:
            return records.map { CaseYAMLWriter.document($0, set) }.joined(separator: "---\n")
        case .csv:
            let columns = CaseCSVColumns(set: set, for: records)
            return CSVWriter.row(columns.header) + records.map { CSVWriter.row(columns.row($0)) }.joined()
        }
    }
}
