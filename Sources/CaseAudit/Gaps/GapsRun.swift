/// The per-case gaps job. Gaps stream out as each case is evaluated; none are held. Grouped by
/// facts (`--by offender_manager`, `--by team,offender_manager`), a first pass finds each group's
/// inputs and sums it up (cases, gaps, sufficient answers), and a second reads, per group, only the
/// inputs holding its cases. A group is one value of each fact; by a set fact, a case is listed
/// under each element it has, or under "(none)"; the totals count it once.
public enum GapsRun {
    /// What a gaps run found.
    public struct Summary: Sendable {
        public var read = CaseStream.Summary()
        public var gaps = 0
        public var casesWithGaps = 0
    }

    /// One group of a grouped run, summed up before its cases are listed.
    public struct Group: Sendable {
        /// One value per `--by` fact.
        public var keys: [GroupKey]
        public var cases = 0
        public var casesWithGaps = 0
        public var gaps = 0
        /// Scored answers above the line, and all scored answers (sufficient or insufficient).
        public var sufficient = 0
        public var assessed = 0

        /// Sufficient ÷ assessed, nil with none assessed.
        public var score: Double? { assessed > 0 ? Double(sufficient) / Double(assessed) : nil }
    }

    public static func run(
        _ stream: CaseStream, by: [Int], to writer: inout some GapWriter, report: ([Diagnostic]) -> Void
    ) -> Summary {
        let set = stream.schema.set
        let evaluator = Evaluator(set)
        var summary = Summary()
        writer.begin(set)
        func count(_ gaps: [Gap]) {
            summary.gaps += gaps.count
            if !gaps.isEmpty { summary.casesWithGaps += 1 }
        }
        guard !by.isEmpty else {
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
        var groups: [[GroupKey]: (group: Group, inputs: Set<Int>)] = [:]
        summary.read = stream.forEach(report: report) { record, input in
            let evaluation = evaluator.evaluate(record)
            let gaps = evaluation.gaps(set)
            count(gaps)
            let scored = evaluation.results.filter { set.questions[$0.question].scored }
            let sufficient = scored.count(where: { $0.kind == .sufficient })
            let assessed = sufficient + scored.count(where: { $0.kind == .insufficient })
            for keys in combinations(record, by) {
                var entry = groups[keys] ?? (Group(keys: keys), [])
                entry.inputs.insert(input)
                entry.group.cases += 1
                entry.group.gaps += gaps.count
                entry.group.casesWithGaps += gaps.isEmpty ? 0 : 1
                entry.group.sufficient += sufficient
                entry.group.assessed += assessed
                groups[keys] = entry
            }
            return evaluation.findings
        }
        let facts = by.map { set.facts[$0] }
        let order = groups.keys.sorted { $0.lexicographicallyPrecedes($1) }
        writer.summary(facts, order.compactMap { groups[$0]?.group })
        for keys in order {
            writer.group(facts, keys)
            stream.forEach(only: groups[keys]?.inputs, skipping: summary.read.duplicates, report: { _ in }) { record, _ in
                guard combinations(record, by).contains(keys) else { return [] }
                writer.write(record, evaluator.evaluate(record).gaps(set))
                return []
            }
        }
        writer.end(summary)
        return summary
    }

    /// The groups a case falls under: one key per fact, every combination (a set fact gives one
    /// per element).
    static func combinations(_ record: CaseRecord, _ by: [Int]) -> [[GroupKey]] {
        by.reduce([[]]) { partial, fact in
            GroupKey.keys(of: record.facts[fact]).flatMap { key in partial.map { $0 + [key] } }
        }
    }
}

/// Writes gaps as they stream past, in one output format.
public protocol GapWriter {
    mutating func begin(_ set: CriteriaSet)
    /// The groups of a grouped run (`--by`), before the first of them, in order.
    mutating func summary(_ facts: [Fact], _ groups: [GapsRun.Group])
    /// A new group of cases (`--by`): one value per fact.
    mutating func group(_ facts: [Fact], _ keys: [GroupKey])
    /// One case's gaps (possibly none).
    mutating func write(_ record: CaseRecord, _ gaps: [Gap])
    mutating func end(_ summary: GapsRun.Summary)
}

extension GapWriter {
    /// Writers that sum groups up elsewhere (the report) leave the summary out.
    public mutating func summary(_ facts: [Fact], _ groups: [GapsRun.Group]) {}
}
