import Synchronization
import YAMLKit

/// Reads case records from inputs one at a time, typed by a criteria set, so memory holds one
/// document (or CSV row) at a time, not the sample. A case id seen before is an error and the
/// later case is skipped.
public final class CaseStream: Sendable {
    public let schema: CaseSchema
    public let inputs: [CaseInput]
    public let limits: YAMLLimits
    /// When set, every case's id is replaced by its pseudonym once it is read (after the check for
    /// duplicates), so no output carries the real ids.
    public let pseudonymiser: Pseudonymiser?
    /// The format of standard input; nil: detected from its first line (``CaseFormat/detect(_:)``).
    public let standardInputFormat: CaseFormat?
    /// Standard input, read once and kept, so a second pass can read it again.
    private let standardInput = Mutex<SourceText?>(nil)

    public init(
        schema: CaseSchema, inputs: [CaseInput], limits: YAMLLimits = .default, pseudonymiser: Pseudonymiser? = nil,
        standardInputFormat: CaseFormat? = nil
    ) {
        self.schema = schema
        self.inputs = inputs
        self.limits = limits
        self.pseudonymiser = pseudonymiser
        self.standardInputFormat = standardInputFormat
    }

    /// What a pass read.
    public struct Summary: Sendable {
        public var cases = 0
        public var errors = 0
        public var warnings = 0
        /// Inputs that could not be read at all.
        public var unreadable = 0
        /// The cases skipped because their id was used before.
        public var duplicates: Set<RecordKey> = []
    }

    /// Identifies a record by input and position, to skip the same duplicates on a later pass.
    public struct RecordKey: Sendable, Hashable {
        public var input: Int
        public var offset: Int
    }

    /// Reads every input in order, calling `body` with each case and its input's index; `body`
    /// returns its own findings about the case. Diagnostics go to `report` in source order, as the
    /// reading passes them (so memory does not grow with their number). A later pass may read only
    /// some inputs (`only`), skipping the duplicates an earlier full pass found (`skipping`).
    ///
    /// Case ids are read in Unicode NFC, so two spellings of one id are one case everywhere. With a
    /// pseudonymiser, diagnostics carry no source lines (a CSV row or a `case:` line would show the
    /// id, and other personal data) and name a duplicate case by its pseudonym.
    @discardableResult
    public func forEach(
        only: Set<Int>? = nil, skipping: Set<RecordKey> = [], report: ([Diagnostic]) -> Void,
        _ body: (CaseRecord, Int) -> [Diagnostic]
    ) -> Summary {
        read(alongside: nil, only: only, skipping: skipping, report: report) { record, _, input in body(record, input) }
    }

    /// Reads every input once, each case as a record of this stream's schema and of `other` (a
    /// second criteria set's), so a case can be evaluated under both as it streams past. The
    /// second reading's findings are reported too, where the first did not report the same.
    @discardableResult
    public func forEach(
        alongside other: CaseSchema, report: ([Diagnostic]) -> Void, _ body: (CaseRecord, CaseRecord?) -> [Diagnostic]
    ) -> Summary {
        read(alongside: other, only: nil, skipping: [], report: report) { record, second, _ in body(record, second) }
    }

    private func read(
        alongside other: CaseSchema?, only: Set<Int>?, skipping: Set<RecordKey>, report: ([Diagnostic]) -> Void,
        _ body: (CaseRecord, CaseRecord?, Int) -> [Diagnostic]
    ) -> Summary {
        var summary = Summary()
        var registry = CaseIDRegistry()
        for (number, input) in inputs.enumerated() where only?.contains(number) ?? true {
            var pending: [Diagnostic] = []
            var alongside: [Diagnostic] = []
            var found = 0
            var reported = false
            func add(_ diagnostic: Diagnostic) {
                reported = true
                pending.append(pseudonymiser == nil ? diagnostic : diagnostic.withoutSourceText)
            }
            func addAlongside(_ diagnostic: Diagnostic) {
                reported = true
                alongside.append(pseudonymiser == nil ? diagnostic : diagnostic.withoutSourceText)
            }
            // Reports what was found before `offset` (everything when nil), in source order: records
            // come in source order, so nothing found later lies before the record being read. The
            // second reading's findings join the first's where they differ.
            func flush(before offset: Int?) {
                if !alongside.isEmpty {
                    let first = Set(pending)
                    pending.append(contentsOf: alongside.filter { !first.contains($0) })
                    alongside.removeAll()
                }
                guard !pending.isEmpty else { return }
                pending = pending.sortedForOutput()
                let split = offset.map { offset in
                    pending.firstIndex { ($0.location?.position.offset ?? -1) >= offset } ?? pending.count
                } ?? pending.count
                guard split > 0 else { return }
                let batch = Array(pending[..<split])
                pending.removeFirst(split)
                summary.errors += batch.count(of: .error)
                summary.warnings += batch.count(of: .warning)
                report(batch)
            }
            func accept(_ record: CaseRecord, _ second: CaseRecord?) {
                found += 1
                flush(before: record.positions.record.offset)
                let key = RecordKey(input: number, offset: record.positions.record.offset)
                if skipping.contains(key) { return }
                var record = record
                var second = second
                record.id = Self.normalised(record.id)
                if let first = registry.register(
                    record.id, input: number, position: record.positions.record, idsIn: caseIDs) {
                    let shown = pseudonymiser?.pseudonym(for: record.id) ?? record.id
                    add(Diagnostic(
                        .error, code: "case.duplicate-id",
                        "case id '\(shown)' is used twice; this case is skipped", at: record.location,
                        notes: [Diagnostic.Note("'\(shown)' first appears here",
                                                at: SourceLocation(path: self.inputs[first.input].path, position: first.position))]))
                    summary.duplicates.insert(key)
                    return
                }
                summary.cases += 1
                if let pseudonymiser {
                    record.id = pseudonymiser.pseudonym(for: record.id)
                    record.hidesSource = true
                }
                second?.id = record.id
                second?.hidesSource = record.hidesSource
                body(record, second, number).forEach(add)
            }
            switch read(input) {
            case .failure(let error):
                summary.unreadable += 1
                add(Diagnostic(error, in: SourceText(path: input.path, bytes: [])))
            case .success(let source):
                if format(input, source) == .csv {
                    CSVCaseReader(schema: schema).read(
                        source, alongside: other.map(CSVCaseReader.init), report: add, reportAlongside: addAlongside, body: accept)
                } else {
                    let reader = YAMLCaseReader(schema: schema)
                    let secondReader = other.map(YAMLCaseReader.init)
                    let errors = YAMLLoader.forEachDocument(in: source, limits: limits) { document, problems in
                        for problem in problems { add(Diagnostic(problem, in: source)) }
                        if let record = reader.read(document, report: add) {
                            accept(record, secondReader?.read(document, report: addAlongside))
                        }
                    }
                    for error in errors { add(Diagnostic(error, in: source)) }
                }
                if found == 0, !reported {
                    add(Diagnostic(.warning, code: "input.empty", "this file holds no case", at: SourceLocation(source, .start)))
                }
            }
            flush(before: nil)
        }
        return summary
    }

    /// A case id in Unicode NFC (precomposed): `é` typed as one character or as `e` and a combining
    /// accent is one id, for the duplicate check, `explain` and the pseudonyms alike.
    public static func normalised(_ id: String) -> String {
        if id.utf8.allSatisfy({ $0 < 0x80 }) { return id }
        return String(decoding: id._nfcCodeUnits, as: UTF8.self)
    }

    /// The ids of an input's cases with their positions, in order (read again to confirm a duplicate).
    private func caseIDs(in index: Int) -> [(String, SourcePosition)] {
        guard case .success(let source) = read(inputs[index]) else { return [] }
        var ids: [(String, SourcePosition)] = []
        let ignore: (Diagnostic) -> Void = { _ in }
        if format(inputs[index], source) == .csv {
            CSVCaseReader(schema: schema).read(source, report: ignore) { ids.append((Self.normalised($0.id), $0.positions.record)) }
        } else {
            let reader = YAMLCaseReader(schema: schema)
            _ = YAMLLoader.forEachDocument(in: source, limits: limits) { document in
                if let record = reader.read(document, report: ignore) { ids.append((Self.normalised(record.id), record.positions.record)) }
            }
        }
        return ids
    }

    /// A file's format by its extension; standard input's as given, or detected.
    private func format(_ input: CaseInput, _ source: SourceText) -> CaseFormat {
        switch input {
        case .file: return input.isCSV ? .csv : .yaml
        case .standardInput: return standardInputFormat ?? CaseFormat.detect(source.bytes)
        }
    }

    private func read(_ input: CaseInput) -> Result<SourceText, YAMLError> {
        switch input {
        case .file(let path):
            return YAMLLoader.read(path: path, limits: limits)
        case .standardInput:
            return standardInput.withLock { cached in
                if let cached { return .success(cached) }
                let result = YAMLLoader.read(path: nil, limits: limits)
                if case .success(let source) = result { cached = source }
                return result
            }
        }
    }
}
