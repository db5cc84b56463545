import YAMLKit

/// Reads case documents straight from the parser's events into ``CaseRecord``s, without a tree of
/// the whole document: the `case`, `facts`, `answers` and `notes` mappings are read key by key
/// (keys found by their bytes in a ``KeyTable``, duplicates found by index). A value that is one the
/// files repeat most (a domain value, a scale's option, a bool, a date) is typed from its bytes
/// (``ValueTables``); any other is built as a small ``Node`` for ``YAMLCaseReader`` to type, which
/// also says what is wrong with it — so both readers give the same records and the same diagnostics
/// at the same positions.
///
/// Anchors and aliases stop the events (``YAMLEventReader/needsTree``): ``read(_:range:limits:report:accept:)``
/// then says from which document on the input must be read with the tree reader.
struct CaseEventReader {
    private let values: YAMLCaseReader
    private let tables: ValueTables
    private var factKeys: KeyTable
    private var answerKeys: KeyTable
    private var noteKeys: KeyTable
    private var seen: SeenIndexes
    /// The answers and positions of a record with nothing recorded, copied for each case: the copy
    /// shares the arrays until one is written, and then copies its plain values as one block, where
    /// making them afresh sets them entry by entry. (Not the facts: an array of enums with strings
    /// in them is copied entry by entry, dearer than making it.)
    private let blank: (answers: AnswerTable, positions: CasePositions)

    init(schema: CaseSchema, tables: ValueTables) {
        values = YAMLCaseReader(schema: schema)
        self.tables = tables
        let facts = schema.set.facts.map(\.name)
        let questions = schema.set.questions.map(\.id)
        factKeys = KeyTable(facts) { schema.fact(named: $0) }
        answerKeys = KeyTable(questions) { schema.question(id: $0) }
        noteKeys = answerKeys
        seen = SeenIndexes(count: max(facts.count, questions.count))
        blank = (AnswerTable(count: questions.count), CasePositions(record: .start, facts: facts.count, answers: questions.count))
    }

    /// Where the events stopped for the tree reader: the first document not read, and where it starts.
    struct Resume {
        var document: Int
        var offset: Int
    }

    /// Reads the case documents of `range`: each case to `accept` and each document's problems to
    /// `report` once the document is complete. Returns the YAML problems, and where to resume with
    /// the tree reader if the events stopped at an anchor or alias (YAML problems from there on are
    /// left out: the tree reader finds them again).
    mutating func read(
        _ source: SourceText, range: YAMLRange, limits: YAMLLimits,
        report: (Diagnostic) -> Void, accept: (CaseRecord) -> Void
    ) -> (outcome: YAMLEventReader.Outcome, resume: Resume?) {
        var resume: Resume?
        var outcome = YAMLEventReader.read(source, range: range, limits: limits) { reader in
            while reader.next() {
                guard reader.kind == .documentStart, reader.next(), reader.kind != .documentEnd else { continue }
                var found = Findings()
                let record = readDocument(&reader, source, &found)
                // A document the events stop inside is not delivered (as with the tree reader).
                guard reader.next(), reader.kind == .documentEnd else { break }
                // The document's YAML problems (a duplicate or non-scalar key) are reported with it.
                for error in reader.takeErrors() { report(Diagnostic(error, in: source)) }
                found.general.forEach(report)
                if let record {
                    found.record.forEach(report)
                    accept(record)
                }
            }
            if reader.needsTree { resume = Resume(document: reader.documentIndex, offset: reader.documentOffset) }
        }
        if let resume { outcome.errors.removeAll { $0.position.offset >= resume.offset } }
        return (outcome, resume)
    }

    /// A document's diagnostics, held until it is complete: those about the record are dropped
    /// when the case has no id (as the tree reader never reads its values).
    private struct Findings {
        var general: [Diagnostic] = []
        var record: [Diagnostic] = []
    }

    /// Reads the document whose root the reader stands on; the reader ends on the root's last event.
    private mutating func readDocument(_ reader: inout YAMLEventReader, _ source: SourceText, _ found: inout Findings) -> CaseRecord? {
        func general(_ code: String, _ message: String, _ at: SourcePosition, _ fixIt: String?) {
            found.general.append(YAMLCaseReader.diagnostic(code, message, source, at, fixIt))
        }
        func recordFlag(_ code: String, _ message: String, _ at: SourcePosition, _ fixIt: String?) {
            found.record.append(YAMLCaseReader.diagnostic(code, message, source, at, fixIt))
        }
        switch reader.kind {
        case .mappingStart: break
        case .scalar:
            if !reader.isNull { YAMLCaseReader.notAMapping(reader.kindDescription, at: reader.position, general) }
            return nil
        default:
            let (kind, position) = (reader.kindDescription, reader.position)
            reader.skip()
            YAMLCaseReader.notAMapping(kind, at: position, general)
            return nil
        }
        let root = reader.position
        var record = CaseRecord(
            id: "", facts: Self.noFacts(values.schema.set.facts.count), answers: blank.answers, source: source,
            positions: blank.positions)
        record.positions.record = root
        record.positions.start = root
        var keys = YAMLKeys()
        var idNode: Node?
        var assessor: Node?
        while reader.next(), reader.kind != .mappingEnd {
            guard let (key, position) = nextKey(&reader, &keys) else { continue }
            switch key {
            case "case": idNode = reader.node()
            case "assessor": assessor = reader.node()
            case "facts": readMapping(&reader, .facts, &record, recordFlag)
            case "answers": readMapping(&reader, .answers, &record, recordFlag)
            case "notes": readMapping(&reader, .notes, &record, recordFlag)
            default:
                YAMLCaseReader.unknownKey(key, at: position, general)
                reader.skip()
            }
        }
        guard let id = YAMLCaseReader.caseID(idNode, in: root, general) else { return nil }
        record.id = id.text
        record.positions.record = id.position
        if let assessor { values.readAssessor(assessor, into: &record, recordFlag) }
        return record
    }

    /// A case's facts before any is read: `count` nils, stored in one pass (`Array(repeating:count:)`
    /// sets an optional enum with strings in it entry by entry, at several times the cost).
    private static func noFacts(_ count: Int) -> [FactValue?] {
        [FactValue?](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: nil)
            initialized = count
        }
    }

    /// At a key of the root mapping: its text and position with the reader on its value, or nil when
    /// the pair is dropped (a non-scalar or duplicate key, reported; its value is read past).
    private func nextKey(_ reader: inout YAMLEventReader, _ keys: inout YAMLKeys) -> (String, SourcePosition)? {
        guard reader.kind == .scalar else {
            dropPair(&reader, .nonScalarKey(reader.node()))
            return nil
        }
        let key = reader.text
        let position = reader.position
        if let first = keys.first(key, at: position) {
            dropPair(&reader, .duplicateKey(key, at: position, first: first))
            return nil
        }
        return reader.next() ? (key, position) : nil
    }

    /// Reports a dropped pair's key and reads past its value.
    private func dropPair(_ reader: inout YAMLEventReader, _ error: YAMLError) {
        reader.report(error)
        if reader.next() { reader.skip() }
    }

    private enum Section {
        case facts, answers, notes
    }

    /// Reads the value of a `facts`, `answers` or `notes` key, pair by pair when it is a mapping.
    private mutating func readMapping(
        _ reader: inout YAMLEventReader, _ section: Section, _ record: inout CaseRecord, _ flag: YAMLCaseReader.Report
    ) {
        let what = section == .facts ? "facts" : section == .answers ? "answers" : "notes"
        guard reader.kind == .mappingStart else {
            _ = values.mapping(reader.node(), what, flag)
            return
        }
        seen.reset()
        var unknown = YAMLKeys()
        // The index of the key before, for the tables' guess of the next one.
        var previous: Int? = -1
        while reader.next(), reader.kind != .mappingEnd {
            guard reader.kind == .scalar else {
                dropPair(&reader, .nonScalarKey(reader.node()))
                continue
            }
            let position = reader.position
            let found: (index: Int, exact: Bool)?
            switch section {
            case .facts: found = factKeys.index(of: reader.bytes, after: previous)
            case .answers: found = answerKeys.index(of: reader.bytes, after: previous)
            case .notes: found = noteKeys.index(of: reader.bytes, after: previous)
            }
            previous = found.flatMap { $0.exact ? $0.index : nil }
            let index: Int
            // The key as written, when it is not the name of the item at `index` itself.
            let written: String?
            if let (known, exact) = found {
                if let first = seen.first(known, at: position) {
                    dropPair(&reader, .duplicateKey(reader.text, at: position, first: first))
                    continue
                }
                index = known
                written = exact ? nil : reader.text
            } else {
                // Not a name of the set: a duplicate of another such key, an id a derived set
                // renamed (read as the new one, with a warning), or removed or unknown (reported).
                let name = reader.text
                if let first = unknown.first(name, at: position) {
                    dropPair(&reader, .duplicateKey(name, at: position, first: first))
                    continue
                }
                let schema = values.schema
                let code = section == .facts ? "case.unknown-fact" : "case.unknown-question"
                guard let renamed = values.resolveUnknown(name, at: position, section == .facts ? schema.unknownFact : schema.unknownQuestion, code, flag) else {
                    if reader.next() { reader.skip() }
                    continue
                }
                index = renamed
                written = name
            }
            guard reader.next() else { return }
            if reader.kind == .scalar, readScalar(section, index, &reader, &record) { continue }
            let name = written ?? (section == .facts ? values.schema.set.facts[index].name : values.schema.set.questions[index].id)
            let value = reader.node()
            switch section {
            case .facts: values.readFact(index, name, value, into: &record, flag)
            case .answers: values.readAnswer(index, name, value, key: position, into: &record, flag)
            case .notes: values.readNote(index, name, value, into: &record, flag)
            }
        }
    }
}

extension CaseEventReader {
    /// Records the scalar the reader stands on as the value of fact or question `index` when its
    /// bytes are a value of the item's type; false when they are not (or the item takes another
    /// form), to be read as a node. No null is typed here: a bool, a date or a value of the tables
    /// is never spelt as one.
    @inline(__always)
    private func readScalar(_ section: Section, _ index: Int, _ reader: inout YAMLEventReader, _ record: inout CaseRecord) -> Bool {
        let bytes = reader.bytes
        switch section {
        case .facts:
            let value: FactValue
            switch tables.facts[index] {
            case .list(let list):
                guard let option = tables.index(in: list, of: bytes) else { return false }
                value = .option(option)
            case .bool:
                guard let truth = ValueTables.bool(bytes) else { return false }
                value = .bool(truth)
            case .date:
                guard let day = Day(iso: bytes) else { return false }
                value = .date(day)
            case .general:
                return false
            }
            record.facts[index] = value
            record.positions.facts[index] = reader.position
        case .answers:
            guard case .list(let list) = tables.answers[index], let option = tables.index(in: list, of: bytes) else { return false }
            record.answers[index] = .single(.option(option))
            record.positions.answers[index] = reader.position
        case .notes:
            return false
        }
        return true
    }
}

/// The indexes seen in the mapping being read, with where each was first seen; cleared in constant
/// time by moving to a new generation. One array (a stamp beside each position), so recording an
/// index writes one.
private struct SeenIndexes {
    private var entries: [(stamp: UInt32, position: SourcePosition)]
    private var generation: UInt32 = 1

    init(count: Int) { entries = Array(repeating: (0, .start), count: count) }

    mutating func reset() {
        generation &+= 1
        if generation == 0 {
            for index in entries.indices { entries[index].stamp = 0 }
            generation = 1
        }
    }

    /// Where `index` was seen before in this mapping; otherwise nil, and it is recorded at `position`.
    mutating func first(_ index: Int, at position: SourcePosition) -> SourcePosition? {
        if entries[index].stamp == generation { return entries[index].position }
        entries[index] = (generation, position)
        return nil
    }
}
