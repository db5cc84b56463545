import YAMLKit

/// A list entry with an `id` (outcome, criterion, question, check), read strictly.
struct IdentifiedDefinition {
    var id: String
    var node: Node
    var source: SourceText
    var reader: MappingReader

    /// The file a key's value is written in (an override's, or the item's own).
    func source(_ key: String) -> SourceText { reader.source(of: key) }
}

/// A predicate as written.
struct PredicateDefinition {
    var name: String
    var expression: Node
    var label: String?
    var description: String?
    var source: SourceText
}

extension CriteriaSetLoader {
    // MARK: - Identity

    mutating func identityString(_ key: String) -> String? {
        guard let located = singles[key] else {
            sink.append(Diagnostic(.error, code: "rules.missing-key", "the criteria set needs '\(key)'", at: nil))
            return nil
        }
        return scalarText(located, key: key)
    }

    mutating func scalarText(_ located: Located, key: String) -> String? {
        guard let text = located.node.scalar, !located.node.isNull else {
            sink.error("rules.wrong-type", "'\(key)' must be text", at: located.node, in: located.source)
            return nil
        }
        return text
    }

    mutating func date(_ located: Located, what: String) -> Day? {
        guard let text = located.node.scalar, let day = Day(iso: text) else {
            sink.error("rules.invalid-date", "\(what) must be a date written 'YYYY-MM-DD'", at: located.node, in: located.source)
            return nil
        }
        return day
    }

    // MARK: - Facts, scales, predicates

    mutating func readFacts() -> [Fact] {
        var facts: [Fact] = []
        var seen: [String: SourceLocation] = [:]
        for entry in mappingEntries["facts"] ?? [] {
            guard let name = declaredName(entry.key, kind: "fact", source: entry.source, seen: &seen) else { continue }
            guard let reader = MappingReader(entry.value, in: entry.source, what: "fact '\(name)'", allowed: ["type", "values", "label", "description"], overrides: entry.overrides, sink: &sink) else { continue }
            guard let typeNode = reader["type"] else {
                sink.error("rules.missing-key", "fact '\(name)' needs a 'type' (\(FactType.allCases.map(\.rawValue).joined(separator: ", ")))", at: entry.value, in: entry.source)
                continue
            }
            guard let typeName = typeNode.scalar, let type = FactType(rawValue: typeName) else {
                let suggestion = Suggestions.closest(to: typeNode.scalar ?? "", in: FactType.allCases.map(\.rawValue))
                sink.error(
                    "rules.unknown-fact-type",
                    "'\(typeNode.scalar ?? "")' is not a fact type" + Suggestions.didYouMean(suggestion) + " (types: \(FactType.allCases.map(\.rawValue).joined(separator: ", ")))",
                    at: typeNode, in: entry.source, fixIt: suggestion)
                continue
            }
            var values: [String] = []
            if type.hasValues {
                guard let valueNodes = reader.list("values", sink: &sink) else {
                    if reader["values"] == nil {
                        sink.error("rules.missing-key", "fact '\(name)' of type \(type.rawValue) needs 'values'", at: entry.value, in: entry.source)
                    }
                    continue
                }
                values = domainValues(valueNodes, owner: "fact '\(name)'", source: entry.source)
                if valueNodes.isEmpty {
                    sink.error("rules.empty-domain", "fact '\(name)' needs at least one value", at: reader["values"] ?? entry.value, in: entry.source)
                }
                if type == .set, values.count > 64 {
                    sink.error("rules.domain-too-large", "a set fact can have at most 64 values; '\(name)' has \(values.count)", at: reader["values"] ?? entry.value, in: entry.source)
                }
            } else if let valuesNode = reader["values"] {
                sink.error("rules.unexpected-values", "a \(type.rawValue) fact has no 'values'; use type enum, ordinal or set", at: valuesNode, in: entry.source)
            }
            let label = reader.string("label", what: "fact '\(name)'", required: false, sink: &sink) ?? name.replacingUnderscores()
            facts.append(Fact(
                name: name, type: type, values: values, label: label,
                description: reader.string("description", what: "fact '\(name)'", required: false, sink: &sink),
                location: SourceLocation(entry.source, entry.key.position)))
        }
        return facts
    }

    /// Values of a domain: identifiers, each once.
    mutating func domainValues(_ nodes: [Node], owner: String, source: SourceText) -> [String] {
        var values: [String] = []
        for node in nodes {
            guard let value = node.scalar else { continue }
            if !Identifier.isValid(value) {
                sink.error(
                    "rules.invalid-identifier",
                    "'\(value)' in \(owner) is not a valid value name: use lower-case letters, digits and '_', starting with a letter, and not one of and, or, not, in, true, false",
                    at: node, in: source)
                continue
            }
            if values.contains(value) {
                sink.error("rules.duplicate-value", "'\(value)' appears twice in \(owner)", at: node, in: source)
                continue
            }
            values.append(value)
        }
        return values
    }

    /// Checks a declared name (identifier, not seen before) and records it.
    mutating func declaredName(_ key: Node, kind: String, source: SourceText, seen: inout [String: SourceLocation]) -> String? {
        guard let name = key.scalar else { return nil }
        if !Identifier.isValid(name) {
            sink.error("rules.invalid-identifier", "'\(name)' is not a valid \(kind) name: use lower-case letters, digits and '_', starting with a letter", at: key, in: source)
            return nil
        }
        if let first = seen[name] {
            sink.error("rules.duplicate-id", "\(kind) '\(name)' is declared twice", at: key, in: source, notes: [Diagnostic.Note("first declared here", at: first)])
            return nil
        }
        seen[name] = SourceLocation(source, key.position)
        return name
    }

    mutating func readScales() -> [Scale] {
        var scales: [Scale] = []
        var seen: [String: SourceLocation] = [:]
        for entry in mappingEntries["scales"] ?? [] {
            guard let name = declaredName(entry.key, kind: "scale", source: entry.source, seen: &seen) else { continue }
            let what = "scale '\(name)'"
            guard let reader = MappingReader(entry.value, in: entry.source, what: what, allowed: ["options", "sufficient", "labels", "gap_kind"], overrides: entry.overrides, sink: &sink) else { continue }
            guard let optionNodes = reader.list("options", sink: &sink) else {
                if reader["options"] == nil { sink.error("rules.missing-key", "\(what) needs 'options'", at: entry.value, in: entry.source) }
                continue
            }
            let options = domainValues(optionNodes, owner: what, source: entry.source)
            if options.count < 2 {
                sink.error("rules.empty-domain", "\(what) needs at least two options", at: reader["options"] ?? entry.value, in: entry.source)
            }
            var sufficient: Set<Int> = []
            for node in reader.list("sufficient", sink: &sink) ?? [] {
                if let index = option(node, in: options, scale: name, source: entry.source) { sufficient.insert(index) }
            }
            if reader["sufficient"] == nil {
                sink.error("rules.missing-key", "\(what) needs 'sufficient': the options above the line ([] for a descriptive scale)", at: entry.value, in: entry.source)
            }
            var labels: [String: String] = [:]
            if let labelsNode = reader["labels"] {
                if let pairs = labelsNode.mapping {
                    for pair in pairs {
                        guard option(pair.key, in: options, scale: name, source: entry.source) != nil, let key = pair.key.scalar else { continue }
                        guard let text = pair.value.scalar else {
                            sink.error("rules.wrong-type", "a label must be text", at: pair.value, in: entry.source)
                            continue
                        }
                        labels[key] = text
                    }
                } else {
                    sink.error("rules.wrong-type", "'labels' must map options to their text", at: labelsNode, in: entry.source)
                }
            }
            var gapKinds: [Int: GapKind] = [:]
            if let gapNode = reader["gap_kind"] {
                if let pairs = gapNode.mapping {
                    for pair in pairs {
                        guard let index = option(pair.key, in: options, scale: name, source: entry.source) else { continue }
                        guard let kind = pair.value.scalar.flatMap(GapKind.init(rawValue:)) else {
                            let suggestion = Suggestions.closest(to: pair.value.scalar ?? "", in: GapKind.allCases.map(\.rawValue))
                            sink.error("rules.invalid-gap-kind", "a gap kind is 'practice' or 'recording'" + Suggestions.didYouMean(suggestion), at: pair.value, in: entry.source, fixIt: suggestion)
                            continue
                        }
                        if sufficient.contains(index) {
                            sink.error("rules.gap-kind-sufficient", "'\(options[index])' is above the line, so it cannot be a gap", at: pair.key, in: entry.source)
                        }
                        gapKinds[index] = kind
                    }
                } else {
                    sink.error("rules.wrong-type", "'gap_kind' must map options to 'practice' or 'recording'", at: gapNode, in: entry.source)
                }
            }
            scales.append(Scale(name: name, options: options, sufficient: sufficient, labels: labels, gapKinds: gapKinds, location: SourceLocation(entry.source, entry.key.position)))
        }
        return scales
    }

    /// The index of an option named by a node, or a diagnostic.
    mutating func option(_ node: Node, in options: [String], scale: String, source: SourceText) -> Int? {
        guard let value = node.scalar else { return nil }
        if let index = options.firstIndex(of: value) { return index }
        let suggestion = Suggestions.closest(to: value, in: options)
        sink.error(
            "rules.unknown-option", "'\(value)' is not an option of scale '\(scale)'" + Suggestions.didYouMean(suggestion),
            at: node, in: source, fixIt: suggestion)
        return nil
    }

    mutating func readPredicateDefinitions() -> [PredicateDefinition] {
        var definitions: [PredicateDefinition] = []
        var seen: [String: SourceLocation] = [:]
        let factNames = Set((mappingEntries["facts"] ?? []).compactMap { $0.key.scalar })
        for entry in mappingEntries["predicates"] ?? [] {
            guard let name = declaredName(entry.key, kind: "predicate", source: entry.source, seen: &seen) else { continue }
            if factNames.contains(name) {
                sink.error("rules.duplicate-id", "'\(name)' is both a fact and a predicate", at: entry.key, in: entry.source)
                continue
            }
            if entry.value.scalar != nil, entry.overrides.isEmpty {
                definitions.append(PredicateDefinition(name: name, expression: entry.value, source: entry.source))
                continue
            }
            // A predicate written as its expression alone reads as {expr: ...} when a derived set overrides keys.
            let node = entry.value.scalar == nil ? entry.value
                : Node(.mapping([Pair(key: Node(.scalar("expr", .plain), span: entry.value.span), value: entry.value)]), span: entry.value.span)
            guard let reader = MappingReader(node, in: entry.source, what: "predicate '\(name)'", allowed: ["expr", "label", "description"], overrides: entry.overrides, sink: &sink) else { continue }
            guard let expression = reader["expr"] else {
                sink.error("rules.missing-key", "predicate '\(name)' needs 'expr'", at: entry.value, in: entry.source)
                continue
            }
            definitions.append(PredicateDefinition(
                name: name, expression: expression,
                label: reader.string("label", what: "predicate '\(name)'", required: false, sink: &sink),
                description: reader.string("description", what: "predicate '\(name)'", required: false, sink: &sink),
                source: reader.source(of: "expr")))
        }
        return definitions
    }

    // MARK: - Lists with ids

    mutating func readIdentified(_ key: String, what: String, allowed: [String]) -> [IdentifiedDefinition] {
        var definitions: [IdentifiedDefinition] = []
        var seen: [String: SourceLocation] = [:]
        for item in listItems[key] ?? [] {
            guard let reader = MappingReader(item.node, in: item.source, what: what, allowed: allowed, overrides: item.overrides, sink: &sink) else { continue }
            guard let idNode = reader["id"] else {
                sink.error("rules.missing-key", "\(what) needs an 'id'", at: item.node, in: item.source)
                continue
            }
            guard let id = idNode.scalar, !id.isEmpty else {
                sink.error("rules.wrong-type", "an id must be text", at: idNode, in: item.source)
                continue
            }
            if let first = seen[id] {
                sink.error("rules.duplicate-id", "\(what.dropFirst(what.hasPrefix("an ") ? 3 : 2)) id '\(id)' is used twice", at: idNode, in: item.source,
                           notes: [Diagnostic.Note("first used here", at: first)])
                continue
            }
            seen[id] = SourceLocation(item.source, idNode.position)
            definitions.append(IdentifiedDefinition(id: id, node: item.node, source: item.source, reader: reader))
        }
        return definitions
    }

    /// Resolves a reference key (`outcome`, `criterion`, `scale`) to an index, or a diagnostic.
    mutating func reference(_ definition: IdentifiedDefinition, key: String, what: String, kind: String, index: [String: Int]) -> Int? {
        guard let node = definition.reader[key] else {
            sink.error("rules.missing-key", "\(what) needs '\(key)'", at: definition.node, in: definition.source)
            return nil
        }
        guard let name = node.scalar else {
            sink.error("rules.wrong-type", "'\(key)' must name \(kind == "outcome" ? "an" : "a") \(kind)", at: node, in: definition.source(key))
            return nil
        }
        if let found = index[name] { return found }
        let suggestion = Suggestions.closest(to: name, in: index.keys.sorted())
        sink.error("rules.unknown-\(kind)", "'\(name)' is not \(kind == "outcome" ? "an" : "a") \(kind) of this set" + Suggestions.didYouMean(suggestion), at: node, in: definition.source(key), fixIt: suggestion)
        return nil
    }

    mutating func questionShape(
        _ definition: IdentifiedDefinition, factIndex: [String: Int], facts: [Fact], scaleIndex: [String: Int], scales: [Scale],
        criterionIndex: [String: Int], outcomeIndex: [String: Int]
    ) -> (criterion: Int, scale: Int, forEach: Int?, alsoScores: [Int])? {
        let what = "question '\(definition.id)'"
        let criterion = reference(definition, key: "criterion", what: what, kind: "criterion", index: criterionIndex)
        let scale = reference(definition, key: "scale", what: what, kind: "scale", index: scaleIndex)
        var forEach: Int?
        var valid = criterion != nil && scale != nil
        if let node = definition.reader["for_each"] {
            if let name = node.scalar, let index = factIndex[name] {
                if facts[index].type == .set {
                    forEach = index
                } else {
                    sink.error("rules.for-each-not-set", "for_each needs a set fact; '\(name)' is \(facts[index].type.rawValue)", at: node, in: definition.source("for_each"))
                    valid = false
                }
            } else {
                let name = node.scalar ?? ""
                let suggestion = Suggestions.closest(to: name, in: facts.filter { $0.type == .set }.map(\.name))
                sink.error("rules.unknown-fact", "'\(name)' is not a declared fact" + Suggestions.didYouMean(suggestion), at: node, in: definition.source("for_each"), fixIt: suggestion)
                valid = false
            }
        }
        var alsoScores: [Int] = []
        for node in definition.reader.list("also_scores", sink: &sink) ?? [] {
            guard let name = node.scalar else { continue }
            if let index = outcomeIndex[name] {
                alsoScores.append(index)
            } else {
                let suggestion = Suggestions.closest(to: name, in: outcomeIndex.keys.sorted())
                sink.error("rules.unknown-outcome", "'\(name)' is not an outcome of this set" + Suggestions.didYouMean(suggestion), at: node, in: definition.source("also_scores"), fixIt: suggestion)
            }
        }
        guard valid, let criterion, let scale else { return nil }
        return (criterion, scale, forEach, alsoScores)
    }

    // MARK: - Expressions

    mutating func expressionText(_ node: Node, source: SourceText) -> String? {
        guard let text = node.scalar, !node.isNull else {
            sink.error("rules.wrong-type", "an expression must be text, not \(node.isNull ? "empty" : node.kindDescription)", at: node, in: source)
            return nil
        }
        return text
    }

    mutating func compileCondition(_ node: Node, source: SourceText, compiler: inout ExpressionCompiler) -> CompiledCondition? {
        guard let text = expressionText(node, source: source) else { return nil }
        do {
            return try compiler.condition(text)
        } catch {
            report(error, in: node, source: source)
            return nil
        }
    }

    /// An expression's errors, each at its exact character in the file.
    mutating func report(_ errors: ExpressionErrors, in node: Node, source: SourceText) {
        for error in errors.all {
            let position = ScalarPositionMap.position(ofCharacter: error.offset, in: node, source: source)
            sink.append(Diagnostic(
                .error, code: error.code, error.message, at: SourceLocation(source, position),
                fixIt: error.fixIt.map { .init(replacement: $0) }))
        }
    }

    /// Questions whose applicability or computed answer reads each other's answers in a cycle.
    /// True when there is none.
    mutating func detectAnswerCycles(_ questions: [Question], definitions: [IdentifiedDefinition]) -> Bool {
        var state = [Int](repeating: 0, count: questions.count)  // 0 new, 1 on the path, 2 done
        let dependencies = questions.map { question in
            (question.applies.questions + (question.compute?.questions ?? [])).filter { $0 < questions.count }
        }
        // Depth-first with an explicit stack (the path), so a long chain costs no call stack.
        var path: [(index: Int, next: Int)] = []
        for root in questions.indices where state[root] == 0 {
            state[root] = 1
            path.append((root, 0))
            while let (index, next) = path.last {
                guard next < dependencies[index].count else {
                    state[index] = 2
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let dependency = dependencies[index][next]
                if state[dependency] == 1 {
                    let start = path.firstIndex { $0.index == dependency } ?? 0
                    let cycle = (path[start...].map(\.index) + [dependency]).map { questions[$0].id }.joined(separator: " → ")
                    let definition = definitions[index]
                    let key = definition.reader["applies"] != nil ? "applies" : "compute"
                    let node = definition.reader[key] ?? definition.node
                    sink.error("rules.answer-cycle", "questions depend on each other's answers in a cycle: \(cycle)", at: node, in: definition.source(key))
                    return false
                }
                if state[dependency] == 0 {
                    state[dependency] = 1
                    path.append((dependency, 0))
                }
            }
        }
        return true
    }

    /// The most facts whether one question applies may depend on, through the answers it reads
    /// and theirs: what a case lacks is listed in every gap and finding on the question.
    static let mostApplicabilityFacts = 256

    /// Questions whose applicability depends on more than ``mostApplicabilityFacts`` facts (a
    /// long or wide chain of `answer()`s) are refused where the condition is written: the first of
    /// a chain, not each question after it that reads its answer.
    mutating func limitApplicabilityFacts(_ questions: [Question], factCount: Int, definitions: [IdentifiedDefinition]) {
        let facts = ApplicabilityFacts(questions, factCount: factCount, order: Evaluator.dependencyOrder(questions))
        let over = questions.indices.map { facts.count(of: $0) > Self.mostApplicabilityFacts }
        for (index, definition) in definitions.enumerated() where over[index] {
            guard !questions[index].applies.questions.contains(where: { over[$0] }) else { continue }
            let count = facts.count(of: index)
            let node = definition.reader["applies"] ?? definition.node
            sink.error(
                "rules.too-many-facts",
                "whether \(definition.id) applies depends on \(count) facts, through its conditions and the answers they read, more than the limit of \(Self.mostApplicabilityFacts)",
                at: node, in: definition.source("applies"),
                notes: [Diagnostic.Note("a case lacking them would name them all in each JSON gap on the question; read fewer facts or answers, or split the question")])
        }
    }

    // MARK: - Scoring

    mutating func readScoring(criteria: [Criterion], outcomes: [Outcome]) -> ScoringPolicy {
        var policy = ScoringPolicy(method: .meanOfQuestions, minBase: 1, bands: [])
        guard let located = singles["scoring"] else { return policy }
        guard let reader = MappingReader(
            located.node, in: located.source, what: "'scoring'",
            allowed: ["outcome", "criterion", "min_base", "bands", "banded", "overall"], overrides: located.overrides, sink: &sink)
        else { return policy }
        if let node = reader["outcome"], let method = scoringMethod(node, ScoringMethod.self, source: reader.source(of: "outcome")) {
            policy.method = method
        }
        if let node = reader["criterion"], let method = scoringMethod(node, CriterionMethod.self, source: reader.source(of: "criterion")) {
            policy.criterionMethod = method
        }
        if let minBase = reader.int("min_base", sink: &sink) {
            if minBase < 1, let node = reader["min_base"] {
                sink.error("rules.wrong-type", "min_base must be 1 or more", at: node, in: reader.source(of: "min_base"))
            } else {
                policy.minBase = minBase
            }
        }
        if let bandsNode = reader["bands"] {
            policy.bands = readBands(bandsNode, source: reader.source(of: "bands"), unit: "a percentage from 0 to 100", maximum: 100)
        }
        readRatings(reader, into: &policy, criteria: criteria.count, outcomes: outcomes.count)
        return policy
    }

    /// A scoring method by name, or a diagnostic with the methods there are.
    mutating func scoringMethod<Method: RawRepresentable & CaseIterable>(
        _ node: Node, _ type: Method.Type, source: SourceText
    ) -> Method? where Method.RawValue == String {
        if let method = node.scalar.flatMap(Method.init(rawValue:)) { return method }
        let names = Method.allCases.map(\.rawValue)
        let suggestion = Suggestions.closest(to: node.scalar ?? "", in: names)
        sink.error("rules.scoring-method", "'\(node.scalar ?? "")' is not a scoring method" + Suggestions.didYouMean(suggestion) + " (methods: \(names.joined(separator: ", ")))", at: node, in: source, fixIt: suggestion)
        return nil
    }

    /// A list of `{label, min}`, highest first, each `min` from 0 to `maximum`.
    mutating func readBands(_ node: Node, source: SourceText, unit: String, maximum: Double) -> [Band] {
        guard let items = node.sequence else {
            sink.error("rules.wrong-type", "'bands' must be a list of {label, min}", at: node, in: source)
            return []
        }
        var bands: [Band] = []
        for item in items {
            guard let band = MappingReader(item, in: source, what: "a band", allowed: ["label", "min"], sink: &sink) else { continue }
            guard let label = band.string("label", what: "a band", required: true, sink: &sink) else { continue }
            guard let minNode = band["min"], let text = minNode.scalar, let minimum = Double(text), minimum >= 0, minimum <= maximum else {
                sink.error("rules.wrong-type", "a band needs 'min': \(unit)", at: band["min"] ?? item, in: source)
                continue
            }
            if let previous = bands.last, minimum >= previous.minimum {
                sink.error("rules.band-order", "bands must be listed from the highest minimum to the lowest", at: minNode, in: source)
            }
            if bands.contains(where: { $0.label == label }) {
                sink.error("rules.duplicate-id", "band '\(label)' is listed twice", at: band["label"] ?? item, in: source)
            }
            bands.append(Band(label: label, minimum: minimum))
        }
        return bands
    }
}
