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

    static let topLevelKeys = [
        "id", "title", "version", "source", "effective", "holidays", "scoring",
        "facts", "predicates", "scales", "tags", "outcomes", "criteria", "questions", "checks",
        "extends", "remove", "renames", "override",
    ]

    /// A located node: which file it came from, and the keys a derived set's `override` replaces.
    struct Located: Sendable {
        var node: Node
        var source: SourceText
        var overrides: [SourcedPair] = []
    }

    /// One entry of `facts:`, `predicates:` or `scales:`.
    struct Entry: Sendable {
        var key: Node
        var value: Node
        var source: SourceText
        var overrides: [SourcedPair] = []
    }

    var sink = DiagnosticSink()
    var singles: [String: Located] = [:]
    var mappingEntries: [String: [Entry]] = [:]
    var listItems: [String: [Located]] = [:]
    /// What `extends` changed, and the ids it retired (through the whole chain).
    var derivation: Derivation?
    var retired = RetiredIDs()
    /// Where `extends` finds its bases, and the bases read.
    var bases = BaseSets()

    /// Loads a file or a directory of `*.yaml` / `*.yml` files (read in name order).
    public static func load(path: String) -> Result {
        switch RuleFiles.read(path: path) {
        case .success(let files): return load(files: files, origin: .disk(path))
        case .failure(let diagnostic): return Result(set: nil, diagnostics: [diagnostic])
        }
    }

    /// Loads already-read files, merged in the given order. `origin` says where a relative
    /// `extends` path is looked for (on disk, or among the embedded sets).
    public static func load(files: [RuleFile], origin: SetOrigin? = nil) -> Result {
        loadChain(files: files, origin: origin ?? .disk(files.first?.path ?? "")).result
    }

    /// Loads already-read files like ``load(files:origin:)``, and returns the chain of files
    /// read: these, then every base's.
    public static func loadChain(files: [RuleFile], origin: SetOrigin) -> (chain: SetChain, result: Result) {
        loadChain(files: files, origin: origin, storedBases: nil)
    }

    /// Loads a set whose bases are looked for only among `bases` (a stored ``SetChain``).
    static func load(files: [RuleFile], origin: SetOrigin, bases: [SetChain.Member]) -> Result {
        loadChain(files: files, origin: origin, storedBases: bases).result
    }

    private static func loadChain(files: [RuleFile], origin: SetOrigin, storedBases: [SetChain.Member]?) -> (chain: SetChain, result: Result) {
        var loader = CriteriaSetLoader()
        loader.bases.stored = storedBases
        let set = loader.run(files, origin: origin)
        let chain = SetChain(members: [SetChain.Member(origin: origin, files: files)] + loader.bases.read)
        return (chain, Result(set: loader.sink.hasErrors ? nil : set, diagnostics: loader.sink.diagnostics))
    }

    // MARK: - Merging files

    private mutating func run(_ files: [RuleFile], origin: SetOrigin) -> CriteriaSet? {
        if files.isEmpty {
            sink.append(Diagnostic(.error, code: "rules.empty", "the criteria set has no rule files", at: nil))
            return nil
        }
        guard let hashed = collect(files, origin: origin, chain: []), !sink.hasErrors || derivation == nil else { return nil }
        return build(contentHash: ContentHash(hashed))
    }

    /// Reads files into the collections and, for a derived set, resolves its base and applies
    /// the derivation. Returns what the set's hash is taken of (nil when the base could not be
    /// resolved): the files' documents, or for a derived set the resolved set.
    mutating func collect(_ files: [RuleFile], origin: SetOrigin, chain: [SetOrigin]) -> ContentHash.Source? {
        var roots: [Node] = []
        var yamlFailed = false
        for file in files {
            let stream = YAMLLoader.load(bytes: file.bytes, path: file.path)
            for error in stream.errors { sink.append(Diagnostic(error, in: stream.source)) }
            // A file that is not valid YAML leaves the set incomplete: anything found missing
            // afterwards would only be a knock-on of the YAML error, so the build stops here.
            if !stream.errors.isEmpty { yamlFailed = true }
            for document in stream.documents {
                roots.append(document.root)
                merge(document.root, from: stream.source)
            }
        }
        if yamlFailed { return nil }
        guard let extends = singles["extends"] else {
            for key in ["remove", "renames", "override"] {
                if let located = singles[key] {
                    sink.error("rules.derivation-without-extends", "'\(key)' changes a base set, but this set has no 'extends'", at: located.node, in: located.source)
                }
            }
            return .documents(roots)
        }
        guard let base = resolveBase(extends, origin: origin, chain: chain + [origin]) else { return nil }
        derive(from: base, extends: extends)
        return resolvedHashSource()
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
            case "facts", "predicates", "scales", "tags":
                guard let entries = pair.value.mapping else {
                    if !pair.value.isNull {
                        sink.error("rules.wrong-type", "'\(key)' must be a mapping of names", at: pair.value, in: source)
                    }
                    continue
                }
                for entry in entries {
                    mappingEntries[key, default: []].append(Entry(key: entry.key, value: entry.value, source: source))
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

    private mutating func build(contentHash: ContentHash) -> CriteriaSet? {
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
        let definitions = RuleDefinitions(self)
        let tags = readTags()
        let predicateDefinitions = readPredicateDefinitions()
        let outcomeDefinitions = readIdentified("outcomes", what: "an outcome", allowed: ["id", "title", "applies"])
        let criterionDefinitions = readIdentified("criteria", what: "a criterion", allowed: ["id", "outcome", "title", "applies"])
        let questionDefinitions = readIdentified(
            "questions", what: "a question",
            allowed: ["id", "criterion", "text", "scale", "applies", "also_scores", "scored", "for_each", "compute", "gap", "guidance", "label", "tags"])
        let checkDefinitions = readIdentified("checks", what: "a check", allowed: ["id", "when", "assert", "message", "severity"])

        // Renamed ids (of a derived set's base) still resolve where the base refers to them.
        var factIndex: [String: Int] = [:]
        for (index, fact) in facts.enumerated() { factIndex[fact.name] = index }
        factIndex = retired.aliased(factIndex, kind: .fact)
        let scaleIndex = retired.aliased(Dictionary(scales.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first }), kind: .scale)
        let outcomeIndex = retired.aliased(Dictionary(outcomeDefinitions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first }), kind: .outcome)
        let criterionIndex = retired.aliased(Dictionary(criterionDefinitions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first }), kind: .criterion)

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
        questionLookup = retired.aliased(questionLookup, kind: .question)
        let predicateTexts = Dictionary(predicateDefinitions.map { ($0.name, $0.expression.scalar ?? "") }, uniquingKeysWith: { first, _ in first })

        var compiler = ExpressionCompiler(schema: .init(
            facts: facts, factIndex: factIndex,
            predicates: retired.aliased(predicateTexts, kind: .predicate),
            scales: scales, questions: questionLookup, workingDays: WorkingDays(holidays: holidays)))

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
            let applies = definition.reader["applies"].flatMap { compileCondition($0, source: definition.source("applies"), compiler: &compiler) }
            outcomes.append(Outcome(
                id: definition.id, title: definition.reader.string("title", what: "outcome '\(definition.id)'", required: true, sink: &sink) ?? definition.id,
                applies: applies, location: SourceLocation(definition.source, definition.node.position)))
        }
        var criteria: [Criterion] = []
        // Each criterion's outcome, nil when it names none of this set's (the set then has errors).
        var criterionOutcomes: [Int?] = []
        for definition in criterionDefinitions {
            let what = "criterion '\(definition.id)'"
            let title = definition.reader.string("title", what: what, required: true, sink: &sink) ?? definition.id
            let outcome = reference(definition, key: "outcome", what: what, kind: "outcome", index: outcomeIndex)
            criterionOutcomes.append(outcome)
            let applies = definition.reader["applies"].flatMap { compileCondition($0, source: definition.source("applies"), compiler: &compiler) }
            // Kept in step with the definitions even when the outcome is unknown; such a set is never returned.
            criteria.append(Criterion(id: definition.id, outcome: outcome ?? 0, title: title, applies: applies, location: SourceLocation(definition.source, definition.node.position)))
        }

        var questions: [Question] = []
        for (index, definition) in questionDefinitions.enumerated() {
            guard let shape = questionShapes[index] else { continue }
            let what = "question '\(definition.id)'"
            let text = definition.reader.string("text", what: what, required: true, sink: &sink) ?? ""
            let own = definition.reader["applies"].flatMap { compileCondition($0, source: definition.source("applies"), compiler: &compiler) }
            var compute: CompiledComputation?
            if let node = definition.reader["compute"] {
                if shape.forEach != nil {
                    sink.error("rules.compute-per-element", "a per-element (for_each) question cannot be computed", at: node, in: definition.source("compute"))
                } else if let text = expressionText(node, source: definition.source("compute")) {
                    do {
                        compute = try compiler.computation(text, scale: shape.scale)
                    } catch {
                        report(error, in: node, source: definition.source("compute"))
                    }
                }
            }
            var applies = CompiledCondition.always
            let criterion = criteria[shape.criterion]
            if let outcome = criterionOutcomes[shape.criterion], let outcomeApplies = outcomes[outcome].applies {
                applies = applies.and(outcomeApplies)
            }
            if let criterionApplies = criterion.applies { applies = applies.and(criterionApplies) }
            if let own { applies = applies.and(own) }
            let scored = definition.reader.bool("scored", sink: &sink) ?? true
            questions.append(Question(
                id: definition.id, criterion: shape.criterion, text: text, scale: shape.scale, ownApplies: own,
                applies: applies, alsoScores: shape.alsoScores, scored: scored, forEach: shape.forEach, compute: compute,
                gap: definition.reader.string("gap", what: what, required: false, sink: &sink),
                guidance: definition.reader.string("guidance", what: what, required: false, sink: &sink),
                label: definition.reader.string("label", what: what, required: false, sink: &sink),
                tags: questionTags(definition, tags: tags),
                location: SourceLocation(definition.source, definition.node.position)))
        }
        let loaded = questionDefinitions.filter { questionLookup[$0.id] != nil }
        // Only over a set that loaded whole: an index from a question that failed is out of range.
        if detectAnswerCycles(questions, definitions: loaded), !sink.hasErrors {
            limitApplicabilityFacts(questions, factCount: facts.count, definitions: loaded)
        }

        var checks: [Check] = []
        for definition in checkDefinitions {
            let what = "check '\(definition.id)'"
            let message = definition.reader.string("message", what: what, required: true, sink: &sink) ?? ""
            let when = definition.reader["when"].flatMap { compileCondition($0, source: definition.source("when"), compiler: &compiler) }
            guard let assertNode = definition.reader["assert"] else {
                sink.error("rules.missing-key", "\(what) needs 'assert'", at: definition.node, in: definition.source)
                continue
            }
            guard let assertion = compileCondition(assertNode, source: definition.source("assert"), compiler: &compiler) else { continue }
            var severity = Severity.error
            if let node = definition.reader["severity"] {
                switch node.scalar {
                case "error"?: severity = .error
                case "warning"?: severity = .warning
                default:
                    sink.error("rules.wrong-type", "severity must be 'error' or 'warning'", at: node, in: definition.source("severity"),
                               fixIt: Suggestions.closest(to: node.scalar ?? "", in: ["error", "warning"]))
                }
            }
            checks.append(Check(id: definition.id, when: when, assertion: assertion, message: message, severity: severity, location: SourceLocation(definition.source, definition.node.position)))
        }

        let scoring = readScoring(criteria: criteria, outcomes: outcomes)
        if questionDefinitions.isEmpty, !sink.hasErrors {
            sink.append(Diagnostic(.error, code: "rules.no-questions", "the criteria set declares no questions", at: nil))
        }
        return CriteriaSet(
            id: id, title: title, version: version, source: sourceText, effective: effective, holidays: holidays.sorted(),
            facts: facts, predicates: predicates, scales: scales, outcomes: outcomes, criteria: criteria,
            questions: questions, checks: checks, scoring: scoring, tags: tags, hash: contentHash,
            derivation: derivation, retired: retired, definitions: definitions)
    }
}
