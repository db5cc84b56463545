/// Scores split by one fact: a scorecard per value, in the value order of ``GroupKey``.
public struct BreakdownScores: Sendable {
    public var fact: Int
    public var groups: [(key: GroupKey, scorecard: Scorecard)]

    public init(fact: Int, groups: [(key: GroupKey, scorecard: Scorecard)]) {
        self.fact = fact
        self.groups = groups
    }
}

/// Everything `caseaudit score` reports.
public struct ScoreResult: Sendable {
    public var scorecard: Scorecard
    public var breakdowns: [BreakdownScores]
    public var profile: [ProfileCount]
    /// What reading the inputs found.
    public var summary: CaseStream.Summary
    public var set: CriteriaSet { scorecard.set }

    public init(scorecard: Scorecard, breakdowns: [BreakdownScores], profile: [ProfileCount], summary: CaseStream.Summary) {
        self.scorecard = scorecard
        self.breakdowns = breakdowns
        self.profile = profile
        self.summary = summary
    }
}

/// The scoring job: stream the cases, evaluate each, fold it into the aggregate.
public enum ScoreRun {
    /// Scores every case of `stream`. Diagnostics (reading problems, findings about the data) go to
    /// `report` as they are found; with `each`, each case's evaluation goes to it on the calling
    /// thread, in input order (to store per-case results; a worker keeps its piece's until merged).
    public static func run(
        _ stream: CaseStream, by: [Int] = [], profile: [Int], report: ([Diagnostic]) -> Void,
        each: ((CaseEvaluation) -> Void)? = nil
    ) -> ScoreResult {
        let set = stream.schema.set
        let evaluator = Evaluator(set)
        let keepsEvaluations = each != nil
        var aggregate = Aggregate(set, by: by, profile: profile)
        let summary = stream.forEach(start: { (Aggregate(set, by: by, profile: profile), [CaseEvaluation]()) }, add: { partial, record, _ in
            let evaluation = evaluator.evaluate(record)
            partial.0.add(evaluation)
            if keepsEvaluations { partial.1.append(evaluation) }
            return evaluation.findings
        }, merge: { partial in
            aggregate.merge(partial.0)
            partial.1.forEach { each?($0) }
        }, report: report)
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
