import CaseAudit
import GRDB

/// `caseaudit history trend`: a subject's stored figures over every round, as ``Trend`` values.
extension HistoryStore {
    /// The trends of one subject (or, when nil, of every outcome), over the whole sample or, with
    /// `by`, over each stored value of that fact. `renames` maps earlier question ids to later ones
    /// (a derived set's `renames`), on top of those the stored rounds' sets declare.
    public func trends(_ subject: TrendSubject?, by fact: String? = nil, renames: [String: String] = [:]) throws(HistoryError) -> TrendReport {
        try read { db in
            let stored = try Self.renames(db)
            let questionRenames = (stored["question"] ?? [:]).merging(renames) { _, given in given }
            let rounds = try Self.rounds(db)
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM rounds \(Self.roundOrder)")
            let subjects: [TrendSubject]
            if let subject {
                subjects = [subject]
            } else {
                subjects = try String.fetchAll(db, sql: """
                    SELECT outcome_id FROM questions JOIN rounds ON rounds.id = questions.round_id
                    ORDER BY rounds.date IS NULL, rounds.date, rounds.id, questions.rowid
                    """).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.map(TrendSubject.outcome)
            }
            var groups: [(fact: String, value: String)?] = [nil]
            if let fact {
                let values = try Row.fetchAll(db, sql: """
                    SELECT value, key_kind, MIN(groups.id) AS first FROM groups WHERE fact = ? GROUP BY value, key_kind
                    ORDER BY key_kind = 'not_recorded', key_kind = 'none', first
                    """, arguments: [fact])
                if values.isEmpty { throw HistoryError.unknownBreakdown(fact) }
                groups = values.map { Optional((fact: fact, value: $0["value"] as String)) }
            }
            var trends: [Trend] = []
            for subject in subjects {
                let title = try Self.title(db, subject)
                guard let title else {
                    let column = subject.level + "_id"
                    let known = try String.fetchAll(db, sql: "SELECT DISTINCT \(column) FROM questions")
                    throw HistoryError.unknownSubject(subject.id, suggestion: Suggestions.closest(to: subject.id, in: known))
                }
                for group in groups {
                    let aliases = Self.aliases(subject.id, subject.level == "question" ? questionRenames : stored[subject.level] ?? [:])
                    var inputs: [Trend.Round] = []
                    for (round, id) in zip(rounds, ids) {
                        inputs.append(Trend.Round(
                            stamp: round.stamp, figure: try Self.figure(db, id, subject, group, aliases: aliases),
                            members: try Self.members(db, id, subject, aliases: aliases)))
                    }
                    trends.append(Trend(subject, title: title, group: group, rounds: inputs, renames: questionRenames))
                }
            }
            return TrendReport(rounds: rounds.map(\.stamp), trends: trends)
        }
    }

    /// Every stored outcome's and criterion's rounds, for `report --history`: all rounds, or those
    /// up to and including `current` when the report is of a stored round.
    public func reportHistory(current: String?) throws(HistoryError) -> ReportHistory {
        try read { db in
            var rounds = Array(zip(try Self.rounds(db), try Int64.fetchAll(db, sql: "SELECT id FROM rounds \(Self.roundOrder)")))
            if let current {
                _ = try Self.roundID(db, current)
                if let end = rounds.firstIndex(where: { $0.0.stamp.label == current }) { rounds = Array(rounds[...end]) }
            }
            let outcomes = try String.fetchAll(db, sql: "SELECT DISTINCT outcome_id FROM questions").map(TrendSubject.outcome)
            let criteria = try String.fetchAll(db, sql: "SELECT DISTINCT criterion_id FROM questions").map(TrendSubject.criterion)
            let stored = try Self.renames(db)
            var inputs: [TrendSubject: [Trend.Round]] = [:]
            for subject in outcomes + criteria {
                let aliases = Self.aliases(subject.id, stored[subject.level] ?? [:])
                inputs[subject] = try rounds.map { round, id in
                    Trend.Round(stamp: round.stamp, figure: try Self.figure(db, id, subject, nil, aliases: aliases),
                                members: try Self.members(db, id, subject, aliases: aliases))
                }
            }
            return ReportHistory(rounds: inputs, current: current, renames: stored["question"] ?? [:])
        }
    }

    /// The subject's title in the most recent round that has it.
    private static func title(_ db: Database, _ subject: TrendSubject) throws -> String? {
        let rule: String
        switch subject {
        case .outcome: rule = "SELECT outcome_id FROM questions WHERE round_id = ? AND outcome_id = ? LIMIT 1"
        case .criterion: rule = "SELECT criterion_id FROM questions WHERE round_id = ? AND criterion_id = ? LIMIT 1"
        case .question: rule = "SELECT question_id FROM questions WHERE round_id = ? AND question_id = ? LIMIT 1"
        }
        let ids = try Int64.fetchAll(db, sql: "SELECT id FROM rounds \(roundOrder)").reversed()
        for round in ids where try String.fetchOne(db, sql: rule, arguments: [round, subject.id]) != nil {
            guard let set = try StoredSet.load(db, round: round) else { return subject.id }
            switch subject {
            case .outcome(let id): return set.outcomes.first { $0.id == id }?.title ?? id
            case .criterion(let id): return set.criteria.first { $0.id == id }?.title ?? id
            case .question(let id): return set.question(id: id).map { set.questions[$0].text } ?? id
            }
        }
        return nil
    }

    /// Every rename the stored rounds' sets declare, by kind (`question`, `outcome`, …): old id → new id.
    private static func renames(_ db: Database) throws -> [String: [String: String]] {
        var renames: [String: [String: String]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT kind, old_id, new_id FROM renames") {
            renames[row["kind"], default: [:]][row["old_id"]] = row["new_id"]
        }
        return renames
    }

    /// The id and every earlier id renamed to it (through chains of renames), newest first.
    static func aliases(_ id: String, _ renames: [String: String]) -> [String] {
        var aliases = [id]
        var index = 0
        while index < aliases.count, aliases.count <= renames.count + 1 {
            for (old, new) in renames.sorted(by: { $0.key < $1.key }) where new == aliases[index] && !aliases.contains(old) {
                aliases.append(old)
            }
            index += 1
        }
        return aliases
    }

    /// One round's figures for the subject (under its id or an earlier one) in a group (the whole sample when nil).
    private static func figure(
        _ db: Database, _ round: Int64, _ subject: TrendSubject, _ group: (fact: String, value: String)?, aliases: [String]
    ) throws -> TrendFigure? {
        for alias in aliases {
            if let figure = try figure(db, round, subject, group, id: alias) { return figure }
        }
        return nil
    }

    private static func figure(_ db: Database, _ round: Int64, _ subject: TrendSubject, _ group: (fact: String, value: String)?, id: String) throws -> TrendFigure? {
        let groupFilter = group == nil ? "groups.fact IS NULL" : "groups.fact = ? AND groups.value = ?"
        var arguments: [any DatabaseValueConvertible] = [round]
        if let group { arguments += [group.fact, group.value] }
        arguments.append(id)
        let sql: String
        switch subject {
        case .outcome:
            sql = "SELECT s.score, s.sufficient, s.answers, s.cases, s.small_base FROM outcome_scores s JOIN groups ON groups.id = s.group_id WHERE groups.round_id = ? AND \(groupFilter) AND s.outcome_id = ?"
        case .criterion:
            sql = "SELECT s.score, s.sufficient, s.answers, s.cases, s.small_base FROM criterion_scores s JOIN groups ON groups.id = s.group_id WHERE groups.round_id = ? AND \(groupFilter) AND s.criterion_id = ?"
        case .question:
            sql = "SELECT s.score, s.sufficient, s.base AS answers, s.base AS cases, s.small_base FROM question_tallies s JOIN groups ON groups.id = s.group_id WHERE groups.round_id = ? AND \(groupFilter) AND s.question_id = ?"
        }
        guard let row = try Row.fetchOne(db, sql: sql, arguments: StatementArguments(arguments)) else { return nil }
        return TrendFigure(score: row["score"], sufficient: row["sufficient"], answers: row["answers"], cases: row["cases"], smallBase: row["small_base"])
    }

    /// The definitions of the questions the subject (under its id or an earlier one) was made of in a round.
    private static func members(_ db: Database, _ round: Int64, _ subject: TrendSubject, aliases: [String]) throws -> [String: String] {
        for alias in aliases {
            let members = try members(db, round, subject, id: alias)
            if !members.isEmpty { return members }
        }
        return [:]
    }

    private static func members(_ db: Database, _ round: Int64, _ subject: TrendSubject, id: String) throws -> [String: String] {
        let filter: String
        var arguments: StatementArguments = [round, id]
        switch subject {
        case .outcome:
            filter = "scored AND (outcome_id = ? OR instr(' ' || also_scores || ' ', ' ' || ? || ' ') > 0)"
            arguments += [id]
        case .criterion: filter = "scored AND criterion_id = ?"
        case .question: filter = "question_id = ?"
        }
        let rows = try Row.fetchAll(db, sql: "SELECT question_id, definition FROM questions WHERE round_id = ? AND \(filter)",
                                    arguments: arguments)
        return Dictionary(rows.map { ($0["question_id"] as String, $0["definition"] as String) }, uniquingKeysWith: { first, _ in first })
    }
}
