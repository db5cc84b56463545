/// `caseaudit score --format json`: the scores as a versioned JSON document (docs/json.md).
public enum ScoreJSON {
    /// Bumped when a key changes meaning or disappears; new keys may appear within a version.
    public static let schemaVersion = 1

    public static func render(_ result: ScoreResult) -> String {
        document(result).text() + "\n"
    }

    public static func document(_ result: ScoreResult) -> JSON {
        let set = result.set
        let card = result.scorecard
        return .object([
            ("schema", .string("caseaudit-score")),
            ("schema_version", .int(schemaVersion)),
            ("criteria_set", .object([
                ("id", .string(set.id)), ("title", .string(set.title)), ("version", .string(set.version)),
                ("sha256", .string(set.contentHash)),
            ])),
            ("scoring", scoring(set.scoring)),
            ("sample", .object([
                ("cases", .int(card.cases)), ("errors", .int(result.summary.errors)), ("warnings", .int(result.summary.warnings)),
            ])),
        ] + figures(card) + [
            ("element_tables", .array(card.elementTables.map { elementTable(card, $0) })),
            ("breakdowns", .array(result.breakdowns.map { breakdown in
                let fact = set.facts[breakdown.fact]
                return .object([
                    ("fact", .string(fact.name)),
                    ("groups", .array(breakdown.groups.map { group in
                        .object([("value", value(group.key, fact)), ("cases", .int(group.scorecard.cases))] + figures(group.scorecard))
                    })),
                ])
            })),
            ("profile", .array(result.profile.map { count in
                let fact = set.facts[count.fact]
                return .object([
                    ("fact", .string(fact.name)), ("label", .string(fact.label)),
                    ("counts", .array(count.counts.keys.sorted().map { key in
                        .object([("value", value(key, fact)), ("cases", .int(count.counts[key] ?? 0))])
                    })),
                ])
            })),
        ])
    }

    /// The outcome, criterion and question arrays of one scorecard.
    static func figures(_ card: Scorecard) -> [(String, JSON)] {
        let set = card.set
        return [
            ("outcomes", .array(card.outcomes.map { outcome in
                .object([("id", .string(set.outcomes[outcome.index].id)), ("title", .string(set.outcomes[outcome.index].title))]
                        + group(outcome) + [("band", .optional(outcome.band))]
                        + (outcome.meanOf.map { [("criterion_scores", .int($0.criteria)), ("also_scores_questions", .int($0.questions))] } ?? []))
            })),
            ("criteria", .array(card.criteria.map { criterion in
                let model = set.criteria[criterion.index]
                return .object([("id", .string(model.id)), ("outcome", .string(set.outcomes[model.outcome].id)),
                                ("title", .string(model.title))] + group(criterion)
                               + [("lowest_question", .optional(criterion.lowest.map { set.questions[$0].id })), ("band", .optional(criterion.band))])
            })),
            ("questions", .array(card.questions.map { figure in question(card, figure) })),
            ("overall", card.overall.map { overall in
                .object([("points", .int(overall.points)), ("maximum", .int(overall.maximum)), ("rated", .int(overall.rated)),
                         ("unrated", .int(overall.unrated)), ("band", .optional(overall.band))])
            } ?? .null),
            ("tags", .array(card.tags.map { row in
                .object([("id", .string(set.tags[row.tag].name)), ("label", .string(set.tags[row.tag].label))] + group(row.all) + [
                    ("criteria", .array(card.tagCriteria.compactMap { criterion in
                        row.criteria[criterion].map { .object([("criterion", .string(set.criteria[criterion].id))] + group($0)) }
                    })),
                ])
            })),
        ]
    }

    /// The set's scoring rules: methods, bands and the overall rating's points and bands.
    private static func scoring(_ policy: ScoringPolicy) -> JSON {
        func bands(_ bands: [Band]) -> JSON {
            .array(bands.map { .object([("label", .string($0.label)), ("min", .number($0.minimum))]) })
        }
        return .object([
            ("method", .string(policy.method.rawValue)), ("criterion_method", .string(policy.criterionMethod.rawValue)),
            ("min_base", .int(policy.minBase)), ("bands", bands(policy.bands)),
            ("banded", .array(RatedLevel.allCases.filter { policy.bands($0) }.map { .string($0.rawValue) })),
            ("overall", policy.overall.map { overall in
                .object([
                    ("rates", .string(overall.rates.rawValue)),
                    ("points", .array(zip(policy.bands, overall.points).map { .object([("band", .string($0.label)), ("points", .int($1))]) })),
                    ("bands", bands(overall.bands)),
                ])
            } ?? .null),
        ])
    }

    private static func group(_ figure: GroupScore) -> [(String, JSON)] {
        [("score", .optional(Percent.value(figure.score))), ("base", .int(figure.cases)), ("answers", .int(figure.answers)),
         ("sufficient", .int(figure.sufficient)), ("items", .int(figure.items)), ("small_base", .bool(figure.smallBase))]
    }

    private static func question(_ card: Scorecard, _ figure: QuestionScore) -> JSON {
        let set = card.set
        let model = set.questions[figure.question]
        let scale = set.scales[model.scale]
        let counts = ResultKind.allCases.filter { $0 != .sufficient && $0 != .insufficient }.map { kind in
            (kind.rawValue, JSON.int(card.tally.count(kind, question: figure.question)))
        }
        return .object([
            ("id", .string(model.id)), ("criterion", .string(set.criteria[model.criterion].id)),
            ("label", .string(model.label ?? model.text)), ("scored", .bool(model.scored)),
            ("also_scores", .array(model.alsoScores.map { .string(set.outcomes[$0].id) })),
            ("score", .optional(Percent.value(figure.score))), ("sufficient", .int(figure.sufficient)),
            ("insufficient", .int(figure.insufficient)), ("base", .int(figure.base)), ("small_base", .bool(figure.smallBase)),
        ] + counts + [
            ("answers", .object(scale.options.indices.map { (scale.options[$0], .int(card.tally.options[figure.question][$0])) })),
        ])
    }

    private static func elementTable(_ card: Scorecard, _ table: ElementTable) -> JSON {
        let fact = card.set.facts[table.fact]
        return .object([
            ("fact", .string(fact.name)),
            ("questions", .array(table.questions.map { .string(card.set.questions[$0].id) })),
            ("rows", .array(table.rows.map { row in
                .object([("element", .string(fact.values[row.element])), ("cases", .int(row.cases)),
                         ("figures", .array(row.figures.map { figure in
                             .object([("question", .string(card.set.questions[figure.question].id)),
                                      ("score", .optional(Percent.value(figure.score))), ("sufficient", .int(figure.sufficient)),
                                      ("base", .int(figure.base)), ("small_base", .bool(figure.smallBase))])
                         }))])
            })),
        ])
    }

    /// A group's value as JSON text; null for "not recorded".
    static func value(_ key: GroupKey, _ fact: Fact) -> JSON {
        if case .notRecorded = key { return .null }
        return .string(key.label(fact))
    }
}
