import Foundation
import Testing
import YAMLKit
@testable import CaseAudit

/// A large first input read while the set loads is read once, by the stream that reads it, and
/// gives exactly what reading it in the stream gives: cases, diagnostics, and a failure to read.
@Suite struct ReadAheadTests {
    private static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("caseaudit-ahead-\(UUID().uuidString).yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Lint's diagnostics and summary line for a stream over `inputs`.
    private static func lint(_ inputs: [CaseInput], _ schema: CaseSchema, limits: YAMLLimits = .default, readAhead: InputReadAhead?, jobs: Int) -> [String] {
        let stream = CaseStream(schema: schema, inputs: inputs, limits: limits, jobs: jobs, readAhead: readAhead)
        var lines: [String] = []
        let summary = LintRun.cases(stream) { lines += $0.map { "\($0.location?.path ?? ""):\($0.location?.line ?? 0): \($0.code): \($0.message)" } }
        return lines + [summary.line]
    }

    @Test("the stream takes the input read ahead once, with the same cases and diagnostics")
    func sameOutput() throws {
        // Three cases: one fine as far as facts go, one with a fact out of its range, one duplicate.
        let path = try Self.file("---\ncase: A-1\nassessor: AB\n---\ncase: A-2\nfacts:\n  tier: tier_9\n---\ncase: A-1\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let other = try Self.file("---\ncase: B-1\n")
        defer { try? FileManager.default.removeItem(atPath: other) }
        let schema = CaseSchema(try #require(DefaultCriteriaSet.load().set))
        let inputs: [CaseInput] = [.file(path), .file(other)]
        let plain = Self.lint(inputs, schema, readAhead: nil, jobs: 1)
        #expect(plain.last?.hasSuffix(" in 2 files (3 cases)") == true)
        #expect(plain.contains { $0.hasPrefix("\(path):9: case.duplicate-id") })
        #expect(plain.contains { $0.hasPrefix("\(path):7: ") && $0.contains("tier_9") })
        for jobs in [1, 2] {
            // With two jobs the input's lines are indexed as it is read.
            let ahead = try #require(InputReadAhead(inputs, jobs: jobs, minimumBytes: 0))
            #expect(Self.lint(inputs, schema, readAhead: ahead, jobs: jobs) == plain)
            // Taken by the stream: the bytes are not held on to.
            #expect(ahead.take(.file(path), limits: .default) == nil)
        }
        // Only the first input, read under the stream's limits, is taken.
        let ahead = try #require(InputReadAhead(inputs, minimumBytes: 0))
        #expect(ahead.take(.file(other), limits: .default) == nil)
        #expect(ahead.take(.file(path), limits: YAMLLimits(maxDepth: 3)) == nil)
        #expect(ahead.take(.file(path), limits: .default) != nil)
    }

    @Test("a file that cannot be read is reported as the stream reports it")
    func unreadable() throws {
        let path = try Self.file("---\ncase: A-1\n" + String(repeating: "# padding\n", count: 20))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let schema = CaseSchema(try #require(DefaultCriteriaSet.load().set))
        let small = YAMLLimits(maxInputBytes: 64)
        let plain = Self.lint([.file(path)], schema, limits: small, readAhead: nil, jobs: 1)
        #expect(plain.first?.contains("yaml.limit.input-size") == true)
        let ahead = InputReadAhead([.file(path)], limits: small, minimumBytes: 0)
        #expect(Self.lint([.file(path)], schema, limits: small, readAhead: ahead, jobs: 1) == plain)
    }

    /// A large input is mapped, not read (`InputReader.mappedBytes`). Another program truncating
    /// it between the read ahead and the stream must not end the process: the stream reports the
    /// input as changed while read, an input error (exit status 2), whether it is read whole or in runs.
    @Test("a mapped input truncated before the stream reads it is reported, not a crash", arguments: [1, 2])
    func truncated(jobs: Int) throws {
        let comment = "# " + String(repeating: "x", count: 97) + "\n"
        let block = String(repeating: comment, count: 6_000)
        let path = try Self.file("---\ncase: A-1\n" + block + "---\ncase: A-2\n" + block + "---\ncase: A-3\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let schema = CaseSchema(try #require(DefaultCriteriaSet.load().set))
        let ahead = try #require(InputReadAhead([.file(path)], jobs: jobs, minimumBytes: 0))
        ahead.wait()
        // In A-2's comments: A-1 is whole, A-2 runs into the bytes that are gone, A-3 is gone.
        try #require(truncate(path, 900_000) == 0)
        let stream = CaseStream(schema: schema, inputs: [.file(path)], jobs: jobs, pieceBytes: (0, 64 << 10), readAhead: ahead)
        var found: [Diagnostic] = []
        let summary = LintRun.cases(stream) { found += $0 }
        let truncated = found.filter { $0.code == "yaml.unreadable" }
        #expect(truncated.count == 1)
        #expect(truncated.first?.message.contains("another program changed it (truncated it or wrote to it) while it was read") == true)
        #expect(truncated.first?.location?.line == 1)
        #expect(summary.unreadable == 1)
        #expect(summary.status(LintOptions()) == .usageOrInput)
        #expect(summary.cases == 1)
    }

    @Test("only a regular file of the least size is read ahead")
    func which() throws {
        let path = try Self.file("---\ncase: A-1\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(InputReadAhead([.file(path)]) == nil)
        #expect(InputReadAhead([.standardInput], minimumBytes: 0) == nil)
        #expect(InputReadAhead([.file(FileManager.default.temporaryDirectory.path)], minimumBytes: 0) == nil)
        #expect(InputReadAhead([], minimumBytes: 0) == nil)
        #expect(InputReadAhead([.file(path)], minimumBytes: 0) != nil)
    }
}
