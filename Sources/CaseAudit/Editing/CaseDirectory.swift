#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The cases of a directory as `caseaudit serve` lists them: one pass reading, evaluating and
/// linting every case file (as `lint` does), keeping per case what the list shows.
public struct CaseDirectory: Sendable {
    public struct Entry: Sendable {
        public var id: String
        public var assessor: String?
        public var facts: [FactValue?]
        /// The file the case is read from, and how many cases that file holds.
        public var path: String
        public var casesInFile: Int
        /// Applicable question instances that take a hand answer, and how many have one.
        public var applicable: Int
        public var answered: Int
        /// `lint`'s findings on the case (with the reading problems of its file when it holds only this case).
        public var errors: Int
        public var warnings: Int
        /// The file's last modification, in seconds since 1970.
        public var modified: Int

        /// True when the form can save the case: the only case of a YAML file.
        public var isEditable: Bool { casesInFile == 1 && !CaseInput.file(path).isCSV }
    }

    /// Problems reading a file, apart from findings about its cases.
    public struct FileProblems: Sendable {
        public var path: String
        public var diagnostics: [Diagnostic]
    }

    public var entries: [Entry]
    public var files: [FileProblems]
    /// Every diagnostic `lint` reports, in output order, with one per unanswered question (the
    /// form counts them).
    public var diagnostics: [Diagnostic]

    public func entry(id: String) -> Entry? { entries.first { $0.id == id } }

    /// Reads every case file under `directory`.
    public static func scan(_ directory: String, schema: CaseSchema) -> CaseDirectory {
        let expanded = CaseInputs.expand([directory])
        let stream = CaseStream(schema: schema, inputs: expanded.inputs)
        let set = schema.set
        let evaluator = Evaluator(set, runsChecks: true)
        let lint = CaseLint(set: set, requireComplete: false, eachUnanswered: true)
        var entries: [Entry] = []
        var files: [FileProblems] = []
        var all = expanded.problems
        var firstOfInput = 0
        var caseFindings = Set<Diagnostic>()
        stream.forEach(report: { diagnostics in
            all += diagnostics
            let reading = diagnostics.filter { !caseFindings.contains($0) }
            if !reading.isEmpty, let path = reading.first?.location?.path { files.append(FileProblems(path: path, diagnostics: reading)) }
            if entries.count - firstOfInput == 1, entries[firstOfInput].path == reading.first?.location?.path {
                entries[firstOfInput].errors += reading.count(of: .error)
                entries[firstOfInput].warnings += reading.count(of: .warning)
            }
        }) { record, input in
            if entries.isEmpty || entries[entries.count - 1].path != stream.inputs[input].path {
                firstOfInput = entries.count
                caseFindings = []
            }
            let evaluation = evaluator.evaluate(record)
            let findings = lint.findings(evaluation)
            caseFindings.formUnion(findings)
            let state = CaseFormState(set: set, record: record)
            entries.append(Entry(
                id: record.id, assessor: record.assessor, facts: record.facts, path: stream.inputs[input].path, casesInFile: 0,
                applicable: state.applicable, answered: state.answered,
                errors: findings.count(of: .error), warnings: findings.count(of: .warning), modified: modified(stream.inputs[input].path)))
            return findings
        }
        var counts: [String: Int] = [:]
        for entry in entries { counts[entry.path, default: 0] += 1 }
        for index in entries.indices { entries[index].casesInFile = counts[entries[index].path] ?? 0 }
        return CaseDirectory(entries: entries, files: files, diagnostics: all.sortedForOutput())
    }

    /// Lints one case file as `lint` does, with one finding per unanswered question: its cases as
    /// read, and every diagnostic.
    public static func lint(file path: String, schema: CaseSchema) -> (records: [CaseRecord], diagnostics: [Diagnostic]) {
        let stream = CaseStream(schema: schema, inputs: [.file(path)])
        let evaluator = Evaluator(schema.set, runsChecks: true)
        let lint = CaseLint(set: schema.set, requireComplete: false, eachUnanswered: true)
        var records: [CaseRecord] = []
        var diagnostics: [Diagnostic] = []
        stream.forEach(report: { diagnostics += $0 }) { record, _ in
            records.append(record)
            let evaluation = evaluator.evaluate(record)
            return lint.findings(evaluation)
        }
        return (records, diagnostics)
    }

    /// A file's modification time in seconds since 1970, or 0 when it cannot be read.
    public static func modified(_ path: String) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { return 0 }
        #if canImport(Darwin)
        return Int(info.st_mtimespec.tv_sec)
        #else
        return Int(info.st_mtim.tv_sec)
        #endif
    }
}
