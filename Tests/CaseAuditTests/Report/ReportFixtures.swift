import Foundation
import Testing
@testable import CaseAudit

/// Reports of the test samples, rendered through ``ReportRun`` into a temporary file, with the
/// `score --format json` document of the same input and options to compare them with.
enum ReportFixtures {
    struct Rendered {
        var text: String
        var json: JSON
        var result: ScoreResult
        /// `history trend --format json` of the report's trends, when it has a history.
        var trends: JSON?
    }

    /// The bundled example (examples/york-2013) and the embedded IAOW set.
    static func york() throws -> (CriteriaSet, CaseStream) {
        let set = try #require(DefaultCriteriaSet.load().set)
        let expanded = CaseInputs.expand([YorkExampleTests.examples])
        #expect(expanded.problems.isEmpty)
        return (set, CaseStream(schema: CaseSchema(set), inputs: expanded.inputs))
    }

    /// The five hand-worked cases and the mini set (which has bands), under a scoring method.
    static func worked(method: ScoringMethod = .meanOfQuestions) throws -> (CriteriaSet, CaseStream) {
        let set = try CaseFixtures.miniSet(method: method)
        return (set, try CaseFixtures.stream(set, ["cases/worked/cases.yaml"]))
    }

    /// The HMIP 2018 example (examples/hmip-2018) and its set, read from Rules/hmip-2018.
    static func hmip() throws -> (CriteriaSet, CaseStream) {
        let rules = CaseFixtures.repository.appendingPathComponent("Rules/hmip-2018").path
        let set = try #require(CriteriaSetLoader.load(path: rules).set)
        let expanded = CaseInputs.expand([CaseFixtures.repository.appendingPathComponent("examples/hmip-2018").path])
        #expect(expanded.problems.isEmpty)
        return (set, CaseStream(schema: CaseSchema(set), inputs: expanded.inputs))
    }

    /// Options naming facts; the default profile unless given.
    static func options(
        _ set: CriteriaSet, format: ReportOptions.Format = .html, by: [String] = [], gapsBy: String? = nil,
        includeNotes: Bool = false, date: Day? = nil, title: String? = nil, history: ReportHistory? = nil
    ) throws -> ReportOptions {
        ReportOptions(
            format: format, title: title, date: date, by: try by.map { try #require(set.fact(named: $0)) },
            profile: Aggregate.defaultProfile(set), gapsBy: try gapsBy.map { try #require(set.fact(named: $0)) },
            includeNotes: includeNotes, history: history)
    }

    /// The report's text, and the JSON scores of a separate scoring pass with the same options.
    static func render(_ stream: CaseStream, _ options: ReportOptions) throws -> Rendered {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("caseaudit-report-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let sink = try OutputSink(path: path)
        _ = ReportRun.run(stream, options, to: sink, report: { _ in })
        try sink.finish()
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let result = ScoreRun.run(stream, by: options.by, profile: options.profile, report: { _ in })
        let trends = options.history.map { history in
            TrendJSON.document(TrendReport(rounds: [], trends: history.trends(result.scorecard, date: options.date).flatMap { $0 }))
        }
        return Rendered(text: text, json: ScoreJSON.document(result), result: result, trends: trends)
    }

    /// Two earlier rounds of the York example's set: the cases of offender managers 1–4, then
    /// of 5–9, each scored as a round; the report of the whole sample comes after them.
    static func yorkHistory() throws -> ReportHistory {
        let set = try #require(DefaultCriteriaSet.load().set)
        let examples = URL(fileURLWithPath: YorkExampleTests.examples)
        var rounds: [TrendSubject: [Trend.Round]] = [:]
        for (label, files) in [("2013-Q3", 1...4), ("2013-Q4", 5...9)] {
            let paths = files.map { examples.appendingPathComponent("om-0\($0).yaml").path }
            let stream = CaseStream(schema: CaseSchema(set), inputs: CaseInputs.expand(paths).inputs)
            let card = ScoreRun.run(stream, profile: [], report: { _ in }).scorecard
            let stamp = RoundStamp(label: label, date: nil, setID: set.id, setVersion: set.version, setHash: set.contentHash)
            func round(_ subject: TrendSubject, _ figure: GroupScore) -> Trend.Round {
                Trend.Round(stamp: stamp, figure: TrendFigure(score: figure.score, sufficient: figure.sufficient, answers: figure.answers,
                                                              cases: figure.cases, smallBase: figure.smallBase),
                            members: QuestionDefinition.members(set, subject))
            }
            for figure in card.outcomes {
                let subject = TrendSubject.outcome(set.outcomes[figure.index].id)
                rounds[subject, default: []].append(round(subject, figure))
            }
            for figure in card.criteria {
                let subject = TrendSubject.criterion(set.criteria[figure.index].id)
                rounds[subject, default: []].append(round(subject, figure))
            }
        }
        return ReportHistory(rounds: rounds, current: nil)
    }
}

/// Reading the JSON document in tests.
extension JSON {
    subscript(key: String) -> JSON? {
        guard case .object(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    var items: [JSON] {
        if case .array(let items) = self { return items }
        return []
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var int: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    var double: Double? {
        switch self {
        case .number(let value): return value
        case .int(let value): return Double(value)
        default: return nil
        }
    }

    var isNull: Bool { self == .null }
}
