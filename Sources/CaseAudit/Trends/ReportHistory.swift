/// The stored rounds a report compares itself with (`report --history DB`): for each outcome and
/// criterion, its figures in each round, in round order.
public struct ReportHistory: Sendable {
    /// Each subject's stored rounds.
    public var rounds: [TrendSubject: [Trend.Round]]
    /// The stored round the report is of (its rounds end there); nil when the report's sample is
    /// not a stored round, and is added after them as "this report".
    public var current: String?

    /// Question renames the stored rounds' sets declare (old id → new id).
    public var renames: [String: String]

    /// The label of the report's own round when it is not stored.
    public static let unstoredLabel = "this report"

    public init(rounds: [TrendSubject: [Trend.Round]], current: String?, renames: [String: String] = [:]) {
        self.rounds = rounds
        self.current = current
        self.renames = renames
    }

    /// The subject's trend over the stored rounds and, unless the report is of a stored round,
    /// the report's own figures.
    public func trend(_ subject: TrendSubject, in card: Scorecard, date: Day?) -> Trend {
        let set = card.set
        var inputs = rounds[subject] ?? []
        let title: String
        let figure: GroupScore?
        switch subject {
        case .outcome(let id):
            title = set.outcomes.first { $0.id == id }?.title ?? id
            figure = set.outcomes.firstIndex { $0.id == id }.map { card.outcomes[$0] }
        case .criterion(let id):
            title = set.criteria.first { $0.id == id }.map { "\($0.id) \($0.title)" } ?? id
            figure = set.criteria.firstIndex { $0.id == id }.map { card.criteria[$0] }
        case .question(let id):
            title = id
            figure = nil
        }
        if current == nil {
            let stamp = RoundStamp(label: Self.unstoredLabel, date: date, setID: set.id, setVersion: set.version, setHash: set.contentHash)
            inputs.append(Trend.Round(
                stamp: stamp,
                figure: figure.map {
                    TrendFigure(score: $0.score, sufficient: $0.sufficient, answers: $0.answers, cases: $0.cases, smallBase: $0.smallBase)
                },
                members: QuestionDefinition.members(set, subject)))
        }
        return Trend(subject, title: title, rounds: inputs, renames: renames.merging(set.retired.renamed[.question] ?? [:]) { _, own in own })
    }

    /// Per outcome of the set (by index): its trend, then each of its criteria's.
    public func trends(_ card: Scorecard, date: Day?) -> [[Trend]] {
        let set = card.set
        return set.outcomes.indices.map { index in
            [trend(.outcome(set.outcomes[index].id), in: card, date: date)]
                + set.criteria.filter { $0.outcome == index }.map { trend(.criterion($0.id), in: card, date: date) }
        }
    }
}
