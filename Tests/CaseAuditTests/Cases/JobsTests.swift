import Foundation
import Testing
@testable import CaseAudit

/// Every output is the same bytes whatever the number of jobs: score in all formats, gaps (plain
/// and grouped), lint in all formats and the report, with their diagnostics — on the York example,
/// and on a sample made from it whose large file is read in many runs of documents (with a
/// duplicate id across runs, an alias that sends a document to the tree reader, and a syntax
/// error that stops a file part-way).
@Suite struct JobsTests {
    @Test func yorkExampleIsTheSameForAnyNumberOfJobs() throws {
        let inputs = CaseInputs.expand([YorkExampleTests.examples]).inputs
        let one = try Self.outputs(inputs, jobs: 1)
        let four = try Self.outputs(inputs, jobs: 4)
        #expect(one.count == 13)
        for (name, text) in one { #expect(four[name] == text, "\(name) differs between --jobs 1 and --jobs 4") }
        // The example scores 49 cases and lints clean of errors.
        #expect(one["score json"]?.contains("\"cases\": 49") == true)
    }

    @Test func largeFilesReadInPiecesGiveTheSameOutput() throws {
        let directory = try Self.sample()
        defer { try? FileManager.default.removeItem(at: directory) }
        let inputs = CaseInputs.expand([directory.path]).inputs
        let one = try Self.outputs(inputs, jobs: 1, all: false)
        let four = try Self.outputs(inputs, jobs: 4, pieceBytes: (32 << 10, 8 << 10), all: false)
        // Workers that may hold only 5 diagnostics: nearly every piece is read again by the caller.
        let overflowing = try Self.outputs(inputs, jobs: 4, pieceBytes: (32 << 10, 8 << 10), heldDiagnostics: 5, all: false)
        #expect(one.count == 4)
        for (name, text) in one {
            #expect(four[name] == text, "\(name) differs between --jobs 1 and --jobs 4")
            #expect(overflowing[name] == text, "\(name) differs between --jobs 1 and --jobs 4 holding 5 diagnostics")
        }
        let lint = try #require(one["lint text"])
        // The second file repeats the first case of the first copy; the alias document is read
        // (from its tree), with its unknown key; the broken file stops at its unclosed sequence.
        #expect(lint.contains("b-duplicate.yaml:7:7: error: case id 'SYN-005-c1' is used twice; this case is skipped [case.duplicate-id]"))
        #expect(lint.contains("error: unknown key 'notes_by' in a case; did you mean 'notes'? [case.unknown-key]"))
        // libyaml finds the sequence unclosed at the start of the line after it.
        let broken = try String(contentsOf: directory.appendingPathComponent("c-broken.yaml"), encoding: .utf8)
        let line = try #require(broken.components(separatedBy: "\n").firstIndex(of: "extra: [unclosed")) + 2
        #expect(lint.contains("c-broken.yaml:\(line):1: error: did not find expected ',' or ']' [yaml.syntax]"))
        // The example's 40 YAML cases twice, and the broken file's first 29 (its 30th document
        // never ends); the duplicate is skipped.
        #expect(lint.hasSuffix("in 3 files (109 cases)"))
        #expect(one["score json"]?.contains("\"cases\": 109") == true)
    }

    /// Diagnostics are handed on as the cases are read, never held for a whole input: on one thread
    /// after each run of 32 cases (read, then evaluated); with workers, a piece that finds more than
    /// a worker may hold is read again by the calling thread, which hands them on as it goes. The
    /// output is the same every way.
    @Test func diagnosticsAreHandedOnAsCasesAreRead() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("caseaudit-stream-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        // 100 cases with an id and nothing else: each has findings (facts missing, questions unanswered).
        try (1...100).map { "---\ncase: S-\($0)\n" }.joined().write(toFile: path, atomically: true, encoding: .utf8)
        let schema = CaseSchema(try #require(DefaultCriteriaSet.load().set))
        func lint(jobs: Int, held: Int) -> (batches: Int, text: String) {
            let stream = CaseStream(schema: schema, inputs: [.file(path)], jobs: jobs, pieceBytes: (4 << 20, 1 << 20), heldDiagnostics: held)
            var batches = 0
            var found: [Diagnostic] = []
            let summary = LintRun.cases(stream) { batch in
                batches += 1
                found += batch
            }
            return (batches, DiagnosticFormatter(useColor: false).format(found) + summary.line)
        }
        let one = lint(jobs: 1, held: 8192)
        let held = lint(jobs: 2, held: 8192)
        let overflowing = lint(jobs: 2, held: 100)
        // On one thread and when read again: one batch after cases 32, 64 and 96, and one with the
        // last 4 at the end. A worker holding them all: one batch.
        #expect(CaseStream.batchSize == 32)
        #expect(one.batches == 4)
        #expect(overflowing.batches == 4)
        #expect(held.batches == 1)
        #expect(one.text.hasSuffix("in 1 file (100 cases)"))
        #expect(held.text == one.text)
        #expect(overflowing.text == one.text)
    }

    /// A case skipped as a duplicate ends the run of cases waiting to be evaluated, so on one thread
    /// each duplicate is handed on as it is found: a file of one case and 40 copies of it reports 40
    /// times (the first with the case's own findings), never holding them all to the end.
    @Test func duplicatesAreHandedOnAsFound() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("caseaudit-duplicates-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try String(repeating: "---\ncase: D-1\n", count: 41).write(toFile: path, atomically: true, encoding: .utf8)
        let schema = CaseSchema(try #require(DefaultCriteriaSet.load().set))
        let stream = CaseStream(schema: schema, inputs: [.file(path)], jobs: 1)
        var batches: [[Diagnostic]] = []
        let summary = LintRun.cases(stream) { batches.append($0) }
        #expect(summary.cases == 1)
        #expect(batches.count == 40)
        #expect(batches.allSatisfy { $0.count(of: .error) >= 1 && $0.last?.code == "case.duplicate-id" })
        #expect(batches.dropFirst().allSatisfy { $0.count == 1 })
        #expect(batches.flatMap { $0 }.filter { $0.code == "case.duplicate-id" }.count == 40)
    }

    /// A directory with the York YAML cases copied twice into one large file (ids made
    /// unique per copy), a second file repeating one id of the first, a document using an alias, and
    /// a file cut off by a syntax error after 30 documents.
    static func sample() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("caseaudit-jobs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let files = try FileManager.default.contentsOfDirectory(atPath: YorkExampleTests.examples).filter { $0.hasSuffix(".yaml") }.sorted()
        var documents: [String] = []
        for name in files {
            let text = try String(contentsOfFile: YorkExampleTests.examples + "/" + name, encoding: .utf8)
            documents += text.components(separatedBy: "\n---\n").filter { $0.contains("case:") }
        }
        var large = ""
        for copy in 1...2 {
            for (index, document) in documents.enumerated() {
                var text = document.replacingOccurrences(of: "case: YNY-", with: "case: YNY-").replacingOccurrences(
                    of: #"(?m)^case: (\S+)"#, with: "case: $1-c\(copy)", options: .regularExpression)
                if copy == 2 && index == 7 {
                    // An anchor and an alias: this document is read from its tree.
                    text = text.replacingOccurrences(of: "facts:", with: "assessor: &who AB\nnotes_by: *who\nfacts:")
                }
                large += "---\n" + text + "\n"
            }
        }
        try large.write(to: directory.appendingPathComponent("a-large.yaml"), atomically: true, encoding: .utf8)
        let first = documents[0].replacingOccurrences(of: #"(?m)^case: (\S+)"#, with: "case: $1-c1", options: .regularExpression)
        try ("---\n" + first + "\n").write(to: directory.appendingPathComponent("b-duplicate.yaml"), atomically: true, encoding: .utf8)
        var broken = ""
        for (index, document) in documents.prefix(60).enumerated() {
            let text = document.replacingOccurrences(of: #"(?m)^case: (\S+)"#, with: "case: $1-broken", options: .regularExpression)
            broken += "---\n" + text + "\n" + (index == 29 ? "extra: [unclosed\n" : "")
        }
        try broken.write(to: directory.appendingPathComponent("c-broken.yaml"), atomically: true, encoding: .utf8)
        return directory
    }

    /// Every output of score, gaps, lint and report over `inputs`, each with its diagnostics, by
    /// name (not `all`: one of each command).
    static func outputs(
        _ inputs: [CaseInput], jobs: Int, pieceBytes: (split: Int, chunk: Int) = (4 << 20, 1 << 20), heldDiagnostics: Int = 8192,
        all: Bool = true
    ) throws -> [String: String] {
        let set = try #require(DefaultCriteriaSet.load().set)
        let schema = CaseSchema(set)
        let stream = CaseStream(schema: schema, inputs: inputs, jobs: jobs, pieceBytes: pieceBytes, heldDiagnostics: heldDiagnostics)
        let formatter = DiagnosticFormatter(useColor: false)
        let profile = Aggregate.defaultProfile(set)
        let by = try #require(set.fact(named: "offender_manager"))
        var out: [String: String] = [:]

        var diagnostics = ""
        let score = ScoreRun.run(stream, by: [try #require(set.fact(named: "gender"))], profile: profile) { diagnostics += formatter.format($0) }
        out["score json"] = ScoreJSON.render(score) + diagnostics
        var found: [Diagnostic] = []
        let lint = LintRun.cases(stream) { found += $0 }
        out["lint text"] = formatter.format(found) + lint.line
        out["gaps json by"] = try written { sink in
            var writer = GapsJSON(sink, includeNotes: true)
            _ = GapsRun.run(stream, by: [by], to: &writer, report: { _ in })
        }
        out["report html"] = try written { sink in
            _ = ReportRun.run(stream, ReportOptions(profile: profile, gapsBy: by, includeNotes: true), to: sink, report: { _ in })
        }
        guard all else { return out }
        out["score text"] = ScoreText.render(score)
        out["score csv"] = ScoreCSV.render(score)
        out["score markdown"] = ScoreMarkdown.render(score)
        out["score html"] = try written { sink in
            _ = ReportRun.run(stream, ReportOptions(by: [by], profile: profile, includesGaps: false), to: sink, report: { _ in })
        }
        out["gaps text"] = try written { sink in
            var writer = GapsText(sink, includeNotes: true)
            _ = GapsRun.run(stream, by: [], to: &writer, report: { _ in })
        }
        for format in [LintOutput.Format.json, .sarif, .github] {
            out["lint \(format.rawValue)"] = try written { sink in
                let output = LintOutput(format, to: sink, formatter: formatter)
                output.write(found)
                output.finish(lint, LintOptions())
            }
        }
        out["report markdown"] = try written { sink in
            _ = ReportRun.run(stream, ReportOptions(format: .markdown, profile: profile), to: sink, report: { _ in })
        }
        return out
    }

    /// What `body` writes to an output.
    static func written(_ body: (OutputSink) -> Void) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("caseaudit-jobs-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sink = try OutputSink(path: path)
        body(sink)
        try sink.finish()
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}
