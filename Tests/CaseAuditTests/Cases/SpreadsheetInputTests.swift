import Foundation
import Testing
@testable import CaseAudit

/// A spreadsheet export as a new user gives it: on standard input, with dates and "N/A" as
/// spreadsheets write them, problems named by their column.
@Suite("Spreadsheet input")
struct SpreadsheetInputTests {
    static let csv = """
        # Exported from the team's sheet
        case,rosh,sentence_date,factors,rmp.sufficient
        C-1,high,04/03/2013,alcohol;alcohol,N/A

        """

    @Test("CSV on standard input is recognised by its header, or by --stdin-format csv")
    func standardInput() throws {
        let mini = try CaseFixtures.path("rules/mini.yaml")
        let detected = try Executable.run(["lint", "--rules", mini, "-"], input: Self.csv)
        #expect(detected.codes.contains("case.fact-value"))
        #expect(!detected.codes.contains("yaml.syntax"))
        #expect(detected.output.hasSuffix("in 1 file (1 case)\n"))
        let told = try Executable.run(["score", "--rules", mini, "--stdin-format", "csv", "-"], input: "case,rosh\nC-1,high\n")
        #expect(told.status == 0)
        #expect(told.output.contains("1 case "))
        // YAML still reads as YAML.
        let yaml = try Executable.run(["lint", "--rules", mini, "-"], input: "case: Y-1\nfacts: {rosh: low}\n")
        #expect(!yaml.codes.contains("csv.missing-case-column") && yaml.output.contains("(1 case)"))
        #expect(CaseFormat.detect(Array("\u{FEFF}\"case\",\"rosh\"\r\n".utf8)) == .csv)
        #expect(CaseFormat.detect(Array("# note, with a comma\ncase: X, Y\n".utf8)) == .yaml)
        #expect(CaseFormat.detect([]) == .yaml)
    }

    @Test("cell problems name their column; a DD/MM/YYYY date and N/A get a hint; a repeated element is a warning")
    func messages() throws {
        let mini = try CaseFixtures.path("rules/mini.yaml")
        let run = try Executable.run(["lint", "--rules", mini, "-"], input: Self.csv)
        let lines = run.output.split(separator: "\n").map(String.init)
        #expect(lines.contains("<stdin>:3:10: error: '04/03/2013' is not a value of sentence_date: write dates as YYYY-MM-DD, e.g. 2013-03-04 if it means day 4 of month 3 (column 3 C 'sentence_date') [case.fact-value]"))
        #expect(lines.contains("<stdin>:3:37: error: 'N/A' is not an answer to rmp.sufficient: leave it empty; whether a question applies comes from the facts (column 5 E 'rmp.sufficient') [case.answer-not-in-scale]"))
        #expect(lines.contains("<stdin>:3:21: warning: alcohol is listed twice in factors (column 4 D 'factors') [case.repeated-element]"))
        #expect(CSVCaseReader.letters(0) == "A" && CSVCaseReader.letters(25) == "Z" && CSVCaseReader.letters(26) == "AA")
        #expect(CSVCaseReader.letters(586) == "VO")
    }
}
