/// `caseaudit agree --format json`: agreement as a versioned JSON document (`caseaudit-agree/1`,
/// docs/json.md).
public enum AgreementJSON {
    public static let schemaVersion = 1

    public static func render(_ result: AgreementResult) -> String {
        let set = result.set
        return JSON.object([
            ("schema", .string("caseaudit-agree")),
            ("schema_version", .int(schemaVersion)),
            ("criteria_set", .object([("id", .string(set.id)), ("version", .string(set.version)), ("sha256", .string(set.contentHash))])),
            ("first", .string(result.firstLabel)),
            ("second", .string(result.secondLabel)),
            ("cases", .int(result.cases)),
            ("only_first", .array(result.onlyFirst.map(JSON.string))),
            ("only_second", .array(result.onlySecond.map(JSON.string))),
            ("overall_line", agreement(result.overall)),
            ("outcomes", .array(result.outcomes.map { .object([("id", .string(set.outcomes[$0.index].id)), ("line", agreement($0.line))]) })),
            ("criteria", .array(result.criteria.map { .object([("id", .string(set.criteria[$0.index].id)), ("line", agreement($0.line))]) })),
            ("questions", .array(result.questions.map { entry in
                .object([("id", .string(set.questions[entry.question].id)), ("options", agreement(entry.options)),
                         ("line", entry.line.map(agreement) ?? .null)])
            })),
            ("assessors", .array(result.assessors.map { pair in
                .object([("first", .string(pair.first)), ("second", .string(pair.second)), ("cases", .int(pair.cases)), ("line", agreement(pair.line))])
            })),
            ("answer_disagreements", .array(result.disagreements.map { item in
                .object([("case", .string(item.caseID)), ("question", .string(set.questions[item.question].id)),
                         ("element", element(set, item.question, item.element)),
                         ("first", .string(item.first)), ("second", .string(item.second)),
                         ("first_note", .optional(item.firstNote)), ("second_note", .optional(item.secondNote))])
            })),
            ("applicability_disagreements", .array(result.applicability.map { item in
                .object([("case", .string(item.caseID)), ("question", .string(set.questions[item.question].id)),
                         ("element", element(set, item.question, item.element)),
                         ("first", .string(item.first.rawValue)), ("second", .string(item.second.rawValue)),
                         ("facts", facts(set, item.facts))])
            })),
            ("fact_differences", .array(result.facts.map { .object([("case", .string($0.caseID)), ("facts", facts(set, $0.facts))]) })),
        ]).text() + "\n"
    }

    private static func agreement(_ value: Agreement) -> JSON {
        .object([("count", .int(value.count)), ("agreed", .int(value.agreed)), ("observed", .optional(value.observed)),
                 ("expected", .optional(value.expected)), ("kappa", .optional(value.kappa)),
                 ("standard_error", .optional(value.standardError)),
                 ("reading", .optional(value.kappa.map { KappaReading($0).rawValue }))])
    }

    private static func element(_ set: CriteriaSet, _ question: Int, _ element: Int?) -> JSON {
        guard let element, let fact = set.questions[question].forEach else { return .null }
        return .string(set.facts[fact].values[element])
    }

    private static func facts(_ set: CriteriaSet, _ differences: [AgreementResult.FactDifference]) -> JSON {
        .array(differences.map { .object([("fact", .string(set.facts[$0.fact].name)), ("first", .string($0.first)), ("second", .string($0.second))]) })
    }
}
