import Foundation
import Testing
import YAMLKit
@testable import CaseAudit

/// `caseaudit template` → filled in → lints clean → scored.
@Suite("Case templates")
struct TemplateRoundTripTests {
    /// The facts of one example case (a licence case with RoSH medium and offending-related factors).
    static func exampleFacts(_ set: CriteriaSet) throws -> [FactValue?] {
        let stream = CaseStream(schema: CaseSchema(set), inputs: CaseInputs.expand([YorkExampleTests.examples]).inputs)
        var facts: [FactValue?]?
        stream.forEach(report: { _ in }) { record, _ in
            if record.id == "SYN-005" { facts = record.facts }
            return []
        }
        return try #require(facts)
    }

    /// Answers every listed question with its scale's first sufficient option.
    static func fill(_ template: String, _ set: CriteriaSet) throws -> String {
        var scale: Scale?
        var lines: [String] = []
        for line in template.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let match = line.firstMatch(of: /^  ([a-z0-9_.]+):\s{4}#\s/) {
                let question = try #require(set.question(id: String(match.output.1)))
                let current = set.scales[set.questions[question].scale]
                scale = current
                if set.questions[question].forEach != nil {
                    lines.append(line)
                } else {
                    lines.append("  \(match.output.1): \(current.options[current.sufficient.min() ?? 0])")
                }
            } else if let match = line.firstMatch(of: /^    ([a-z0-9_]+):$/), let scale {
                lines.append("    \(match.output.1): \(scale.options[scale.sufficient.min() ?? 0])")
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test("a filled-in YAML template lints clean and scores 100 % in every outcome it touches")
    func yamlRoundTrip() throws {
        let set = try #require(DefaultCriteriaSet.load().set)
        let template = CaseTemplate(set: set, facts: try Self.exampleFacts(set), caseID: "T-1").yaml()
        #expect(template.contains("case: 'T-1'\n"))
        #expect(template.contains("  rmp.initial_sufficient:    # Sufficient initial plan in place to manage risk of harm. (yes | not_sufficient | not_completed)\n"))
        let filled = try Self.fill(template, set)
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("t-1.yaml")
        try Data(filled.utf8).write(to: file)
        var diagnostics: [Diagnostic] = []
        let stream = CaseStream(schema: CaseSchema(set), inputs: [.file(file.path)])
        let summary = LintRun.cases(stream) { diagnostics += $0 }
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.code): \($0.message)" })")
        #expect(summary.cases == 1)
        let card = ScoreRun.run(stream, profile: []) { _ in }.scorecard
        for outcome in card.outcomes where outcome.cases > 0 {
            #expect(outcome.score == 1, "\(set.outcomes[outcome.index].id)")
        }
        // SYN-005 is a licence case: no pre-sentence report, so Assisting sentencing does not apply.
        #expect(card.outcomes.map(\.cases) == [0, 1, 1, 1, 1])
    }

    @Test("the CSV template: comment lines, a header of the applicable questions and one row to fill")
    func csvRoundTrip() throws {
        let set = try #require(DefaultCriteriaSet.load().set)
        let template = CaseTemplate(set: set, facts: try Self.exampleFacts(set), caseID: "T-2").csv()
        var rows: [[String]] = []
        var problems: [Diagnostic] = []
        CSVTable(source: SourceText(path: "t.csv", bytes: Array(template.utf8))).forEachRow(report: { problems.append($0) }) {
            rows.append($0.map(\.text))
        }
        #expect(problems.isEmpty)
        #expect(rows.count == 2)
        guard rows.count == 2 else { return }
        let (columns, row) = (rows[0], rows[1])
        #expect(columns.count == row.count)
        #expect(Array(columns.prefix(3)) == ["case", "assessor", "case_type"])
        var cells: [String] = []
        for (column, cell) in zip(columns, row) {
            guard cell.isEmpty, column != "assessor" else {
                cells.append(CSVWriter.cell(cell))
                continue
            }
            guard let question = set.question(id: String(column.prefix { $0 != "[" })) else {
                Issue.record("column \(column) is not a question")
                return
            }
            let scale = set.scales[set.questions[question].scale]
            cells.append(scale.options[scale.sufficient.min() ?? 0])
        }
        let comments = template.split(separator: "\n").filter { $0.hasPrefix("#") }.joined(separator: "\n")
        let filled = comments + "\n" + CSVWriter.row(columns) + cells.joined(separator: ",") + "\n"
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("t-2.csv")
        try Data(filled.utf8).write(to: file)
        var diagnostics: [Diagnostic] = []
        _ = LintRun.cases(CaseStream(schema: CaseSchema(set), inputs: [.file(file.path)])) { diagnostics += $0 }
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.code): \($0.message)" })")
    }

    @Test("facts not given leave their questions undecided and listed as such")
    func partialFacts() throws {
        let set = try #require(DefaultCriteriaSet.load().set)
        let facts = try CaseTemplate.facts(["case_type=licence,rosh_recorded=high"], schema: CaseSchema(set)).get().values
        let template = CaseTemplate(set: set, facts: facts).yaml()
        #expect(template.contains("  # Undecided until more facts are given:\n"))
        // A licence is asked for its licence conditions, not for a pre-sentence report.
        #expect(template.contains("  # licence_conditions:    # Additional licence conditions ("))
        #expect(!template.contains("  # psr_type:"))
        if case .failure(let diagnostic) = CaseTemplate.facts(["rosh_recorded=hihg"], schema: CaseSchema(set)) {
            #expect(diagnostic.code == "usage.template-facts")
            #expect(diagnostic.message == "--facts: 'hihg' is not a value of rosh_recorded; did you mean 'high'?")
        } else {
            Issue.record("a bad value must be refused")
        }
    }

    @Test("the facts not given are hinted only where they matter for the facts given; profile facts apart")
    func hints() throws {
        let set = try #require(DefaultCriteriaSet.load().set)
        func hinted(_ entries: [String]) throws -> (needed: [String], breakdowns: [String]) {
            let facts = try CaseTemplate.facts(entries, schema: CaseSchema(set)).get().values
            let yaml = CaseTemplate(set: set, facts: facts).yaml()
            let lines = yaml.split(separator: "\n").map(String.init)
            let start = try #require(lines.firstIndex { $0.hasPrefix("  # Not given;") })
            let apart = try #require(lines.firstIndex { $0.hasPrefix("  # For breakdowns") })
            let end = try #require(lines.firstIndex(of: "answers:"))
            let name = { (line: String) in String(line.dropFirst(4).prefix { $0 != ":" }) }
            return (lines[(start + 1)..<apart].map(name), lines[(apart + 1)..<end].map(name))
        }
        // A community order: licence_conditions is read only by the restrict.* questions through
        // restrictive_licence_conditions (case_type == licence and …) and by a check for licence
        // cases; release_date only by checks that need it recorded. psr_type and requirements matter.
        let order = try hinted(["case_type=community_order"])
        #expect(!order.needed.contains("licence_conditions") && !order.needed.contains("release_date"))
        #expect(order.needed.contains("requirements") && order.needed.contains("psr_type"))
        // A licence: the other way round (requirements is tried empty, full and element by element).
        let licence = try hinted(["case_type=licence"])
        #expect(licence.needed.contains("licence_conditions"))
        #expect(!licence.needed.contains("requirements") && !licence.needed.contains("psr_type"))
        // Facts no question or check reads are listed apart, whatever is given.
        #expect(order.breakdowns == licence.breakdowns)
        #expect(order.breakdowns.contains("gender") && order.breakdowns.contains("offender_manager"))
        let readers = CaseFactsOutline.readers(set)
        for name in order.breakdowns {
            let index = try #require(set.fact(named: name))
            #expect(readers[index].questions.isEmpty && readers[index].checks.isEmpty, "\(name)")
        }
        // Every fact not given is in one list or the other, or matters for neither question nor check.
        #expect(Set(order.needed).isDisjoint(with: order.breakdowns))
    }

    @Test("--facts: a set's elements by '+', ',' or ';'; a fact given twice takes the last value, with a warning")
    func factSyntax() throws {
        let set = try #require(DefaultCriteriaSet.load().set)
        let schema = CaseSchema(set)
        let factors = try #require(set.fact(named: "offending_related_factors"))
        let plus = try CaseTemplate.facts(["case_type=licence,offending_related_factors=alcohol_misuse+ete"], schema: schema).get()
        let comma = try CaseTemplate.facts(["offending_related_factors=alcohol_misuse,ete,case_type=licence"], schema: schema).get()
        let semicolon = try CaseTemplate.facts(["offending_related_factors=alcohol_misuse;ete", "case_type=licence"], schema: schema).get()
        let alcohol = try #require(set.facts[factors].index(of: "alcohol_misuse"))
        let ete = try #require(set.facts[factors].index(of: "ete"))
        #expect(plus.values[factors] == .set(1 << UInt64(alcohol) | 1 << UInt64(ete)))
        #expect(comma.values[factors] == plus.values[factors] && semicolon.values[factors] == plus.values[factors])
        #expect(plus.warnings.isEmpty && comma.warnings.isEmpty && semicolon.warnings.isEmpty)
        let twice = try CaseTemplate.facts(["case_type=licence", "case_type=community_order"], schema: schema).get()
        let caseType = try #require(set.fact(named: "case_type"))
        #expect(twice.values[caseType] == .option(try #require(set.facts[caseType].index(of: "community_order"))))
        #expect(twice.warnings.map(\.message) == ["--facts: case_type is given twice; the last value, community_order, is used"])
        #expect(twice.warnings.map(\.severity) == [.warning])
    }

    @Test("template --csv without facts: the full header, every fact and question column, per element for for_each")
    func fullCSVHeader() throws {
        let set = try #require(DefaultCriteriaSet.load().set)
        let text = CaseTemplate(set: set, facts: Array(repeating: nil, count: set.facts.count)).csv()
        let lines = text.split(separator: "\r\n").flatMap { $0.split(separator: "\n") }
        let header = try #require(lines.last).split(separator: ",").map(String.init)
        let asked = set.questions.filter { $0.compute == nil }
        let perElement = asked.compactMap(\.forEach).map { set.facts[$0].values.count }.reduce(0, +)
        #expect(header.count == 2 + set.facts.count + asked.filter { $0.forEach == nil }.count + perElement)
        #expect(header.prefix(3) == ["case", "assessor", set.facts[0].name])
        #expect(header.contains("rmp.initial_sufficient"))
        let perFactor = try #require(asked.first { $0.forEach != nil })
        #expect(header.contains("\(perFactor.id)[\(set.facts[perFactor.forEach ?? 0].values[0])]"))
        #expect(!header.contains { set.question(id: $0).map { set.questions[$0].compute != nil } ?? false })
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("#") })
        // It reads back as a spreadsheet with no cases and no problems.
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("team.csv")
        try Data(text.utf8).write(to: file)
        var diagnostics: [Diagnostic] = []
        let summary = LintRun.cases(CaseStream(schema: CaseSchema(set), inputs: [.file(file.path)])) { diagnostics += $0 }
        #expect(summary.cases == 0)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.message))")
    }
}
