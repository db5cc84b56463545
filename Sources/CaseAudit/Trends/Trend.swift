/// What a trend follows: one outcome, criterion or question, by id.
public enum TrendSubject: Sendable, Hashable {
    case outcome(String)
    case criterion(String)
    case question(String)

    /// `outcome`, `criterion` or `question`.
    public var level: String {
        switch self {
        case .outcome: return "outcome"
        case .criterion: return "criterion"
        case .question: return "question"
        }
    }

    public var id: String {
        switch self {
        case .outcome(let id), .criterion(let id), .question(let id): return id
        }
    }

    /// The subject of a level (`outcome`, `criterion` or `question`) and an id; nil for another level.
    public init?(level: String, id: String) {
        switch level {
        case "outcome": self = .outcome(id)
        case "criterion": self = .criterion(id)
        case "question": self = .question(id)
        default: return nil
        }
    }
}

/// A recorded round: its label, date and the criteria set it was scored under.
public struct RoundStamp: Sendable, Equatable, Codable {
    public var label: String
    public var date: Day?
    public var setID: String
    public var setVersion: String
    /// The set's content hash (SHA-256): rounds with the same hash were scored by the same rules.
    public var setHash: String

    public init(label: String, date: Day?, setID: String, setVersion: String, setHash: String) {
        self.label = label
        self.date = date
        self.setID = setID
        self.setVersion = setVersion
        self.setHash = setHash
    }

    private enum CodingKeys: String, CodingKey {
        case label, date, setID = "set_id", setVersion = "set_version", setHash = "set_hash"
    }
}

/// One round's stored figures for a subject.
public struct TrendFigure: Sendable, Equatable, Codable {
    /// The score as the round reported it (for outcomes, by the set's method); nil: "–".
    public var score: Double?
    public var sufficient: Int
    /// Sufficient + insufficient answers.
    public var answers: Int
    /// Cases with at least one such answer (the base).
    public var cases: Int
    public var smallBase: Bool

    public init(score: Double?, sufficient: Int, answers: Int, cases: Int, smallBase: Bool) {
        self.score = score
        self.sufficient = sufficient
        self.answers = answers
        self.cases = cases
        self.smallBase = smallBase
    }

    private enum CodingKeys: String, CodingKey {
        case score, sufficient, answers, cases, smallBase = "small_base"
    }
}

/// Whether a change between two rounds is more than the play of chance (docs/history.md).
public enum Verdict: String, Sendable {
    case improved
    case declined
    case noClearChange = "no clear change"
}

/// One round of a trend.
public struct TrendPoint: Sendable {
    public var round: RoundStamp
    /// Nil when the subject (or the group) has no figures in this round.
    public var figure: TrendFigure?
    /// The proportion the interval and the test are on: sufficient ÷ answers, over the answers
    /// for a question and over the cases (the base) for an outcome or criterion.
    public var proportion: Proportion?
    public var interval: (low: Double, high: Double)?
    /// Score minus the previous round's score, when both have one and they are comparable.
    public var change: Double?
    public var z: Double?
    public var verdict: Verdict?
    /// Question ids of the subject added, removed or changed since the previous round's set.
    public var setChanges: [String]
    /// False when the subject cannot be compared with the previous round (a question whose
    /// definition changed): no change or verdict is given.
    public var comparable: Bool
}

/// A subject's figures over the rounds, in round order, with each change and its verdict.
public struct Trend: Sendable {
    public var subject: TrendSubject
    public var title: String
    /// The fact and value of a group, when the trend is split by a fact.
    public var group: (fact: String, value: String)?
    public var points: [TrendPoint]

    /// One round's input: its stamp, its figures for the subject (nil when it has none) and the
    /// definitions of the questions the subject was made of in that round (id → a fingerprint of
    /// applicability, scale and scoring), to tell what changed between sets.
    public struct Round: Sendable, Codable {
        public var stamp: RoundStamp
        public var figure: TrendFigure?
        public var members: [String: String]

        public init(stamp: RoundStamp, figure: TrendFigure?, members: [String: String]) {
            self.stamp = stamp
            self.figure = figure
            self.members = members
        }
    }

    /// Builds the trend. `renames` maps an earlier set's question ids to the later set's (a derived
    /// set's `renames`); an id not in it keeps its name.
    public init(
        _ subject: TrendSubject, title: String, group: (fact: String, value: String)? = nil, rounds: [Round],
        renames: [String: String] = [:]
    ) {
        self.subject = subject
        self.title = title
        self.group = group
        var points: [TrendPoint] = []
        var previous: (round: Round, proportion: Proportion)?
        var previousMembers: [String: String]?
        for round in rounds {
            let proportion = round.figure.flatMap { Self.proportion($0, subject) }
            var point = TrendPoint(
                round: round.stamp, figure: round.figure, proportion: proportion, interval: proportion?.wilson95,
                change: nil, z: nil, verdict: nil, setChanges: [], comparable: true)
            if let earlier = previousMembers {
                point.setChanges = Self.changes(from: earlier, to: round.members, renames: renames)
            }
            if case .question = subject, !point.setChanges.isEmpty { point.comparable = false }
            if point.comparable, let previous, let proportion, let score = round.figure?.score,
               let before = previous.round.figure?.score {
                point.change = score - before
                point.z = Proportion.zStatistic(previous.proportion, proportion)
                point.verdict = point.z.map(Self.verdict)
            }
            points.append(point)
            if round.figure != nil || !round.members.isEmpty { previousMembers = round.members }
            if let proportion { previous = (round, proportion) }
        }
        self.points = points
    }

    /// Improved or declined when |z| ≥ 1.96 (a two-sided test at the 5 % level), else no clear change.
    static func verdict(_ z: Double) -> Verdict {
        guard abs(z) >= Proportion.z95 else { return .noClearChange }
        return z > 0 ? .improved : .declined
    }

    /// The proportion of a figure: over the answers for a question, over the cases (the base) for
    /// an outcome or criterion, whose answers within one case are not independent.
    static func proportion(_ figure: TrendFigure, _ subject: TrendSubject) -> Proportion? {
        guard figure.answers > 0 else { return nil }
        let value = Double(figure.sufficient) / Double(figure.answers)
        if case .question = subject { return Proportion(value: value, n: figure.answers) }
        return figure.cases > 0 ? Proportion(value: value, n: figure.cases) : nil
    }

    /// Ids added, removed or defined differently between two rounds' members, sorted.
    static func changes(from earlier: [String: String], to later: [String: String], renames: [String: String]) -> [String] {
        var renamed: [String: String] = [:]
        for (id, definition) in earlier {
            // Follow a chain of renames (a → b → c), never further than there are renames.
            var current = id
            for _ in 0..<renames.count {
                guard let next = renames[current], next != current else { break }
                current = next
            }
            renamed[current] = definition
        }
        let ids = Set(renamed.keys).union(later.keys)
        return ids.filter { renamed[$0] != later[$0] }.sorted()
    }
}
