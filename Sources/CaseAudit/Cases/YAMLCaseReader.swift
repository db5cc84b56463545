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
///
/// This reader works on a document's tree; ``CaseEventReader`` reads the same cases straight from
/// the parser's events and shares the reading of each value (and every message) with it.
struct YAMLCaseReader {
    let schema: CaseSchema
    static let keys = ["case", "assessor", "facts", "answers", "notes"]

    func read(_ document: Document, report: (Diagnostic) -> Void) -> CaseRecord? {
        let source = document.source
        let root = document.root
        func flag(_ code: String, _ message: String, _ at: SourcePosition, _ fixIt: String?) {
            report(Self.diagnostic(code, message, source, at, fixIt))
        }
        if root.isNull { return nil }  // an empty document: nothing to read
        guard let pairs = root.mapping else {
            Self.notAMapping(root.kindDescription, at: root.position, flag)
            return nil
        }
        for pair in pairs {
            guard let key = pair.key.scalar, !Self.keys.contains(key) else { continue }
            Self.unknownKey(key, at: pair.key.position, flag)
        }
        guard let id = Self.caseID(root["case"], in: root.position, flag) else { return nil }
        var record = emptyRecord(id, source)
        record.positions.start = root.position
        if let assessor = root["assessor"] { readAssessor(assessor, into: &record, flag) }
        if let facts = mapping(root["facts"], "facts", flag) {
            for pair in facts {
                guard let name = pair.key.scalar,
                      let index = resolve(name, at: pair.key.position, schema.fact(named:), schema.unknownFact, "case.unknown-fact", flag)
                else { continue }
                readFact(index, name, pair.value, into: &record, flag)
            }
        }
        if let answers = mapping(root["answers"], "answers", flag) {
            for pair in answers {
                guard let id = pair.key.scalar,
                      let index = resolve(id, at: pair.key.position, schema.question(id:), schema.unknownQuestion, "case.unknown-question", flag)
                else { continue }
                readAnswer(index, id, pair.value, key: pair.key.position, into: &record, flag)
            }
        }
        if let notes = mapping(root["notes"], "notes", flag) {
            for pair in notes {
                guard let id = pair.key.scalar,
                      let index = resolve(id, at: pair.key.position, schema.question(id:), schema.unknownQuestion, "case.unknown-question", flag)
                else { continue }
                readNote(index, id, pair.value, into: &record, flag)
            }
        }
        return record
    }

    /// Reports a problem in a case: code, message, position, suggested replacement.
    typealias Report = (_ code: String, _ message: String, _ at: SourcePosition, _ fixIt: String?) -> Void

    /// A problem in a case: an error, but for the warnings, an id a derived set renamed or removed
    /// and a set element listed twice.
    static func diagnostic(_ code: String, _ message: String, _ source: SourceText, _ at: SourcePosition, _ fixIt: String?) -> Diagnostic {
        let severity: Severity = code == "case.renamed-id" || code == "case.removed-id" || code == "case.repeated-element" ? .warning : .error
        return Diagnostic(severity, code: code, message, at: SourceLocation(source, at), fixIt: fixIt.map { .init(replacement: $0) })
    }

    static func notAMapping(_ kind: String, at position: SourcePosition, _ flag: Report) {
        flag("case.not-a-mapping", "a case must be a mapping with 'case', 'facts' and 'answers', not \(kind)", position, nil)
    }

    static func unknownKey(_ key: String, at position: SourcePosition, _ flag: Report) {
        let suggestion = Suggestions.closest(to: key, in: keys)
        flag("case.unknown-key", "unknown key '\(key)' in a case" + Suggestions.didYouMean(suggestion)
                + (suggestion == nil ? " (allowed: \(keys.joined(separator: ", ")))" : ""),
             position, suggestion)
    }

    /// The case's id from the value of its `case:` key (nil: none in the mapping at `root`), or nil
    /// after reporting why there is none.
    static func caseID(_ node: Node?, in root: SourcePosition, _ flag: Report) -> (text: String, position: SourcePosition)? {
        guard let idNode = node else {
            flag("case.missing-id", "this case has no 'case:' id; it is skipped", root, nil)
            return nil
        }
        guard let id = idNode.scalar?.trimmingSpaces(), !id.isEmpty, !idNode.isNull else {
            let what = idNode.scalar == nil ? idNode.kindDescription : "empty"
            flag("case.missing-id", "the case id must be a non-empty text, and this one is \(what); the case is skipped", idNode.position, nil)
            return nil
        }
        if let problem = CaseIDRule.problem(id) {
            flag("case.invalid-id", problem + "; the case is skipped", idNode.position, nil)
            return nil
        }
        return (id, idNode.position)
    }

    /// A record with nothing recorded yet, at the position of its id.
    func emptyRecord(_ id: (text: String, position: SourcePosition), _ source: SourceText) -> CaseRecord {
        CaseRecord(
            id: id.text, assessor: nil, facts: Array(repeating: nil, count: schema.set.facts.count),
            answers: AnswerTable(count: schema.set.questions.count), notes: [:], source: source,
            positions: CasePositions(record: id.position, facts: schema.set.facts.count, answers: schema.set.questions.count))
    }

    func readAssessor(_ assessor: Node, into record: inout CaseRecord, _ flag: Report) {
        guard !assessor.isNull else { return }
        if let text = assessor.scalar { record.assessor = text } else {
            flag("case.wrong-type", "'assessor' must be a text, not \(assessor.kindDescription)", assessor.position, nil)
        }
    }

    /// The pairs of a `facts`, `answers` or `notes` value; nil when it is absent or null, or after
    /// reporting that it is not a mapping.
    func mapping(_ node: Node?, _ what: String, _ flag: Report) -> [Pair]? {
        guard let node, !node.isNull else { return nil }
        guard let pairs = node.mapping else {
            flag("case.wrong-type", "'\(what)' must be a mapping (name: value), not \(node.kindDescription)", node.position, nil)
            return nil
        }
        return pairs
    }

    /// The index a key names, or nil after reporting it as unknown (with a did-you-mean).
    func resolve(
        _ name: String, at position: SourcePosition, _ lookUp: (String) -> Int?,
        _ unknown: (String) -> (message: String, suggestion: String?), _ code: String, _ flag: Report
    ) -> Int? {
        if let index = lookUp(name) { return index }
        return resolveUnknown(name, at: position, unknown, code, flag)
    }

    /// For a key the set does not name: the index of the item a derived set renamed it to (with a
    /// warning), or nil after reporting it as removed or unknown (with a did-you-mean).
    func resolveUnknown(
        _ name: String, at position: SourcePosition, _ unknown: (String) -> (message: String, suggestion: String?),
        _ code: String, _ flag: Report
    ) -> Int? {
        if let retired = schema.retired(code == "case.unknown-fact" ? .fact : .question, name) {
            flag(retired.code, retired.message, position, nil)
            return retired.index
        }
        let problem = unknown(name)
        flag(code, problem.message, position, problem.suggestion)
        return nil
    }

    /// Reads the value of fact `index`, written under the key `name`.
    func readFact(_ index: Int, _ name: String, _ node: Node, into record: inout CaseRecord, _ flag: Report) {
        if node.isNull { return }  // `fact: ~` records that it is not known
        defer { if record.facts[index] == nil { record.positions.rejectedFacts.insert(index) } }
        // The fact's fields are read where needed, not copied: this runs for every fact of every case.
        do throws(CaseSchema.ValueProblem) {
            if schema.factTypes[index] == .set {
                guard let items = node.sequence else {
                    let example = node.scalar.map { "[\($0)]" }
                    flag("case.fact-value", "\(name) is a set: give a list, e.g. [\(schema.set.facts[index].values.first ?? "value")]", node.position, example)
                    return
                }
                var bits: UInt64 = 0
                var failed = false
                for item in items {
                    guard let text = item.scalar else {
                        flag("case.fact-value", "an element of \(name) must be a single value, not \(item.kindDescription)", item.position, nil)
                        failed = true
                        continue
                    }
                    do throws(CaseSchema.ValueProblem) {
                        let bit: UInt64 = 1 << UInt64(try schema.element(text, of: index))
                        if bits & bit != 0 {
                            flag("case.repeated-element", "\(text) is listed twice in \(name)", item.position, nil)
                        }
                        bits |= bit
                    } catch {
                        flag("case.fact-value", error.message, item.position, error.suggestion)
                        failed = true
                    }
                }
                if failed { return }
                record.facts[index] = .set(bits)
            } else {
                guard let text = node.scalar else {
                    flag("case.fact-value", "\(name) takes a single value, not \(node.kindDescription)", node.position, nil)
                    return
                }
                record.facts[index] = try schema.value(text, ofFact: index)
            }
            record.positions.facts[index] = node.position
        } catch {
            flag("case.fact-value", error.message, node.position, error.suggestion)
        }
    }

    /// Reads the answer to question `index`, written under the key `id`.
    func readAnswer(_ index: Int, _ id: String, _ node: Node, key: SourcePosition, into record: inout CaseRecord, _ flag: Report) {
        if node.isNull {
            // Left blank: unanswered, and what is said about it points at the key.
            record.positions.answers[index] = key
            return
        }
        if let factIndex = schema.forEachFacts[index] {
            guard let pairs = node.mapping else {
                let fact = schema.set.facts[factIndex]
                flag("case.per-element", "\(id) is asked once per element of \(fact.name): answer it as a mapping, e.g. {\(fact.values.first ?? "element"): \(schema.set.scales[schema.set.questions[index].scale].options.first ?? "yes")}", node.position, nil)
                return
            }
            var answers: [ElementAnswer] = []
            for element in pairs {
                guard let name = element.key.scalar else { continue }
                let elementIndex: Int
                do throws(CaseSchema.ValueProblem) {
                    elementIndex = try schema.element(name, of: factIndex)
                } catch {
                    flag("case.fact-value", error.message, element.key.position, error.suggestion)
                    continue
                }
                if element.value.isNull { continue }
                guard let text = element.value.scalar else {
                    flag("case.wrong-type", "the answer for \(name) must be a single option, not \(element.value.kindDescription)", element.value.position, nil)
                    continue
                }
                let answer = schema.answer(text, to: index)
                if let problem = answer.problem { flag("case.answer-not-in-scale", problem.message, element.value.position, problem.suggestion) }
                answers.append(ElementAnswer(element: elementIndex, value: answer.value, position: element.value.position))
            }
            record.answers[index] = .perElement(answers)
        } else {
            guard let text = node.scalar else {
                flag("case.wrong-type", "the answer to \(id) must be a single option, not \(node.kindDescription)", node.position, nil)
                return
            }
            let answer = schema.answer(text, to: index)
            if let problem = answer.problem { flag("case.answer-not-in-scale", problem.message, node.position, problem.suggestion) }
            record.answers[index] = .single(answer.value)
        }
        record.positions.answers[index] = node.position
    }

    /// Reads the note on question `index`, written under the key `id`.
    func readNote(_ index: Int, _ id: String, _ node: Node, into record: inout CaseRecord, _ flag: Report) {
        if node.isNull { return }
        guard let text = node.scalar else {
            flag("case.wrong-type", "the note on \(id) must be a text, not \(node.kindDescription)", node.position, nil)
            return
        }
        record.notes[index] = text
    }
}
