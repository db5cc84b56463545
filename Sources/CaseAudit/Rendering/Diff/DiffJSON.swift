/// `caseaudit rules diff --format json`: schema `caseaudit-diff` version 1 (docs/json.md).
public enum DiffJSON {
    /// Bumped when a key changes meaning or disappears; new keys may appear within a version.
    public static let schemaVersion = 1

    public static func render(_ diff: SetDiff, impact: ScoreImpact?) -> String {
        document(diff, impact: impact).text() + "\n"
    }

    public static func document(_ diff: SetDiff, impact: ScoreImpact?) -> JSON {
        func identity(_ set: SetDiff.Identity) -> JSON {
            .object([("id", .string(set.id)), ("title", .string(set.title)), ("version", .string(set.version)), ("sha256", .string(set.contentHash))])
        }
        func properties(_ changes: [PropertyChange]) -> JSON {
            .array(changes.map { .object([("key", .string($0.key)), ("old", .optional($0.old)), ("new", .optional($0.new))]) })
        }
        var pairs: [(String, JSON)] = [
            ("schema", .string("caseaudit-diff")),
            ("schema_version", .int(schemaVersion)),
            ("old", identity(diff.old)),
            ("new", identity(diff.new)),
            ("changed", .bool(diff.hasChanges)),
            ("identity", properties(diff.identity)),
            ("items", .array(diff.items.map { item in
                .object([
                    ("kind", .string(item.kind.rawValue)), ("change", .string(item.change.rawValue)),
                    ("old_id", .optional(item.oldID)), ("new_id", .optional(item.newID)), ("properties", properties(item.properties)),
                ])
            })),
            ("scoring", properties(diff.scoring)),
        ]
        if let impact {
            func figures(_ pair: FigurePair) -> [(String, JSON)] {
                [
                    ("old", .object([("score", .optional(Percent.value(pair.oldScore))), ("base", pair.oldBase.map(JSON.int) ?? .null)])),
                    ("new", .object([("score", .optional(Percent.value(pair.newScore))), ("base", pair.newBase.map(JSON.int) ?? .null)])),
                    ("difference", .optional(pair.difference)),
                ]
            }
            func groups(_ rows: [GroupImpact]) -> JSON {
                .array(rows.map { .object([("old_id", .optional($0.oldID)), ("new_id", .optional($0.newID)), ("title", .string($0.title))] + figures($0.figures)) })
            }
            pairs.append(("impact", .object([
                ("cases", .int(impact.cases)),
                ("outcomes", groups(impact.outcomes)),
                ("criteria", groups(impact.criteria)),
                ("questions", .array(impact.questions.map { question in
                    .object([("old_id", .optional(question.oldID)), ("new_id", .optional(question.newID))] + figures(question.figures) + [
                        ("cases_changed", .int(question.changedCases)),
                        ("transitions", .array(question.transitions.map {
                            .object([("from", .string($0.from.rawValue)), ("to", .string($0.to.rawValue)), ("count", .int($0.count))])
                        })),
                    ])
                })),
            ])))
        }
        return .object(pairs)
    }
}
