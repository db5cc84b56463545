/// The per-case gaps job. Gaps stream out as each case is evaluated; none are held. Grouped by a
/// fact (`--by offender_manager`), a first pass finds each group's inputs (and counts the gaps) and
/// a second reads, per group, only the inputs holding its cases. Grouped by a set fact, a case is
/// listed under each element it has, or under "(none)"; the totals count it once.
public enum GapsRun {
    /// What a gaps run found.
    public struct Summary: Sendable {
        public var read = CaseStream.Summary()
        public var gaps = 0
        public var casesWithGaps = 0
    }

    public static func run(
        _ stream: CaseStream, by: Int?, to writer: inout some GapWriter, report: ([Diagnostic]) -> Void
    ) -> Summary {
        let set = stream.schema.set
        let evaluator = Evaluator(set)
        var summary = Summary()
        writer.begin(set)
        func count(_ gaps: [Gap]) {
            summary.gaps += gaps.count
            if !gaps.isEmpty { summary.casesWithGaps += 1 }
        }
        guard let by else {
            summary.read = stream.forEach(report: report) { record, _ in
                let evaluation = evaluator.evaluate(record)
                let gaps = evaluation.gaps(set)
                writer.write(record, gaps)
                count(gaps)
                return evaluation.findings
            }
            writer.end(summary)
            return summary
        }
        var inputsOf: [GroupKey: Set<Int>] = [:]
        summary.read = stream.forEach(report: report) { record, input in
            for key in GroupKey.keys(of: record.facts[by]) { inputsOf[key, default: []].insert(input) }
            let evaluation = evaluator.evaluate(record)
            count(evaluation.gaps(set))
            return evaluation.findings
        }
        let fact = set.facts[by]
        for key in inputsOf.keys.sorted() {
            writer.group(fact, key)
            stream.forEach(only: inputsOf[key], skipping: summary.read.duplicates, report: { _ in }) { record, _ in
                guard GroupKey.keys(of: record.facts[by]).contains(key) else { return [] }
                writer.write(record, evaluator.evaluate(record).gaps(set))
                return []
            }
        }
        writer.end(summary)
        return summary
    }
}

/// Writes gaps as they stream past, in one output format.
public protocol GapWriter {
    mutating func begin(_ set: CriteriaSet)
    /// A new group of cases (`--by`).
    mutating func group(_ fact: Fact, _ key: GroupKey)
    /// One case's gaps (possibly none).
    mutating func write(_ record: CaseRecord, _ gaps: [Gap])
    mutating func end(_ summary: GapsRun.Summary)
}
