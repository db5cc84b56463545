import Crypto
import YAMLKit

/// Loads a criteria set from YAML rule files into a type-checked, compiled ``CriteriaSet``.
///
/// Nothing is silently ignored: unknown keys, unknown references, duplicate ids, wrong types and
/// expression errors are diagnostics with file, line and column. The set is returned only when
/// there are no errors.
public struct CriteriaSetLoader {
    /// The result of a load: the set (nil on any error) and every diagnostic.
    public struct Result: Sendable {
        /// Codes meaning the set could not be read at all (a usage or input error, exit 2), rather
        /// than read and found wrong (exit 1).
        public static let unreadableCodes: Set<String> = ["rules.unreadable", "yaml.unreadable", "rules.empty"]

        /// True when the set could not be read at all.
        public var isUnreadable: Bool { diagnostics.contains { Self.unreadableCodes.contains($0.code) } }

        public var set: CriteriaSet?
        public var diagnostics: [Diagnostic]
    }

    private static let topLevelKeys = [
        "id", "title", "version", "source", "effective", "holidays", "scoring",
        "facts", "predicates", "scales", "outcomes", "criteria", "questions", "checks",
    ]

    /// A located node: which file it came from.
    struct Located {
        var node: Node
        var source: SourceText
    }

    var sink = DiagnosticSink()
    var singles: [String: Located] = [:]
    var mappingEntries: [String: [(key: Node, value: Node, source: SourceText)]] = [:]
    var listItems: [String: [Located]] = [:]

    /// Loads a file or a directory of `*.yaml` / `*.yml` files (read in name order).
    public static func load(path: String) -> Result {
        switch RuleFiles.read(path: path) {
        case .success(let files): return load(files: files)
        case .failure(let diagnostic): return Result(set: nil, diagnostics: [diagnostic])
        }
    }

    /// Loads already-read files, merged in the given order.
    public static func load(files: [RuleFile]) -> Result {
        var loader = CriteriaSetLoader()
        let set = loader.run(files)
        return Result(set: loader.sink.hasErrors ? nil : set, diagnostics: loader.sink.diagnostics)
    }

    // MARK: - Merging files

    private mutating func run(_ files: [RuleFile]) -> CriteriaSet? {
        var canonical = ""
        for file in files {
            let stream = YAMLLoader.load(bytes: file.bytes, path: file.path)
            for error in stream.errors { sink.append(Diagnostic(error, in: stream.source)) }
            for document in stream.documents {
                canonical += CanonicalText.render(document.root) + "\n"
                merge(document.root, from: stream.source)
            }
        }
        if files.isEmpty {
            sink.append(Diagnostic(.error, code: "rules.empty", "the criteria set has no rule files", at: nil))
            return nil
        }
        let hash = SHA256.hash(data: Array(canonical.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
        return build(contentHash: hash)
    }

    private mutating func merge(_ root: Node, from source: SourceText) {
        if root.isNull { return }
        // Constructing the reader reports a non-mapping root and unknown top-level keys.
        guard MappingReader(root, in: source, what: "a rule file", allowed: Self.topLevelKeys, sink: &sink) != nil,
            let pairs = root.mapping
        else { return }
        for pair in pairs {
            guard let key = pair.key.scalar, Self.topLevelKeys.contains(key) else { continue }
            switch key {
            case "facts", "predicates", "scales":
                guard let entries = pair.value.mapping else {
                    if !pair.value.isNull {
                        sink.error("rules.wrong-type", "'\(key)' must be a mapping of names", at: pair.value, in: source)
                    }
                    continue
                }
                for entry in entries {
                    mappingEntries[key, default: []].append((entry.key, entry.value, source))
                }
            case "outcomes", "criteria", "questions", "checks":
                guard let items = pair.value.sequence else {
                    if !pair.value.isNull {
                        sink.error("rules.wrong-type", "'\(key)' must be a list", at: pair.value, in: source)
                    }
                    continue
                }
                listItems[key, default: []].append(contentsOf: items.map { Located(node: $0, source: source) })
            default:
                if let first = singles[key] {
                    sink.error(
                        "rules.duplicate-key", "'\(key)' is set in more than one place", at: pair.key, in: source,
                        notes: [Diagnostic.Note("first set here", at: SourceLocation(first.source, first.node.position))])
                } else {
                    singles[key] = Located(node: pair.value, source: source)
                }
            }
        }
    }

    // MARK: - Building the model

    private mutating func build(contentHash: String) -> CriteriaSet? {
        let id = identityString("id") ?? ""
        let title = identityString("title") ?? ""
        let version = identityString("version") ?? ""
        let sourceText = singles["source"].flatMap { scalarText($0, key: "source") }
        let effective = singles["effective"].flatMap { date($0, what: "'effective'") }
        var holidays: [Day] = []
        if let located = singles["holidays"] {
            if let items = located.node.sequence {
                holidays = items.compactMap { date(Located(node: $0, source: located.source), what: "a holiday") }
            } else {
                sink.error("rules.wrong-type", "'holidays' must be a list of dates 'YYYY-MM-DD'", at: located.node, in: located.source)
            }
        }
        let facts = readFacts()
        let scales = readScales()
        let predicateDefinitions = readPredicateDefinitions()
        let outcomeDefinitions = readIdentified("outcomes", what: "an outcome", allowed: ["id", "title", "applies"])
        let criterionDefinitions = readIdentified("criteria", what: "a criterion", allowed: ["id", "outcome", "title", "applies"])
        let questionDefinitions = readIdentified(
            "questions", what: "a question",
            allowed: ["id", "criterion", "text", "scale", "applies", "also_scores", "scored", "for_each", "compute", "gap", "guidance", "label"])
        let checkDefinitions = readIdentified("checks", what: "a check", allowed: ["id", "when", "assert", "message", "severity"])

        var factIndex: [String: Int] = [:]
        for (index, fact) in facts.enumerated() { factIndex[fact.name] = index }
        let scaleIndex = Dictionary(scales.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        let outcomeIndex = Dictionary(outcomeDefinitions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let criterionIndex = Dictionary(criterionDefinitions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })

        // Question references that do not need expressions.
        var questionShapes: [(criterion: Int, scale: Int, forEach: Int?, alsoScores: [Int])?] = []
        for definition in questionDefinitions {
            questionShapes.append(questionShape(definition, factIndex: factIndex, facts: facts, scaleIndex: scaleIndex, scales: scales, criterionIndex: criterionIndex, outcomeIndex: outcomeIndex))
        }
        var questionLookup: [String: (index: Int, scale: Int, perElement: Bool)] = [:]
        for (index, definition) in questionDefinitions.enumerated() {
            guard let shape = questionShapes[index] else { continue }
            questionLookup[definition.id] = (index, shape.scale, shape.forEach != nil)
        }

        var compiler = ExpressionCompiler(schema: .init(
            facts: facts, factIndex: factIndex,
            predicates: Dictionary(predicateDefinitions.map { ($0.name, $0.expression.scalar ?? "") }, uniquingKeysWith: { first, _ in first }),
            scales: scales, questions: questionLookup, holidays: Set(holidays)))

        var predicates: [Predicate] = []
        for definition in predicateDefinitions {
            do {
                try compiler.predicate(definition.name)
                if let condition = compileCondition(definition.expression, source: definition.source, compiler: &compiler) {
                    predicates.append(Predicate(
                        name: definition.name, expression: definition.expression.scalar ?? "", label: definition.label,
                        description: definition.description, condition: condition))
                }
            } catch {
                report(error, in: definition.expression, source: definition.source)
            }
        }

        var outcomes: [Outcome] = []
        for definition in outcomeDefinitions {
            let applies = definition.reader["applies"].flatMap { compileCondition($0, source: definition.source, compiler: &compiler) }
            outcomes.append(Outcome(
                id: definition.id, title: definition.reader.string("title", what: "outcome '\(definition.id)'", required: true, sink: &sink) ?? definition.id,
                applies: applies, location: SourceLocation(definition.source, definition.node.position)))
        }
        var criteria: [Criterion] = []
        for definition in criterionDefinitions {
            let what = "criterion '\(definition.id)'"
            let title = definition.reader.string("title", what: what, required: true, sink: &sink) ?? definition.id
            // Kept in step with the definitions even when the outcome is unknown (the set then has errors).
            let outcome = reference(definition, key: "outcome", what: what, kind: "outcome", index: outcomeIndex) ?? 0
            let applies = definition.reader["applies"].flatMap { compileCondition($0, source: definition.source, compiler: &compiler) }
            criteria.append(Criterion(id: definition.id, outcome: outcome, title: title, applies: applies, location: SourceLocation(definition.source, definition.node.position)))
        }

        var questions: [Question] = []
        for (index, definition) in questionDefinitions.enumerated() {
            guard let shape = questionShapes[index] else { continue }
            let what = "question '\(definition.id)'"
            let text = definition.reader.string("text", what: what, required: true, sink: &sink) ?? ""
            let own = definition.reader["applies"].flatMap { compileCondition($0, source: definition.source, compiler: &compiler) }
            var compute: CompiledComputation?
            if let node = definition.reader["compute"] {
                if shape.forEach != nil {
                    sink.error("rules.compute-per-element", "a per-element (for_each) question cannot be computed", at: node, in: definition.source)
                } else if let text = expressionText(node, source: definition.source) {
                    do {
                        compute = try compiler.computation(text, scale: shape.scale)
                    } catch {
                        report(error, in: node, source: definition.source)
                    }
                }
            }
            var applies = CompiledCondition.always
            let criterion = criteria[shape.criterion]
            if let outcomeApplies = outcomes[criterion.outcome].applies { applies = applies.and(outcomeApplies) }
            if let criterionApplies = criterion.applies { applies = applies.and(criterionApplies) }
            if let own { applies = applies.and(own) }
            let scored = definition.reader.bool("scored", sink: &sink) ?? true
            questions.append(Question(
                id: definition.id, criterion: shape.criterion, text: text, scale: shape.scale, ownApplies: own,
                applies: applies, alsoScores: shape.alsoScores, scored: scored, forEach: shape.forEach, compute: compute,
                gap: definition.reader.string("gap", what: what, required: false, sink: &sink),
                guidance: definition.reader.string("guidance", what: what, required: false, sink: &sink),
                label: definition.reader.string("label", what: what, required: false, sink: &sink),
                location: SourceLocation(definition.source, definition.node.position)))
        }
        detectAnswerCycles(questions, definitions: questionDefinitions.filter { questionLookup[$0.id] != nil })

        var checks: [Check] = []
        for definition in checkDefinitions {
            let what = "check '\(definition.id)'"
            let message = definition.reader.string("message", what: what, required: true, sink: &sink) ?? ""
            let when = definition.reader["when"].flatMap { compileCondition($0, source: definition.source, compiler: &compiler) }
            guard let assertNode = definition.reader["assert"] else {
                sink.error("rules.missing-key", "\(what) needs 'assert'", at: definition.node, in: definition.source)
                continue
            }
            guard let assertion = compileCondition(assertNode, source: definition.source, compiler: &compiler) else { continue }
            var severity = Severity.error
            if let node = definition.reader["severity"] {
                switch node.scalar {
                case "error"?: severity = .error
                case "warning"?: severity = .warning
                default:
                    sink.error("rules.wrong-type", "severity must be 'error' or 'warning'", at: node, in: definition.source,
                               fixIt: Suggestions.closest(to: node.scalar ?? "", in: ["error", "warning"]))
                }
            }
            checks.append(Check(id: definition.id, when: when, assertion: assertion, message: message, severity: severity, location: SourceLocation(definition.source, definition.node.position)))
        }

        let scoring = readScoring()
        if questionDefinitions.isEmpty, !sink.hasErrors {
            sink.append(Diagnostic(.error, code: "rules.no-questions", "the criteria set declares no questions", at: nil))
        }
        return CriteriaSet(
            id: id, title: title, version: version, source: sourceText, effective: effective, holidays: holidays.sorted(),
            facts: facts, predicates: predicates, scales: scales, outcomes: outcomes, criteria: criteria,
            questions: questions, checks: checks, scoring: scoring, contentHash: contentHash)
    }
}
