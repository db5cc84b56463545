#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import YAMLKit

/// Reads case records from inputs, typed by a criteria set, on `jobs` threads: each input (and each
/// run of documents of a large input) is read and evaluated by a worker, and the results are folded
/// together strictly in input order, so every output is the same whatever the number of jobs.
/// Memory holds the pieces under way, never the sample. A case id seen before is an error and the
/// later case is skipped (checked in input order, exactly).
public final class CaseStream: Sendable {
    public let schema: CaseSchema
    /// The schema's values found from their bytes, built once for all the workers.
    let valueTables: ValueTables
    public let inputs: [CaseInput]
    public let limits: YAMLLimits
    /// When set, every case's id is replaced by its pseudonym once it is read (after the check for
    /// duplicates), so no output carries the real ids.
    public let pseudonymiser: Pseudonymiser?
    /// The format of standard input; nil: detected from its first line (``CaseFormat/detect(_:)``).
    public let standardInputFormat: CaseFormat?
    /// Threads reading and evaluating cases.
    public let jobs: Int
    /// With more than one job, YAML files of `split` bytes or more are read in runs of documents of
    /// about `chunk` bytes, in parallel.
    let pieceBytes: (split: Int, chunk: Int)
    /// Most diagnostics a worker holds for its piece; a piece that finds more is read again on the
    /// calling thread, which reports them as it goes, so memory stays bounded whatever the input.
    let heldDiagnostics: Int
    /// Standard input, read once and kept, so a second reading gets it again.
    private let standardInput = Mutex<SourceText?>(nil)
    /// The first input, when a large file, read while the command loaded its set.
    private let readAhead: InputReadAhead?

    public convenience init(
        schema: CaseSchema, inputs: [CaseInput], limits: YAMLLimits = .default, pseudonymiser: Pseudonymiser? = nil,
        standardInputFormat: CaseFormat? = nil, jobs: Int = 1, readAhead: InputReadAhead? = nil
    ) {
        self.init(
            schema: schema, inputs: inputs, limits: limits, pseudonymiser: pseudonymiser,
            standardInputFormat: standardInputFormat, jobs: jobs, pieceBytes: (4 << 20, 1 << 20), readAhead: readAhead)
    }

    init(
        schema: CaseSchema, inputs: [CaseInput], limits: YAMLLimits = .default, pseudonymiser: Pseudonymiser? = nil,
        standardInputFormat: CaseFormat? = nil, jobs: Int, pieceBytes: (split: Int, chunk: Int), heldDiagnostics: Int = 8192,
        readAhead: InputReadAhead? = nil
    ) {
        self.schema = schema
        valueTables = ValueTables(schema)
        self.inputs = inputs
        self.limits = limits
        self.pseudonymiser = pseudonymiser
        self.standardInputFormat = standardInputFormat
        self.jobs = max(1, jobs)
        self.pieceBytes = pieceBytes
        self.heldDiagnostics = max(1, heldDiagnostics)
        self.readAhead = readAhead
    }

    /// The number of cores online: the default number of jobs.
    public static var defaultJobs: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// What a pass read.
    public struct Summary: Sendable {
        public var cases = 0
        public var errors = 0
        public var warnings = 0
        /// Inputs that could not be read at all.
        public var unreadable = 0
        /// The cases skipped because their id was used before.
        public var duplicates: Set<RecordKey> = []

        public init() {}
    }

    /// Identifies a record by input and position.
    public struct RecordKey: Sendable, Hashable {
        public var input: Int
        public var offset: Int
    }

    /// Reads every input, calling `add` on a worker thread with each case, its input's index and the
    /// worker's partial result (made by `start`, one per piece of input); `add` returns its own
    /// findings about the case. Partial results reach `merge` on the calling thread in input order.
    /// Diagnostics go to `report` input by input, in source order.
    ///
    /// Case ids are read in Unicode NFC, so two spellings of one id are one case everywhere. With a
    /// pseudonymiser, diagnostics carry no source lines (a CSV row or a `case:` line would show the
    /// id, and other personal data) and name a duplicate case by its pseudonym.
    @discardableResult
    public func forEach<Partial: Sendable>(
        start: @escaping @Sendable () -> Partial,
        add: @escaping @Sendable (inout Partial, CaseRecord, Int) -> [Diagnostic],
        merge: (Partial) -> Void, report: ([Diagnostic]) -> Void
    ) -> Summary {
        run(jobs: jobs, start: start, add: add, merge: merge, report: report)
    }

    private func run<Partial: Sendable>(
        jobs: Int, start: @escaping @Sendable () -> Partial,
        add: @escaping @Sendable (inout Partial, CaseRecord, Int) -> [Diagnostic],
        merge: (Partial) -> Void, report: ([Diagnostic]) -> Void
    ) -> Summary {
        var merger = Merger<Partial>(stream: self)
        /// Reads a piece on the calling thread: ids checked and diagnostics reported as cases are read.
        func readHere(_ piece: Piece, _ check: (CaseRecord, RecordKey) -> Diagnostic?, _ flush: ([Diagnostic]) -> Void) -> (PieceRead, Partial) {
            withoutActuallyEscaping(check) { check in
                withoutActuallyEscaping(flush) { flush in
                    var partial = start()
                    let read = self.read(piece, check: check, flush: flush, into: &partial, add: add)
                    return (read, partial)
                }
            }
        }
        let pieces = Pieces(self, jobs: jobs)
        guard jobs > 1 else {
            while let piece = pieces.next() { merger.readHere(piece, reader: readHere, merge: merge, report: report) }
            return merger.summary
        }
        readAhead?.wait()
        OrderedWorkers.run(jobs: jobs, next: { pieces.next() }, work: { piece in
            var partial = start()
            let read = self.read(piece, check: nil, flush: nil, into: &partial, add: add)
            return (read, partial)
        }, consume: { result in
            merger.take(result.0, result.1, reader: readHere, merge: merge, report: report)
        })
        return merger.summary
    }

    /// Reads every input in order on the calling thread, calling `body` with each case and its
    /// input's index; `body` returns its own findings about the case.
    @discardableResult
    public func forEach(report: ([Diagnostic]) -> Void, _ body: (CaseRecord, Int) -> [Diagnostic]) -> Summary {
        withoutActuallyEscaping(body) { body in
            // One thread: the body runs here, in order, so it may keep state of its own.
            nonisolated(unsafe) let body = body
            return run(jobs: 1, start: { () }, add: { _, record, input in body(record, input) }, merge: { _ in }, report: report)
        }
    }

    // MARK: - Pieces

    /// A piece of work: a whole input, or a run of documents of a large YAML input (see ``pieceBytes``).
    struct Piece: Sendable {
        var input: Int
        /// The input's text when already read (a piece of a large input).
        var source: SourceText?
        var range: YAMLRange?
        /// Whether this is the last piece of its input.
        var last = true
    }

    /// Hands out the pieces in input order: large YAML files, with more than one job, in runs of
    /// documents.
    private final class Pieces: Sendable {
        private let stream: CaseStream
        private let jobs: Int
        private let state = Mutex<(next: Int, pending: [Piece])>((0, []))

        init(_ stream: CaseStream, jobs: Int) {
            self.stream = stream
            self.jobs = jobs
        }

        func next() -> Piece? {
            state.withLock { state -> Piece? in
                if !state.pending.isEmpty { return state.pending.removeFirst() }
                guard state.next < stream.inputs.count else { return nil }
                let input = state.next
                state.next += 1
                guard jobs > 1, case .file = stream.inputs[input], !stream.inputs[input].isCSV,
                      (stream.inputs[input].regularFileSize ?? 0) >= stream.pieceBytes.split, case .success(let source) = stream.source(of: input)
                else { return Piece(input: input) }
                let ranges = YAMLChunks.split(source, size: stream.pieceBytes.chunk)
                state.pending = ranges.enumerated().map { index, range in
                    Piece(input: input, source: source, range: range, last: index == ranges.count - 1)
                }
                return state.pending.removeFirst()
            }
        }
    }

    /// What reading one piece found.
    struct PieceRead: Sendable {
        var piece: Piece
        var diagnostics: [Diagnostic] = []
        /// The id and position of each case read, in order, for the duplicate check.
        var ids: [(String, SourcePosition)] = []
        var cases = 0
        var unreadable = false
        /// Documents read, and whether the events reached the end of the piece.
        var documents = 0
        var complete = true
        /// Cases found, duplicates included.
        var found = 0
        /// The cases skipped as duplicates (found when the ids are checked as the cases are read).
        var duplicates: Set<RecordKey> = []
        /// Whether a worker found more diagnostics than it holds (``heldDiagnostics``): the piece
        /// must be read again on the calling thread.
        var overflowed = false
    }

    /// The error for a case whose id was used before (at `first`), naming its pseudonym if ids are hidden.
    func duplicate(_ id: String, at location: SourceLocation, first: (input: Int, position: SourcePosition)) -> Diagnostic {
        let shown = pseudonymiser?.pseudonym(for: id) ?? id
        return Diagnostic(
            .error, code: "case.duplicate-id", "case id '\(shown)' is used twice; this case is skipped", at: location,
            notes: [Diagnostic.Note("'\(shown)' first appears here", at: SourceLocation(path: inputs[first.input].path, position: first.position))])
    }

    /// A diagnostic as reported: without source lines when ids are pseudonymised.
    func shown(_ diagnostic: Diagnostic) -> Diagnostic {
        pseudonymiser == nil ? diagnostic : diagnostic.withoutSourceText
    }

    /// Reads one piece, every case to `add`, in runs of ``batchSize``. On the calling thread,
    /// `check` finds a case whose id was used before (the case is then skipped) as it is read, and
    /// `flush` takes the diagnostics after each run;
    /// a worker (both nil) keeps the ids for the merger to check and holds the diagnostics, up to
    /// ``heldDiagnostics``.
    private func read<Partial>(
        _ piece: Piece, check: ((CaseRecord, RecordKey) -> Diagnostic?)?, flush: (([Diagnostic]) -> Void)?,
        into partial: inout Partial, add: (inout Partial, CaseRecord, Int) -> [Diagnostic]
    ) -> PieceRead {
        var read = PieceRead(piece: piece)
        let input = piece.input
        func note(_ diagnostic: Diagnostic) {
            if !read.overflowed { read.diagnostics.append(shown(diagnostic)) }
        }
        // Diagnostics noted since the last case was taken or skipped: a skipped case's own lie from
        // its start on, and are dropped with it (they were reported just before it came).
        var since = 0
        func skip(_ record: CaseRecord) {
            let start = record.positions.start.offset
            let kept = read.diagnostics[since...].filter { ($0.location?.position.offset ?? -1) < start }
            read.diagnostics.replaceSubrange(since..., with: kept)
        }
        // Cases taken but not yet handed to `add`, each with the count of diagnostics noted before
        // it (where its findings go). A run of cases is read, then evaluated: reading (libyaml's
        // code and buffers) and evaluating (the set's code and tables) each keep the processor's
        // caches for a whole run, where taking turns case by case they push each other out.
        var batch: [(record: CaseRecord, at: Int)] = []
        batch.reserveCapacity(Self.batchSize)
        /// Hands the batch to `add`, each case's findings after the diagnostics noted before it.
        func addBatch() {
            guard let start = batch.first?.at else { return }
            var merged: [Diagnostic] = []
            var next = start
            for (record, at) in batch {
                merged += read.diagnostics[next..<at]
                next = at
                merged += add(&partial, record, input).map(shown)
            }
            merged += read.diagnostics[next...]
            read.diagnostics.replaceSubrange(start..., with: merged)
            batch.removeAll(keepingCapacity: true)
        }
        /// Hands a full batch to `add`; then, with none waiting, hands the diagnostics so far on
        /// (calling thread), or gives up holding them past the limit.
        func caseDone() {
            if batch.count >= Self.batchSize { addBatch() }
            if batch.isEmpty {
                if let flush, !read.diagnostics.isEmpty {
                    flush(read.diagnostics)
                    read.diagnostics.removeAll(keepingCapacity: true)
                } else if flush == nil, read.diagnostics.count > heldDiagnostics {
                    read.overflowed = true
                    read.diagnostics = []
                }
            }
            since = read.diagnostics.count
        }
        func accept(_ record: CaseRecord) {
            defer { caseDone() }
            read.found += 1
            // A worker past its limit only finishes the pass: the piece is read again.
            if read.overflowed { return }
            let key = RecordKey(input: input, offset: record.positions.record.offset)
            var record = record
            record.id = Self.normalised(record.id)
            // The id is hidden in what was found in this case's document, a duplicate's included.
            let pseudonym = pseudonymiser.map { pseudonymiser in
                let pseudonym = pseudonymiser.pseudonym(for: record.id)
                pseudonymiser.hide(record.id, as: pseudonym, in: &record, diagnostics: &read.diagnostics[since...])
                return pseudonym
            }
            if let check {
                if let duplicate = check(record, key) {
                    read.duplicates.insert(key)
                    skip(record)
                    note(duplicate)
                    // A skipped case ends the run, so what is found is handed on however many
                    // duplicates follow.
                    addBatch()
                    return
                }
            } else {
                read.ids.append((record.id, record.positions.record))
            }
            read.cases += 1
            if let pseudonym {
                record.id = pseudonym
                record.hidesSource = true
            }
            batch.append((record, read.diagnostics.count))
        }
        let loaded = piece.source.map { Result<SourceText, YAMLError>.success($0) } ?? source(of: input)
        switch loaded {
        case .failure(let error):
            read.unreadable = true
            note(Diagnostic(error, in: SourceText(path: inputs[input].path, bytes: [])))
        case .success(let source):
            if format(inputs[input], source) == .csv {
                CSVCaseReader(schema: schema).read(source, report: note, body: accept)
            } else {
                let yaml = readYAML(source, range: piece.range ?? .whole(source), report: note, accept: accept)
                yaml.errors.forEach { note(Diagnostic($0, in: source)) }
                read.documents = yaml.documents
                read.complete = yaml.complete
            }
            // A piece of a split input is checked when its last piece is folded, after all of them.
            if piece.range == nil, source.changedWhileRead {
                read.unreadable = true
                note(Diagnostic(.changedWhileRead(source), in: source))
            }
        }
        addBatch()
        return read
    }

    /// How many cases are read before they are handed to `add` (a few hundred KB of records).
    static let batchSize = 32

    /// Reads the cases of a YAML range from the parser's events, or, from the first anchor or alias
    /// on, from the tree of each document.
    func readYAML(
        _ source: SourceText, range: YAMLRange, report: (Diagnostic) -> Void, accept: (CaseRecord) -> Void
    ) -> (errors: [YAMLError], documents: Int, complete: Bool) {
        var events = CaseEventReader(schema: schema, tables: valueTables)
        let (outcome, resume) = events.read(source, range: range, limits: limits, report: report, accept: accept)
        guard let resume else { return (outcome.errors, outcome.documents, outcome.complete) }
        let reader = YAMLCaseReader(schema: schema)
        var documents = range.documents
        let errors = YAMLLoader.forEachDocument(in: source, range: range, limits: limits) { document, found in
            documents = document.index + 1
            guard document.index >= resume.document else { return }
            // The document's YAML problems are reported with it, as the events do.
            for problem in found where problem.position.offset >= resume.offset { report(Diagnostic(problem, in: source)) }
            if let record = reader.read(document, report: report) { accept(record) }
        }
        let fatal = errors.contains { $0.isFatal }
        return (outcome.errors + errors, documents - range.documents, !fatal)
    }

    /// A case id in Unicode NFC (precomposed): `é` typed as one character or as `e` and a combining
    /// accent is one id, for the duplicate check, `explain` and the pseudonyms alike.
    public static func normalised(_ id: String) -> String {
        if id.utf8.allSatisfy({ $0 < 0x80 }) { return id }
        return String(decoding: id._nfcCodeUnits, as: UTF8.self)
    }

    /// The ids of an input's cases with their positions, in order (read again to confirm a duplicate).
    func caseIDs(in index: Int) -> [(String, SourcePosition)] {
        guard case .success(let source) = source(of: index) else { return [] }
        var ids: [(String, SourcePosition)] = []
        let ignore: (Diagnostic) -> Void = { _ in }
        if format(inputs[index], source) == .csv {
            CSVCaseReader(schema: schema).read(source, report: ignore) { ids.append((Self.normalised($0.id), $0.positions.record)) }
        } else {
            _ = readYAML(source, range: .whole(source), report: ignore) { ids.append((Self.normalised($0.id), $0.positions.record)) }
        }
        return ids
    }

    /// A file's format by its extension; standard input's as given, or detected.
    func format(_ input: CaseInput, _ source: SourceText) -> CaseFormat {
        switch input {
        case .file: return input.isCSV ? .csv : .yaml
        case .standardInput: return standardInputFormat ?? CaseFormat.detect(source.bytes)
        }
    }

    func source(of index: Int) -> Result<SourceText, YAMLError> {
        switch inputs[index] {
        case .file(let path):
            return readAhead?.take(inputs[index], limits: limits) ?? YAMLLoader.read(path: path, limits: limits, mapsLargeFile: true)
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

/// Folds piece results in input order: the exact duplicate-id check, pieces read again on the
/// calling thread where a duplicate must be skipped, a worker held too many diagnostics or a run
/// of documents stopped early, diagnostics per input in source order, and the summary.
private struct Merger<Partial> {
    /// Reads a piece on the calling thread, given the duplicate check and where diagnostics go.
    typealias Reader = (
        CaseStream.Piece, (CaseRecord, CaseStream.RecordKey) -> Diagnostic?, ([Diagnostic]) -> Void
    ) -> (CaseStream.PieceRead, Partial)

    let stream: CaseStream
    private(set) var summary = CaseStream.Summary()
    private var registry = CaseIDRegistry()
    /// Documents of the input being folded, before the next piece, cases found in it, and whether
    /// anything was reported about it.
    private var documents = 0
    private var found = 0
    private var reported = false
    /// An input whose remaining pieces are void: it was read to its end again from an earlier piece.
    private var finished: Int?

    init(stream: CaseStream) { self.stream = stream }

    /// Folds a piece a worker read, reading it again here when its result cannot stand.
    mutating func take(
        _ read: CaseStream.PieceRead, _ partial: Partial, reader: Reader,
        merge: (Partial) -> Void, report: ([Diagnostic]) -> Void
    ) {
        var piece = read.piece
        if finished == piece.input { return }
        var again = read.overflowed
        if let range = piece.range, let source = piece.source,
           (!read.complete && !piece.last) || documents + read.documents > stream.limits.maxDocuments {
            // The events stopped before the piece's end, or the documents reach the limit (the
            // piece counted them from 0): read from here to the end of the input as one piece,
            // as a whole read would.
            piece.range = YAMLRange(start: range.start, end: source.bytes.count, line: range.line, documents: documents)
            piece.last = true
            finished = piece.input
            again = true
        }
        if !again {
            // Registering a case again from the same place is no duplicate, so a piece read again
            // after some of its ids went in finds only the real ones.
            again = read.ids.contains { id, position in
                registry.register(id, input: piece.input, position: position, idsIn: stream.caseIDs) != nil
            }
        }
        if again { return readHere(piece, reader: reader, merge: merge, report: report) }
        fold(read, partial, merge: merge, report: report)
    }

    /// Reads a piece on the calling thread: ids checked as the cases come, diagnostics reported
    /// after each run of cases.
    mutating func readHere(
        _ piece: CaseStream.Piece, reader: Reader, merge: (Partial) -> Void, report: ([Diagnostic]) -> Void
    ) {
        withoutActuallyEscaping(report) { report in
            let (read, partial) = reader(piece, { record, key in
                guard let first = registry.register(record.id, input: key.input, position: record.positions.record, idsIn: stream.caseIDs)
                else { return nil }
                return stream.duplicate(record.id, at: record.location, first: first)
            }, { emit($0, report) })
            fold(read, partial, merge: merge, report: report)
        }
    }

    private mutating func fold(_ read: CaseStream.PieceRead, _ partial: Partial, merge: (Partial) -> Void, report: ([Diagnostic]) -> Void) {
        let piece = read.piece
        if piece.range != nil { documents += read.documents }
        merge(partial)
        summary.cases += read.cases
        summary.duplicates.formUnion(read.duplicates)
        if read.unreadable { summary.unreadable += 1 }
        found += read.found
        var rest = read.diagnostics
        if piece.last, piece.range != nil, let source = piece.source, source.changedWhileRead {
            summary.unreadable += 1
            rest.append(Diagnostic(.changedWhileRead(source), in: source))
        }
        if piece.last, found == 0, !reported, rest.isEmpty,
           case .success(let source) = piece.source.map({ .success($0) }) ?? stream.source(of: piece.input) {
            rest.append(Diagnostic(.warning, code: "input.empty", "this file holds no case", at: SourceLocation(source, .start)))
        }
        // A piece's diagnostics lie in its part of the input, after the earlier pieces': reported
        // piece by piece, they come in source order.
        emit(rest, report)
        guard piece.last else { return }
        documents = 0
        found = 0
        reported = false
    }

    /// Reports diagnostics in source order and counts them.
    private mutating func emit(_ batch: [Diagnostic], _ report: ([Diagnostic]) -> Void) {
        guard !batch.isEmpty else { return }
        summary.errors += batch.count(of: .error)
        summary.warnings += batch.count(of: .warning)
        reported = true
        report(batch.sortedForOutput())
    }
}
