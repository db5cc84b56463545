import Foundation
import Testing
@testable import CaseAudit

/// `caseaudit convert`: YAML → CSV → YAML keeps every case as it was: the same scores and the same
/// lint findings, through the built executable.
@Suite("convert")
struct ConvertTests {
    static let root = CaseFixtures.repository

    /// Lint's findings without their places (line and column differ between formats), sorted.
    static func findings(_ run: Executable.Run) -> [String] {
        run.output.split(separator: "\n").compactMap { line in
            guard let match = line.firstMatch(of: /^[^\s].*?:\d+:\d+: (error|warning): (.*)$/) else { return nil }
            // A CSV message names its column; the YAML one does not.
            return "\(match.output.1): " + String(match.output.2).replacing(/\ \(column \d+ [A-Z]+ '[^']*'\)/, with: "")
        }.sorted()
    }

    @Test("the York example: YAML → CSV → YAML scores and lints the same, and CSV → YAML → CSV gives the same bytes")
    func york() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("york.csv").path
        let yaml = directory.appendingPathComponent("york.yaml").path
        let again = directory.appendingPathComponent("again.csv").path
        #expect(try Executable.run(["convert", "examples/york-2013", "--to", "csv", "-o", csv], in: Self.root).status == 0)
        #expect(try Executable.run(["convert", csv, "--to", "yaml", "-o", yaml], in: Self.root).status == 0)
        #expect(try Executable.run(["convert", yaml, "--to", "csv", "-o", again], in: Self.root).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: csv)) == Data(contentsOf: URL(fileURLWithPath: again)))
        let header = try #require(try String(contentsOfFile: csv, encoding: .utf8).split(separator: "\r\n").first)
        #expect(header.hasPrefix("case,assessor,case_type,"))
        let original = try Executable.run(["score", "--format", "csv", "--by", "offender_manager", "examples/york-2013"], in: Self.root)
        #expect(original.status == 0)
        #expect(original.output.contains("outcome,,,public,,Protecting the public,81.1,"))
        for converted in [csv, yaml] {
            let scored = try Executable.run(["score", "--format", "csv", "--by", "offender_manager", converted], in: Self.root)
            #expect(scored.output == original.output)
            let linted = try Executable.run(["lint", converted], in: Self.root)
            #expect(linted.output == "no problems in 1 file (49 cases)\n")
        }
    }

    @Test("quotes, line breaks, formulas, null-looking and invalid texts, notes and findings come back unchanged")
    func hardTexts() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let mini = try CaseFixtures.path("rules/mini.yaml")
        let source = try CaseFixtures.path("cases/convert/hard.yaml")
        let csv = directory.appendingPathComponent("hard.csv").path
        let yaml = directory.path + "/back/"
        let toCSV = try Executable.run(["convert", "--rules", mini, source, "--to", "csv", "-o", csv])
        // The cases have errors (reported, exit 1); they are converted as read.
        #expect(toCSV.status == 1, "\(toCSV.error)")
        let text = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(text.contains("\r\n'-7 'quoted' case,null,licence,high,true,alcohol;accommodation,2013-04-01,2013-04-30,"
                              + "\"O'Brien, \"\"Pat\"\" =SUM(A1)\","))
        #expect(text.contains(",\"'=HYPERLINK(\"\"x\"\")\","))
        #expect(text.contains(",''-already guarded"))
        #expect(try Executable.run(["convert", "--rules", mini, csv, "--to", "yaml", "-o", yaml]).status == 1)
        let back = directory.appendingPathComponent("back/hard.yaml").path
        let written = try String(contentsOfFile: back, encoding: .utf8)
        #expect(written.hasPrefix("case: \"-7 'quoted' case\"\nassessor: \"null\"\nfacts:\n  case_type: licence\n"))
        #expect(written.contains("  rosh.screening_sufficient: \"Two lines,\\nthe second with a tab\\there and a quote \\\" and é, ∑.\"\n"))
        #expect(written.contains("  factors: []\n"))
        // The same records: every fact, answer, element answer, note and assessor.
        let set = try CaseFixtures.miniSet()
        func records(_ path: String) -> [String] {
            var out: [String] = []
            CaseStream(schema: CaseSchema(set), inputs: [.file(path)]).forEach(report: { _ in }) { record, _ in
                let answers = record.answers.map { answer -> String in
                    switch answer {
                    case .none, .perElement([]): return "-"  // `{}` answers no element: no answer
                    case .single(let value): return "\(value)"
                    case .perElement(let elements): return elements.map { "\($0.element)=\($0.value)" }.joined(separator: ",")
                    }
                }
                out.append("\(record.id)|\(record.assessor ?? "~")|\(record.facts)|\(answers)|\(record.notes.sorted { $0.key < $1.key })")
                return []
            }
            return out
        }
        let expected = records(source)
        #expect(expected.count == 3)
        #expect(records(csv) == expected)
        #expect(records(back) == expected)
        // The same findings from lint and the same scores.
        let findings = Self.findings(try Executable.run(["lint", "--rules", mini, source]))
        #expect(findings.contains("error: 'N/A' is not an answer to rmp.sufficient: leave it empty; whether a question applies comes from the facts [case.answer-not-in-scale]"))
        #expect(findings.count > 3)
        #expect(Self.findings(try Executable.run(["lint", "--rules", mini, csv])) == findings)
        #expect(Self.findings(try Executable.run(["lint", "--rules", mini, back])) == findings)
        let score = try Executable.run(["score", "--rules", mini, "--format", "csv", source]).output
        #expect(try Executable.run(["score", "--rules", mini, "--format", "csv", csv]).output == score)
        #expect(try Executable.run(["score", "--rules", mini, "--format", "csv", back]).output == score)
    }

    @Test("an output that is an input is refused; nothing is written")
    func neverOverInput() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("cases.yaml")
        try FileManager.default.copyItem(atPath: try CaseFixtures.path("cases/convert/hard.yaml"), toPath: input.path)
        let before = try Data(contentsOf: input)
        let mini = try CaseFixtures.path("rules/mini.yaml")
        let run = try Executable.run(["convert", "--rules", mini, "cases.yaml", "--to", "yaml", "-o", "./"], in: directory)
        #expect(run.status == 2)
        #expect(run.error.contains("-o would write './cases.yaml', which is one of the inputs; case files are never written over"))
        #expect(try Data(contentsOf: input) == before)
    }
}
