import YAMLKit

/// Reads one YAML document as a case record (DESIGN §5):
///
/// ```yaml
/// case: YNY-017
/// assessor: AB
/// facts: {case_type: licence, factors: [alcohol]}
/// answers: {rmp.sufficient: no, interv.factor_delivered: {alcohol: yes}}
/// notes: {rmp.sufficient: No contingency planning.}
/// ```
///
/// Every problem becomes a located diagnostic; the rest of the case is still read. A case without
/// an id cannot be reported on and is skipped.
struct YAMLCaseReader {
    let schema: CaseSchema
    static let keys = ["case", "assessor", "facts", "answers", "notes"]

    func read(_ document: Document, report: (Diagnostic) -> Void) -> CaseRecord? {
        let source = document.source
        let root = document.root
        func flag(_ code: String, _ message: String, at node: Node, fixIt: String? = nil) {
            // The one warning here: an id a derived set renamed or removed.
            let severity: Severity = code == "case.renamed-id" || code == "case.removed-id" ? .warning : .error
            report(Diagnostic(severity, code: code, message, at: SourceLocation(source, node.position),
                              fixIt: fixIt.map { .init(replacement: $0) }))
        }
        if root.isNull { return nil }  // an empty document: nothing to read
        guard let pairs = root.mapping else {
            flag("case.not-a-mapping", "a case must be a mapping with 'case', 'facts' and 'answers', not \(root.kindDescription)", at: root)
            return nil
        }
        for pair in pairs {
            guard let key = pair.key.scalar, !Self.keys.contains(key) else { continue }
            let suggestion = Suggestions.closest(to: key, in: Self.keys)
            flag("case.unknown-key", "unknown key '\(key)' in a case" + Suggestions.didYouMean(suggestion)
                    + (suggestion == nil ? " (allowed: \(Self.keys.joined(separator: ", ")))" : ""),
                  at: pair.key, fixIt: suggestion)
        }
        guard let idNode = root["case"] else {
            flag("case.missing-id", "this case has no 'case:' id; it is skipped", at: root)
            return nil
        }
        guard let id = idNode.scalar?.trimmingSpaces(), !id.isEmpty, !idNode.isNull else {
            let what = idNode.scalar == nil ? idNode.kindDescription : "empty"
            flag("case.missing-id", "the case id must be a non-empty text, and this one is \(what); the case is skipped", at: idNode)
            return nil
        }
        var record = CaseRecord(
            id: id, assessor: nil, facts: Array(repeating: nil, count: schema.set.facts.count),
            answers: Array(repeating: nil, count: schema.set.questions.count), notes: [:], source: source,
            positions: CasePositions(record: idNode.position))
        if let assessor = root["assessor"], !assessor.isNull {
            if let text = assessor.scalar { record.assessor = text } else {
                flag("case.wrong-type", "'assessor' must be a text, not \(assessor.kindDescription)", at: assessor)
            }
        }
        if let facts = mapping(root["facts"], "facts", flag) {
            for pair in facts { readFact(pair, into: &record, flag, report) }
        }
        if let answers = mapping(root["answers"], "answers", flag) {
            for pair in answers { readAnswer(pair, into: &record, flag) }
        }
        if let notes = mapping(root["notes"], "notes", flag) {
            for pair in notes { readNote(pair, into: &record, flag) }
        }
        return record
    }

    private typealias Report = (_ code: String, _ message: String, _ at: Node, _ fixIt: String?) -> Void

    private func mapping(_ node: Node?, _ what: String, _ flag: Report) -> [Pair]? {
        guard let node, !node.isNull else { return nil }
        guard let pairs = node.mapping else {
            flag("case.wrong-type", "'\(what)' must be a mapping (name: value), not \(node.kindDescription)", node, nil)
            return nil
        }
        return pairs
    }

    /// The index a key names, or nil after reporting it as unknown (with a did-you-mean).
    private func resolve(
        _ key: Node, _ lookUp: (String) -> Int?, _ unknown: (String) -> (message: String, suggestion: String?),
        _ code: String, _ flag: Report
    ) -> Int? {
        guard let name = key.scalar else { return nil }
        if let index = lookUp(name) { return index }
        if let retired = schema.retired(code == "case.unknown-fact" ? .fact : .question, name) {
            flag(retired.code, retired.message, key, nil)
            return retired.index
        }
        let problem = unknown(name)
        flag(code, problem.message, key, problem.suggestion)
        return nil
    }

    private func readFact(_ pair: Pair, into record: inout CaseRecord, _ flag: Report, _ report: (Diagnostic) -> Void) {
        guard let name = pair.key.scalar, let index = resolve(pair.key, schema.fact(named:), schema.unknownFact, "case.unknown-fact", flag) else { return }
        let node = pair.value
        if node.isNull { return }  // `fact: ~` records that it is not known
        defer { if record.facts[index] == nil { record.positions.rejectedFacts.insert(index) } }
        let fact = schema.set.facts[index]
        do throws(CaseSchema.ValueProblem) {
            if fact.type == .set {
                guard let items = node.sequence else {
                    let example = node.scalar.map { "[\($0)]" }
                    flag("case.fact-value", "\(name) is a set: give a list, e.g. [\(fact.values.first ?? "value")]", node, example)
                    return
                }
                var bits: UInt64 = 0
                var failed = false
                for item in items {
                    guard let text = item.scalar else {
                        flag("case.fact-value", "an element of \(name) must be a single value, not \(item.kindDescription)", item, nil)
                        failed = true
                        continue
                    }
                    do throws(CaseSchema.ValueProblem) {
                        let bit: UInt64 = 1 << UInt64(try schema.element(text, of: index))
                        if bits & bit != 0 {
                            report(Diagnostic(.warning, code: "case.repeated-element", "\(text) is listed twice in \(name)",
                                              at: record.location(item.position)))
                        }
                        bits |= bit
                    } catch {
                        flag("case.fact-value", error.message, item, error.suggestion)
                        failed = true
                    }
                }
                if failed { return }
                record.facts[index] = .set(bits)
            } else {
                guard let text = node.scalar else {
                    flag("case.fact-value", "\(name) takes a single value, not \(node.kindDescription)", node, nil)
                    return
                }
                record.facts[index] = try schema.value(text, ofFact: index)
            }
            record.positions.facts[index] = node.position
        } catch {
            flag("case.fact-value", error.message, node, error.suggestion)
        }
    }

    private func readAnswer(_ pair: Pair, into record: inout CaseRecord, _ flag: Report) {
        guard let id = pair.key.scalar, let index = resolve(pair.key, schema.question(id:), schema.unknownQuestion, "case.unknown-question", flag) else { return }
        let node = pair.value
        if node.isNull { return }  // left blank: unanswered
        if let factIndex = schema.set.questions[index].forEach {
            guard let pairs = node.mapping else {
                let fact = schema.set.facts[factIndex]
                flag("case.per-element", "\(id) is asked once per element of \(fact.name): answer it as a mapping, e.g. {\(fact.values.first ?? "element"): \(schema.set.scales[schema.set.questions[index].scale].options.first ?? "yes")}", node, nil)
                return
            }
            var answers: [ElementAnswer] = []
            for element in pairs {
                guard let name = element.key.scalar else { continue }
                let elementIndex: Int
                do throws(CaseSchema.ValueProblem) {
                    elementIndex = try schema.element(name, of: factIndex)
                } catch {
                    flag("case.fact-value", error.message, element.key, error.suggestion)
                    continue
                }
                if element.value.isNull { continue }
                guard let text = element.value.scalar else {
                    flag("case.wrong-type", "the answer for \(name) must be a single option, not \(element.value.kindDescription)", element.value, nil)
                    continue
                }
                let answer = schema.answer(text, to: index)
                if let problem = answer.problem { flag("case.answer-not-in-scale", problem.message, element.value, problem.suggestion) }
                answers.append(ElementAnswer(element: elementIndex, value: answer.value, position: element.value.position))
            }
            record.answers[index] = .perElement(answers)
        } else {
            guard let text = node.scalar else {
                flag("case.wrong-type", "the answer to \(id) must be a single option, not \(node.kindDescription)", node, nil)
                return
            }
            let answer = schema.answer(text, to: index)
            if let problem = answer.problem { flag("case.answer-not-in-scale", problem.message, node, problem.suggestion) }
            record.answers[index] = .single(answer.value)
        }
        record.positions.answers[index] = node.position
    }

    private func readNote(_ pair: Pair, into record: inout CaseRecord, _ flag: Report) {
        guard let id = pair.key.scalar, let index = resolve(pair.key, schema.question(id:), schema.unknownQuestion, "case.unknown-question", flag) else { return }
        if pair.value.isNull { return }
        guard let text = pair.value.scalar else {
            flag("case.wrong-type", "the note on \(id) must be a text, not \(pair.value.kindDescription)", pair.value, nil)
            return
        }
        record.notes[index] = text
    }
}
