/// Scores split by one fact: a scorecard per value, in the value order of ``GroupKey``.
public struct BreakdownScores: Sendable {
    public var fact: Int
    public var groups: [(key: GroupKey, scorecard: Scorecard)]
}

/// Everything `caseaudit score` reports.
public struct ScoreResult: Sendable {
    public var scorecard: Scorecard
    public var breakdowns: [BreakdownScores]
    public var profile: [ProfileCount]
    /// What reading the inputs found.
    public var summary: CaseStream.Summary
    public var set: CriteriaSet { scorecard.set }
}

/// The scoring job: stream the cases, evaluate each, fold it into the aggregate.
public enum ScoreRun {
    /// Scores every case of `stream`. Diagnostics (reading problems, findings about the data) go to
    /// `report` as they are found.
    public static func run(
        _ stream: CaseStream, by: [Int] = [], profile: [Int], report: ([Diagnostic]) -> Void
    ) -> ScoreResult {
        let set = stream.schema.set
        let evaluator = Evaluator(set)
        var aggregate = Aggregate(set, by: by, profile: profile)
        let summary = stream.forEach(start: { Aggregate(set, by: by, profile: profile) }, add: { partial, record, _ in
            let evaluation = evaluator.evaluate(record)
            partial.add(evaluation)
            return evaluation.findings
        }, merge: { aggregate.merge($0) }, report: report)
        return result(aggregate, summary)
    }

    /// The scores of what `aggregate` counted.
    static func result(_ aggregate: Aggregate, _ summary: CaseStream.Summary) -> ScoreResult {
        let set = aggregate.set
        return ScoreResult(
            scorecard: Scorecard(set, aggregate.tally),
            breakdowns: aggregate.breakdowns.map { breakdown in
                BreakdownScores(
                    fact: breakdown.fact,
                    groups: breakdown.groups.keys.sorted().compactMap { key in
                        breakdown.groups[key].map { (key, Scorecard(set, $0)) }
                    })
            },
            profile: aggregate.profile, summary: summary)
    }
}
