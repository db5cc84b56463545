/// The per-case gaps job, in one pass over the input. Ungrouped, gaps are written in input order as
/// the cases are read. Grouped by facts (`--by offender_manager`, `--by team,offender_manager`),
/// each case's gaps are kept by group in a ``GapStore`` while each group is summed up (cases, gaps,
/// sufficient answers); at the end the summary is written, then the groups one by one. A group is
/// one value of each fact; by a set fact, a case is listed under each element it has, or under
/// "(none)"; the totals count it once.
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
        var summary = Summary()
        writer.begin(set)
        let store = GapStore<GroupPath>()
        var groups: [GroupPath: Group] = [:]
        summary.read = collect(stream, by: by, keeps: !by.isEmpty, report: report, merge: { part in
            summary.gaps += part.gaps
            summary.casesWithGaps += part.casesWithGaps
            if by.isEmpty {
                for item in part.cases { if let entry = item.entry { writer.write(entry) } }
            } else {
                keep(part, in: store, &groups)
            }
        })
        if !by.isEmpty { write(store, groups, by: by, set, to: &writer) }
        writer.end(summary)
        return summary
    }

    /// Adds a piece's gap cases to their groups, and sums the groups up.
    static func keep(_ part: Part, in store: GapStore<GroupPath>, _ groups: inout [GroupPath: Group]) {
        for item in part.cases {
            for key in item.keys {
                store.open(key)
                if !item.encoded.isEmpty { store.add(encoded: item.encoded, to: key) }
                var group = groups[key] ?? Group(keys: key.keys)
                group.cases += 1
                group.gaps += item.gaps
                group.casesWithGaps += item.gaps > 0 ? 1 : 0
                group.sufficient += item.sufficient
                group.assessed += item.assessed
                groups[key] = group
            }
        }
    }

    /// Writes the stored gap cases group by group: grouped by facts, the groups' summary first and a
    /// heading per group.
    static func write(
        _ store: GapStore<GroupPath>, _ groups: [GroupPath: Group], by: [Int], _ set: CriteriaSet, to writer: inout some GapWriter
    ) {
        let facts = by.map { set.facts[$0] }
        let order = store.keys
        if !by.isEmpty { writer.summary(facts, order.compactMap { groups[$0] }) }
        for key in order {
            if !by.isEmpty { writer.group(facts, key.keys) }
            store.forEach(in: key) { writer.write($0) }
        }
    }

    /// What a piece of input gives: per case, the groups it falls under, its gaps (if any) and its
    /// counts for the groups' summary.
    struct Part: Sendable {
        struct Item: Sendable {
            var keys: [GroupPath]
            /// The case's gaps, to write as they come; nil with none, or when they are kept.
            var entry: GapCase?
            /// The case's gaps in the form a ``GapStore`` keeps, when they are kept; empty with none.
            var encoded: [UInt8]
            var gaps: Int
            var sufficient: Int
            var assessed: Int
        }

        var cases: [Item] = []
        var gaps = 0
        var casesWithGaps = 0
    }

    /// Reads and evaluates every case, handing each piece's gaps to `merge` in input order; with
    /// `aggregate`, scores them too. With `keeps`, each case's gaps come encoded for a ``GapStore``
    /// (the workers encode them, not the calling thread).
    static func collect(
        _ stream: CaseStream, by: [Int], keeps: Bool, aggregate: Aggregate? = nil, report: ([Diagnostic]) -> Void,
        merge: (Part) -> Void, scores: ((Aggregate) -> Void)? = nil
    ) -> CaseStream.Summary {
        let set = stream.schema.set
        let evaluator = Evaluator(set)
        return stream.forEach(start: { (Part(), aggregate) }, add: { part, record, _ in
            let evaluation = evaluator.evaluate(record)
            part.1?.add(evaluation)
            let gaps = evaluation.gaps(set)
            part.0.gaps += gaps.count
            if !gaps.isEmpty { part.0.casesWithGaps += 1 }
            var sufficient = 0
            var assessed = 0
            if !by.isEmpty {
                for result in evaluation.results where set.questions[result.question].scored {
                    if result.kind == .sufficient { sufficient += 1 }
                    if result.kind == .sufficient || result.kind == .insufficient { assessed += 1 }
                }
            }
            let entry = gaps.isEmpty ? nil : GapCase(record, gaps)
            var encoded: [UInt8] = []
            if keeps { entry?.encode(into: &encoded) }
            part.0.cases.append(Part.Item(
                keys: GroupPath.combinations(by.map { GroupKey.keys(of: record.facts[$0]) }), entry: keeps ? nil : entry,
                encoded: encoded, gaps: gaps.count, sufficient: sufficient, assessed: assessed))
            return evaluation.findings
        }, merge: { part in
            merge(part.0)
            if let aggregate = part.1 { scores?(aggregate) }
        }, report: report)
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
    mutating func write(_ entry: GapCase)
    mutating func end(_ summary: GapsRun.Summary)
}

extension GapWriter {
    /// Writers that sum groups up elsewhere (the report) leave the summary out.
    public mutating func summary(_ facts: [Fact], _ groups: [GapsRun.Group]) {}
}
