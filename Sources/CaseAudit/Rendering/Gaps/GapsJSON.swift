/// Per-case gaps as JSON (docs/json.md), streamed: one object per case with gaps, in order.
public struct GapsJSON: GapWriter {
    public static let schemaVersion = 1

    let sink: OutputSink
    let includeNotes: Bool
    private var set: CriteriaSet?
    private var group: JSON = .null
    private var groups: [JSON] = []
    private var first = true

    public init(_ sink: OutputSink, includeNotes: Bool) {
        self.sink = sink
        self.includeNotes = includeNotes
    }

    public mutating func begin(_ set: CriteriaSet) {
        self.set = set
        let head = JSON.object([
            ("schema", .string("caseaudit-gaps")), ("schema_version", .int(Self.schemaVersion)),
            ("criteria_set", .object([("id", .string(set.id)), ("version", .string(set.version)), ("sha256", .string(set.contentHash))])),
        ]).text()
        sink.write(String(head.dropLast(2)) + ",\n  \"cases\": [")
    }

    public mutating func summary(_ facts: [Fact], _ groups: [GapsRun.Group]) {
        self.groups = groups.map { group in
            .object([
                ("group", Self.group(facts, group.keys)), ("cases", .int(group.cases)), ("cases_with_gaps", .int(group.casesWithGaps)),
                ("gaps", .int(group.gaps)), ("sufficient", .int(group.sufficient)), ("assessed", .int(group.assessed)),
                ("score", .optional(Percent.value(group.score))),
            ])
        }
    }

    public mutating func group(_ facts: [Fact], _ keys: [GroupKey]) {
        group = Self.group(facts, keys)
    }

    /// `{"fact": …, "value": …}` for one fact, a list of them for several.
    private static func group(_ facts: [Fact], _ keys: [GroupKey]) -> JSON {
        let pairs = zip(facts, keys).map { fact, key in JSON.object([("fact", .string(fact.name)), ("value", ScoreJSON.value(key, fact))]) }
        return pairs.count == 1 ? pairs[0] : .array(pairs)
    }

    public mutating func write(_ entry: GapCase) {
        let gaps = entry.gaps
        guard let set, !gaps.isEmpty else { return }
        let item = JSON.object([
            ("case", .string(entry.id)), ("assessor", .optional(entry.assessor)), ("group", group),
            ("file", entry.hidesSource ? .null : .string(entry.path)),
            ("line", entry.hidesSource ? .null : .int(entry.line)),
            ("gaps", .array(gaps.map { gap in
                let question = set.questions[gap.question]
                let element = gap.element.flatMap { element in question.forEach.map { set.facts[$0].values[element] } }
                var answer: JSON = .null
                switch gap.answer {
                case .option(let option)?: answer = .string(set.scales[question.scale].options[option])
                case .invalid(let text)?: answer = .string(text)
                case nil: break
                }
                return .object([
                    ("question", .string(question.id)), ("element", .optional(element)),
                    ("criterion", .string(set.criteria[question.criterion].id)), ("text", .string(question.text)),
                    ("result", .string(gap.result.rawValue)), ("answer", answer), ("computed", .bool(gap.computed)),
                    ("gap_kind", .optional(gap.kind?.rawValue)),
                    ("gap", gap.result == .insufficient ? .optional(question.gap) : .null),
                    ("missing_facts", .array(gap.missingFacts.map { .string(set.facts[$0].name) })),
                    ("note", includeNotes ? .optional(gap.note) : .null),
                    ("line", entry.hidesSource ? .null : .int(gap.location.line)),
                    ("column", entry.hidesSource ? .null : .int(gap.location.column)),
                ])
            })),
        ])
        sink.write((first ? "\n    " : ",\n    ") + item.text(indent: "    "))
        first = false
    }

    public mutating func end(_ summary: GapsRun.Summary) {
        var fields: [(String, JSON)] = [
            ("cases", .int(summary.read.cases)), ("cases_with_gaps", .int(summary.casesWithGaps)), ("gaps", .int(summary.gaps)),
        ]
        if !groups.isEmpty { fields.append(("groups", .array(groups))) }
        let tail = JSON.object(fields).text(indent: "  ")
        sink.write((first ? "]" : "\n  ]") + ",\n  \"summary\": " + tail + "\n}\n")
    }
}
