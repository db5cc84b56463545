import CaseAudit
import GRDB

/// `caseaudit history record`: scores a sample and stores it as one round, in one transaction.
public enum RoundRecorder {
    /// What to record besides the cases.
    public struct Request: Sendable {
        public var label: String
        public var date: Day?
        /// The rule files the set was loaded from (its own and every base's), kept so the round
        /// loads again from them alone after any of them changes.
        public var chain: SetChain
        /// Replace a round stored under the same label (else that is an error).
        public var replace: Bool

        public init(label: String, date: Day?, chain: SetChain, replace: Bool = false) {
            self.label = label
            self.date = date
            self.chain = chain
            self.replace = replace
        }
    }

    /// Scores `stream` (one pass) and stores the round. Per-case results are written as cases are
    /// scored; nothing is visible to readers, and nothing stays after an error or a kill, until the
    /// transaction commits. Returns what scoring read and found.
    public static func record(
        _ stream: CaseStream, _ request: Request, in store: HistoryStore, report: ([Diagnostic]) -> Void
    ) throws(HistoryError) -> ScoreResult {
        let set = stream.schema.set
        let profile = Aggregate.defaultProfile(set)
        return try store.write { db in
            if let existing = try Int64.fetchOne(db, sql: "SELECT id FROM rounds WHERE label = ?", arguments: [request.label]) {
                guard request.replace else { throw HistoryError.duplicateRound(request.label) }
                try db.execute(sql: "DELETE FROM rounds WHERE id = ?", arguments: [existing])
            }
            try db.execute(
                sql: """
                    INSERT INTO rounds (label, date, set_id, set_title, set_version, set_sha256, set_origin, scoring_method, min_base,
                        cases, inputs, errors, warnings, unreadable, pseudonymised)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, 0, 0, ?)
                    """,
                arguments: [request.label, request.date?.description, set.id, set.title, set.version, set.contentHash,
                            request.chain.members.first?.origin.text ?? "",
                            set.scoring.method.rawValue, set.scoring.minBase, stream.inputs.count, stream.pseudonymiser != nil])
            let round = db.lastInsertedRowID
            try StoredSet.write(db, round: round, request.chain)
            try writeQuestions(db, round, set)
            for (kind, renamed) in set.retired.renamed {
                for (old, new) in renamed {
                    try db.execute(sql: "INSERT INTO renames (round_id, kind, old_id, new_id) VALUES (?, ?, ?, ?)",
                                   arguments: [round, kind.rawValue, old, new])
                }
            }

            var failure: (any Error)?
            let caseRow = try db.cachedStatement(sql: """
                INSERT INTO case_results (round_id, case_id, question_id, element, result, answer, computed)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            let result = ScoreRun.run(stream, by: profile, profile: profile, report: report) { evaluation in
                guard failure == nil else { return }
                do {
                    for item in evaluation.results {
                        let question = set.questions[item.question]
                        try caseRow.execute(arguments: [
                            round, evaluation.record.id, question.id,
                            item.element.map { set.facts[question.forEach ?? 0].values[$0] }, item.kind.rawValue,
                            item.answer.map { answerText($0, set.scales[question.scale]) }, item.computed,
                        ])
                    }
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }

            let summary = result.summary
            try db.execute(
                sql: "UPDATE rounds SET cases = ?, errors = ?, warnings = ?, unreadable = ? WHERE id = ?",
                arguments: [summary.cases, summary.errors, summary.warnings, summary.unreadable, round])
            try writeGroup(db, round, fact: nil, key: nil, result.scorecard)
            for breakdown in result.breakdowns {
                for group in breakdown.groups {
                    try writeGroup(db, round, fact: set.facts[breakdown.fact], key: group.key, group.scorecard)
                }
            }
            for count in result.profile {
                let fact = set.facts[count.fact]
                for (key, cases) in count.counts {
                    let (kind, value) = keyColumns(key, fact)
                    try db.execute(
                        sql: "INSERT INTO profile_counts (round_id, fact, value, key_kind, cases) VALUES (?, ?, ?, ?, ?)",
                        arguments: [round, fact.name, value, kind, cases])
                }
            }
            return result
        }
    }

    /// Each question's place and definition, to compare rounds under different sets.
    private static func writeQuestions(_ db: Database, _ round: Int64, _ set: CriteriaSet) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO questions (round_id, question_id, criterion_id, outcome_id, also_scores, scored, applies, scale, definition)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for index in set.questions.indices {
            let question = set.questions[index]
            let criterion = set.criteria[question.criterion]
            try statement.execute(arguments: [
                round, question.id, criterion.id, set.outcomes[criterion.outcome].id,
                question.alsoScores.map { set.outcomes[$0].id }.joined(separator: " "), question.scored,
                question.applies.source, set.scales[question.scale].name, QuestionDefinition.text(set, index),
            ])
        }
    }

    /// One group's full tally and its scores.
    private static func writeGroup(_ db: Database, _ round: Int64, fact: Fact?, key: GroupKey?, _ card: Scorecard) throws {
        let set = card.set
        let (kind, value) = fact.flatMap { fact in key.map { keyColumns($0, fact) } } ?? ("sample", nil)
        try db.execute(
            sql: "INSERT INTO groups (round_id, fact, value, key_kind, cases) VALUES (?, ?, ?, ?, ?)",
            arguments: [round, fact?.name, value, kind, card.cases])
        let group = db.lastInsertedRowID
        let counts = card.tally.counts
        let questionRow = try db.cachedStatement(sql: """
            INSERT INTO question_tallies (group_id, question_id, sufficient, insufficient, not_applicable, unanswered,
                undetermined, invalid, descriptive, score, base, small_base) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let optionRow = try db.cachedStatement(sql: "INSERT INTO option_counts (group_id, question_id, option, count) VALUES (?, ?, ?, ?)")
        for figure in card.questions {
            let question = set.questions[figure.question]
            let results = counts.results[figure.question]
            try questionRow.execute(arguments: StatementArguments([group, question.id] as [any DatabaseValueConvertible])
                + StatementArguments(results) + [figure.score, figure.base, figure.smallBase])
            let options = set.scales[question.scale].options
            for (option, count) in counts.options[figure.question].enumerated() where count > 0 {
                try optionRow.execute(arguments: [group, question.id, options[option], count])
            }
        }
        let elementRow = try db.cachedStatement(sql: """
            INSERT INTO element_tallies (group_id, question_id, element, sufficient, insufficient, not_applicable, unanswered,
                undetermined, invalid, descriptive) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (question, rows) in counts.elements.sorted(by: { $0.key < $1.key }) {
            let values = set.facts[set.questions[question].forEach ?? 0].values
            for (element, row) in rows.enumerated() where row.contains(where: { $0 > 0 }) {
                try elementRow.execute(arguments: StatementArguments([group, set.questions[question].id, values[element]] as [any DatabaseValueConvertible])
                    + StatementArguments(row))
            }
        }
        for (fact, cases) in counts.elementCases.sorted(by: { $0.key < $1.key }) {
            for (element, count) in cases.enumerated() where count > 0 {
                try db.execute(
                    sql: "INSERT INTO element_cases (group_id, fact, element, cases) VALUES (?, ?, ?, ?)",
                    arguments: [group, set.facts[fact].name, set.facts[fact].values[element], count])
            }
        }
        // A tag's base over the set (criterion_id '') and within each criterion.
        for (tag, cases) in counts.tagCases.enumerated() {
            let rows = [("", cases)] + set.criteria.indices.map { (set.criteria[$0].id, counts.tagCriterionCases[tag][$0]) }
            for (criterion, count) in rows where count > 0 {
                try db.execute(sql: "INSERT INTO tag_cases (group_id, tag, criterion_id, cases) VALUES (?, ?, ?, ?)",
                               arguments: [group, set.tags[tag].name, criterion, count])
            }
        }
        for figure in card.criteria {
            let criterion = set.criteria[figure.index]
            try db.execute(
                sql: """
                    INSERT INTO criterion_scores (group_id, criterion_id, outcome_id, score, items, answers, sufficient, cases, small_base)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [group, criterion.id, set.outcomes[criterion.outcome].id, figure.score, figure.items, figure.answers,
                            figure.sufficient, figure.cases, figure.smallBase])
        }
        for figure in card.outcomes {
            try db.execute(
                sql: """
                    INSERT INTO outcome_scores (group_id, outcome_id, score, items, answers, sufficient, cases, small_base, band)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [group, set.outcomes[figure.index].id, figure.score, figure.items, figure.answers, figure.sufficient,
                            figure.cases, figure.smallBase, figure.band])
        }
    }

    /// A group key as stored: its kind and its value (the option, or the words shown for none).
    static func keyColumns(_ key: GroupKey, _ fact: Fact) -> (kind: String, value: String) {
        switch key {
        case .value: return ("value", key.label(fact))
        case .noElement: return ("none", key.label(fact))
        case .notRecorded: return ("not_recorded", key.label(fact))
        }
    }

    private static func answerText(_ answer: AnswerValue, _ scale: Scale) -> String {
        switch answer {
        case .option(let option): return scale.options[option]
        case .invalid(let text): return text
        }
    }
}
