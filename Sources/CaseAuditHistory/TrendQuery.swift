import CaseAudit
import GRDB

/// `caseaudit history trend`: a subject's stored figures over every round, as ``Trend`` values.
extension HistoryStore {
    /// The trends of one subject (or, when nil, of every outcome), over the whole sample or, with
    /// `by`, over each stored value of that fact. `renames` maps earlier question ids to later ones
    /// (a set's declared renames; sets cannot declare them yet, so it is empty today).
    public func trends(_ subject: TrendSubject?, by fact: String? = nil, renames: [String: String] = [:]) throws(HistoryError) -> TrendReport {
        try read { db in
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
                    var inputs: [Trend.Round] = []
                    for (round, id) in zip(rounds, ids) {
                        inputs.append(Trend.Round(
                            stamp: round.stamp, figure: try Self.figure(db, id, subject, group),
                            members: try Self.members(db, id, subject)))
                    }
                    trends.append(Trend(subject, title: title, group: group, rounds: inputs, renames: renames))
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
            var inputs: [TrendSubject: [Trend.Round]] = [:]
            for subject in outcomes + criteria {
                inputs[subject] = try rounds.map { round, id in
                    Trend.Round(stamp: round.stamp, figure: try Self.figure(db, id, subject, nil), members: try Self.members(db, id, subject))
                }
            }
            return ReportHistory(rounds: inputs, current: current)
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
            let files = try Row.fetchAll(db, sql: "SELECT path, content FROM rule_files WHERE round_id = ? ORDER BY position", arguments: [round])
                .map { RuleFile(path: $0["path"], bytes: Array(($0["content"] as String).utf8)) }
            guard let set = CriteriaSetLoader.load(files: files).set else { return subject.id }
            switch subject {
            case .outcome(let id): return set.outcomes.first { $0.id == id }?.title ?? id
            case .criterion(let id): return set.criteria.first { $0.id == id }?.title ?? id
            case .question(let id): return set.question(id: id).map { set.questions[$0].text } ?? id
            }
        }
        return nil
    }

    /// One round's figures for the subject in a group (the whole sample when nil).
    private static func figure(_ db: Database, _ round: Int64, _ subject: TrendSubject, _ group: (fact: String, value: String)?) throws -> TrendFigure? {
        let groupFilter = group == nil ? "groups.fact IS NULL" : "groups.fact = ? AND groups.value = ?"
        var arguments: [any DatabaseValueConvertible] = [round]
        if let group { arguments += [group.fact, group.value] }
        arguments.append(subject.id)
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

    /// The definitions of the questions the subject was made of in a round.
    private static func members(_ db: Database, _ round: Int64, _ subject: TrendSubject) throws -> [String: String] {
        let filter: String
        var arguments: StatementArguments = [round, subject.id]
        switch subject {
        case .outcome:
            filter = "scored AND (outcome_id = ? OR instr(' ' || also_scores || ' ', ' ' || ? || ' ') > 0)"
            arguments += [subject.id]
        case .criterion: filter = "scored AND criterion_id = ?"
        case .question: filter = "question_id = ?"
        }
        let rows = try Row.fetchAll(db, sql: "SELECT question_id, definition FROM questions WHERE round_id = ? AND \(filter)",
                                    arguments: arguments)
        return Dictionary(rows.map { ($0["question_id"] as String, $0["definition"] as String) }, uniquingKeysWith: { first, _ in first })
    }
}
