import CaseAudit
import GRDB

/// Reading rounds back: the list, one round's scorecard, removal.
extension HistoryStore {
    /// Every round, in round order: by date (undated rounds after dated ones), then as recorded.
    public func rounds() throws(HistoryError) -> [StoredRound] {
        try read { db in try Self.rounds(db) }
    }

    static let roundOrder = "ORDER BY date IS NULL, date, id"

    static func rounds(_ db: Database) throws -> [StoredRound] {
        try Row.fetchAll(db, sql: """
            SELECT label, date, set_id, set_title, set_version, set_sha256, cases, inputs, errors, pseudonymised
            FROM rounds \(roundOrder)
            """).map { row in
            StoredRound(
                stamp: RoundStamp(label: row["label"], date: (row["date"] as String?).flatMap(Day.init(iso:)),
                                  setID: row["set_id"], setVersion: row["set_version"], setHash: row["set_sha256"]),
                setTitle: row["set_title"], cases: row["cases"], inputs: row["inputs"], errors: row["errors"],
                pseudonymised: row["pseudonymised"])
        }
    }

    /// How many cases have per-case results stored for a round.
    public func caseCount(round label: String) throws(HistoryError) -> Int {
        try read { db in
            let round = try Self.roundID(db, label)
            return try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT case_id) FROM case_results WHERE round_id = ?", arguments: [round]) ?? 0
        }
    }

    /// Removes a round and everything stored with it.
    public func remove(_ label: String) throws(HistoryError) {
        try write { db in
            _ = try Self.roundID(db, label)
            try db.execute(sql: "DELETE FROM rounds WHERE label = ?", arguments: [label])
        }
    }

    /// The round as it was scored: its criteria set loaded again from the stored rule text, its
    /// tallies, the breakdowns by `by` (stored profile facts) and the profile; and how many
    /// inputs it was read from.
    public func scoreResult(_ label: String, by: [String] = []) throws(HistoryError) -> (result: ScoreResult, inputs: Int) {
        try read { db in
            let round = try Self.roundID(db, label)
            let stamp = try Row.fetchOne(db, sql: "SELECT * FROM rounds WHERE id = ?", arguments: [round])
            guard let stamp, let set = try StoredSet.load(db, round: round) else { throw HistoryError.storedSetUnreadable(label) }
            let sample = try Int64.fetchOne(db, sql: "SELECT id FROM groups WHERE round_id = ? AND fact IS NULL", arguments: [round])
            guard let sample else { throw HistoryError.storedSetUnreadable(label) }
            let scorecard = try Self.scorecard(db, group: sample, set, label)
            var breakdowns: [BreakdownScores] = []
            for name in by {
                guard let fact = set.fact(named: name) else { throw HistoryError.unknownBreakdown(name) }
                let groups = try Row.fetchAll(db, sql: "SELECT id, value, key_kind FROM groups WHERE round_id = ? AND fact = ?",
                                              arguments: [round, name])
                if groups.isEmpty { throw HistoryError.unknownBreakdown(name) }
                var scored: [(key: GroupKey, scorecard: Scorecard)] = []
                for group in groups {
                    guard let key = Self.key(group["key_kind"], group["value"], set.facts[fact]) else { throw HistoryError.storedSetUnreadable(label) }
                    scored.append((key, try Self.scorecard(db, group: group["id"], set, label)))
                }
                breakdowns.append(BreakdownScores(fact: fact, groups: scored.sorted { $0.key < $1.key }))
            }
            var profile: [ProfileCount] = []
            for fact in Aggregate.defaultProfile(set) {
                var counts: [GroupKey: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT value, key_kind, cases FROM profile_counts WHERE round_id = ? AND fact = ?",
                                            arguments: [round, set.facts[fact].name]) {
                    guard let key = Self.key(row["key_kind"], row["value"], set.facts[fact]) else { throw HistoryError.storedSetUnreadable(label) }
                    counts[key] = row["cases"]
                }
                profile.append(ProfileCount(fact: fact, counts: counts))
            }
            var summary = CaseStream.Summary()
            summary.cases = stamp["cases"]
            summary.errors = stamp["errors"]
            summary.warnings = stamp["warnings"]
            summary.unreadable = stamp["unreadable"]
            return (ScoreResult(scorecard: scorecard, breakdowns: breakdowns, profile: profile, summary: summary), stamp["inputs"])
        }
    }

    /// A group's scorecard, rebuilt from its stored tally.
    private static func scorecard(_ db: Database, group: Int64, _ set: CriteriaSet, _ label: String) throws -> Scorecard {
        let kinds = ResultKind.allCases.map(\.rawValue)
        var results = set.questions.map { _ in [Int](repeating: 0, count: kinds.count) }
        var options = set.questions.map { [Int](repeating: 0, count: set.scales[$0.scale].options.count) }
        var elements: [Int: [[Int]]] = [:]
        var elementCases: [Int: [Int]] = [:]
        for (index, question) in set.questions.enumerated() {
            guard let fact = question.forEach else { continue }
            let size = set.facts[fact].values.count
            elements[index] = Array(repeating: Array(repeating: 0, count: kinds.count), count: size)
            elementCases[fact] = Array(repeating: 0, count: size)
        }
        let broken = HistoryError.storedSetUnreadable(label)
        for row in try Row.fetchAll(db, sql: "SELECT * FROM question_tallies WHERE group_id = ?", arguments: [group]) {
            guard let question = set.question(id: row["question_id"]) else { throw broken }
            results[question] = kinds.map { row[$0] }
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM option_counts WHERE group_id = ?", arguments: [group]) {
            guard let question = set.question(id: row["question_id"]),
                  let option = set.scales[set.questions[question].scale].index(of: row["option"]) else { throw broken }
            options[question][option] = row["count"]
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM element_tallies WHERE group_id = ?", arguments: [group]) {
            guard let question = set.question(id: row["question_id"]), let fact = set.questions[question].forEach,
                  let element = set.facts[fact].values.firstIndex(of: row["element"]) else { throw broken }
            elements[question]?[element] = kinds.map { row[$0] }
        }
        for row in try Row.fetchAll(db, sql: "SELECT * FROM element_cases WHERE group_id = ?", arguments: [group]) {
            guard let fact = set.fact(named: row["fact"]), let element = set.facts[fact].values.firstIndex(of: row["element"]),
                  elementCases[fact] != nil else { throw broken }
            elementCases[fact]?[element] = row["cases"]
        }
        var criterionCases = [Int](repeating: 0, count: set.criteria.count)
        for row in try Row.fetchAll(db, sql: "SELECT criterion_id, cases FROM criterion_scores WHERE group_id = ?", arguments: [group]) {
            guard let index = set.criteria.firstIndex(where: { $0.id == row["criterion_id"] as String }) else { throw broken }
            criterionCases[index] = row["cases"]
        }
        var outcomeCases = [Int](repeating: 0, count: set.outcomes.count)
        for row in try Row.fetchAll(db, sql: "SELECT outcome_id, cases FROM outcome_scores WHERE group_id = ?", arguments: [group]) {
            guard let index = set.outcomes.firstIndex(where: { $0.id == row["outcome_id"] as String }) else { throw broken }
            outcomeCases[index] = row["cases"]
        }
        var tagCases = [Int](repeating: 0, count: set.tags.count)
        var tagCriterionCases = set.tags.map { _ in [Int](repeating: 0, count: set.criteria.count) }
        for row in try Row.fetchAll(db, sql: "SELECT tag, criterion_id, cases FROM tag_cases WHERE group_id = ?", arguments: [group]) {
            guard let tag = set.tags.firstIndex(where: { $0.name == row["tag"] as String }) else { throw broken }
            let criterion: String = row["criterion_id"]
            if criterion.isEmpty {
                tagCases[tag] = row["cases"]
            } else {
                guard let index = set.criteria.firstIndex(where: { $0.id == criterion }) else { throw broken }
                tagCriterionCases[tag][index] = row["cases"]
            }
        }
        let cases = try Int.fetchOne(db, sql: "SELECT cases FROM groups WHERE id = ?", arguments: [group]) ?? 0
        let counts = Tally.Counts(
            cases: cases, results: results, options: options, elements: elements, elementCases: elementCases,
            criterionCases: criterionCases, outcomeCases: outcomeCases, tagCases: tagCases, tagCriterionCases: tagCriterionCases)
        guard let tally = Tally(set, counts: counts) else { throw broken }
        return Scorecard(set, tally)
    }

    /// A stored group key back as a ``GroupKey`` of an enum, ordinal or set fact.
    static func key(_ kind: String, _ value: String, _ fact: Fact) -> GroupKey? {
        switch kind {
        case "none": return .noElement
        case "not_recorded": return .notRecorded
        default: return fact.values.firstIndex(of: value).map { .value(.option($0)) }
        }
    }

    /// The id of a stored round, or an error naming the closest label.
    static func roundID(_ db: Database, _ label: String) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM rounds WHERE label = ?", arguments: [label]) { return id }
        let labels = try String.fetchAll(db, sql: "SELECT label FROM rounds")
        throw HistoryError.unknownRound(label, suggestion: Suggestions.closest(to: label, in: labels))
    }
}
