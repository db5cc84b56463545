import Foundation
import Testing
@testable import CaseAudit

/// Every number the HTML report shows equals the `score --format json` figure for the same input
/// and options: each outcome, criterion and question (every place it appears: summary, headline,
/// highlights, chart labels, tables), each factor-table cell, each profile count and each breakdown
/// cell. The figures are found by their `data-figure` / `data-field` marks (see ``ReportHTML``).
@Suite("Every number in the report equals the JSON scores")
struct ReportFiguresTests {
    /// One marked value: where it is (figure, breakdown fact, group), which field, the text shown.
    struct Mark {
        var figure: String
        var by: String?
        var group: String?
        var field: String
        var text: String
    }

    static func marks(_ document: HTMLDocument) -> [Mark] {
        document.elements.filter { $0.attributes["data-figure"] != nil }.flatMap { holder in
            holder.descendantsAndSelf.compactMap { element -> Mark? in
                guard let field = element.attributes["data-field"] else { return nil }
                let owner = element.attributes["data-figure"] != nil ? element : element.ancestors.first { $0.attributes["data-figure"] != nil }
                guard owner === holder else { return nil }
                return Mark(figure: holder.attributes["data-figure"] ?? "", by: holder.attributes["data-by"],
                            group: holder.attributes["data-group"], field: field, text: element.text)
            }
        }
    }

    /// The JSON object a mark refers to, and the value of its field.
    static func expected(_ mark: Mark, _ json: JSON, trends: JSON? = nil) throws -> JSON {
        let parts = mark.figure.split(separator: ":", maxSplits: 1).map(String.init)
        let level = parts[0]
        let id = parts.count > 1 ? parts[1] : ""
        var scope = json
        if let by = mark.by {
            let breakdown = try #require(json["breakdowns"]?.items.first { $0["fact"]?.string == by }, "breakdown \(by)")
            scope = try #require(breakdown["groups"]?.items.first { value($0["value"]) == mark.group }, "group \(mark.group ?? "")")
        }
        func field(_ object: JSON) throws -> JSON {
            if mark.field.hasPrefix("answers.") {
                return try #require(object["answers"]?[String(mark.field.dropFirst("answers.".count))], "\(mark.figure) \(mark.field)")
            }
            return try #require(object[mark.field], "\(mark.figure) has no \(mark.field) in the JSON")
        }
        switch level {
        case "trend":
            // `trend:LEVEL:ID`, the round in data-group, against `history trend --format json`.
            let subject = id.split(separator: ":", maxSplits: 1).map(String.init)
            let trend = try #require(trends?["trends"]?.items.first { $0["level"]?.string == subject[0] && $0["id"]?.string == subject[1] },
                                     "\(mark.figure) in the trend JSON")
            let point = try #require(trend["points"]?.items.first { $0["round"]?.string == mark.group }, "\(mark.figure) \(mark.group ?? "")")
            return try #require(point[mark.field], "\(mark.figure) has no \(mark.field)")
        case "outcome", "criterion", "question":
            let list = level == "outcome" ? "outcomes" : level == "criterion" ? "criteria" : "questions"
            return try field(try #require(scope[list]?.items.first { $0["id"]?.string == id }, "\(mark.figure)"))
        case "cases", "sample":
            return try field(level == "sample" ? try #require(json["sample"]) : scope)
        case "overall":
            return try field(try #require(scope["overall"], "overall"))
        case "tag":
            let tag = try #require(json["tags"]?.items.first { $0["id"]?.string == id }, "\(mark.figure)")
            guard let criterion = mark.group else { return try field(tag) }
            return try field(try #require(tag["criteria"]?.items.first { $0["criterion"]?.string == criterion }, "\(mark.figure) \(criterion)"))
        case "element":
            let table = try #require(json["element_tables"]?.items.first { $0["questions"]?.items.contains(.string(id)) == true })
            let row = try #require(table["rows"]?.items.first { $0["element"]?.string == mark.group })
            let figure = try #require(row["figures"]?.items.first { $0["question"]?.string == id })
            return mark.field == "cases" ? try field(row) : try field(figure)
        case "factor":
            let table = try #require(json["element_tables"]?.items.first { $0["fact"]?.string == id })
            return try field(try #require(table["rows"]?.items.first { $0["element"]?.string == mark.group }))
        case "profile":
            let count = try #require(json["profile"]?.items.first { $0["fact"]?.string == id }, "\(mark.figure)")
            let row = try #require(count["counts"]?.items.first { value($0["value"]) == mark.group }, "\(mark.figure) \(mark.group ?? "")")
            guard mark.field == "share" else { return try field(row) }
            let cases = try #require(row["cases"]?.int)
            let sample = try #require(json["sample"]?["cases"]?.int)
            return .string(Percent.text(Double(cases) / Double(sample)))
        default:
            Issue.record("unknown figure \(mark.figure)")
            return .null
        }
    }

    /// A group value as the report marks it: JSON null is "(not recorded)".
    static func value(_ json: JSON?) -> String? {
        guard let json else { return nil }
        return json.isNull ? "(not recorded)" : json.string
    }

    /// Whether the shown text is the JSON value: scores as "82.1%" (+ "*" exactly when small_base)
    /// or "–" for null, counts as integers, bands and shares as text.
    static func matches(_ mark: Mark, _ expected: JSON, smallBase: Bool?) -> Bool {
        let text = mark.text.trimmingCharacters(in: .whitespaces)
        switch mark.field {
        case "score":
            if expected.isNull { return text == "–" }
            let starred = text.hasSuffix("*")
            guard let shown = Double(text.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "%", with: "")) else { return false }
            return shown == expected.double && text.contains("%") && (smallBase.map { $0 == starred } ?? true)
        case "band", "lowest_question":
            return expected.isNull ? text == "–" : text == expected.string
        case "share":
            return text == expected.string
        case "change":
            if expected.isNull { return text == "–" }
            return Double(text.replacingOccurrences(of: "−", with: "-").replacingOccurrences(of: "+", with: "")) == expected.double
        case "verdict":
            if expected.isNull { return !["improved", "declined", "no clear change"].contains(text) }
            return text == expected.string
        default:
            return Int(text) == expected.int
        }
    }

    static func check(_ rendered: ReportFixtures.Rendered, _ name: String) throws -> [Mark] {
        let document = HTMLDocument(rendered.text)
        #expect(document.problems.isEmpty)
        let marks = Self.marks(document)
        for mark in marks {
            let expected = try Self.expected(mark, rendered.json, trends: rendered.trends)
            let small = try mark.field == "score" ? smallBase(mark, rendered.json, trends: rendered.trends) : nil
            #expect(Self.matches(mark, expected, smallBase: small),
                    "\(name): \(mark.figure) \(mark.by ?? "") \(mark.group ?? "") \(mark.field): shows '\(mark.text)', JSON \(expected.text())")
        }
        // Every percentage in the text is a marked figure.
        for node in document.root.textNodes where node.text.contains("%") {
            let marked = node.parent.attributes["data-field"] != nil || node.parent.ancestors.contains { $0.attributes["data-field"] != nil }
            let inStyle = node.parent.name == "style" || node.parent.name == "title"
            #expect(marked || inStyle || !node.text.contains(where: \.isNumber), "\(name): unmarked '\(node.text)'")
        }
        return marks
    }

    static func smallBase(_ mark: Mark, _ json: JSON, trends: JSON? = nil) throws -> Bool? {
        var flag = mark
        flag.field = "small_base"
        if mark.figure.hasPrefix("profile:") { return nil }
        if case .bool(let value) = try expected(flag, json, trends: trends) { return value }
        return nil
    }

    /// The marks of one figure in the whole sample, by field.
    static func fields(_ marks: [Mark], _ figure: String, group: String? = nil) -> Set<String> {
        Set(marks.filter { $0.figure == figure && $0.by == nil && $0.group == group }.map(\.field))
    }

    @Test("the York example: every outcome, criterion, question, factor cell, profile count and breakdown cell")
    func york() throws {
        let (set, stream) = try ReportFixtures.york()
        let rendered = try ReportFixtures.render(stream, ReportFixtures.options(set, by: ["gender", "om_grade"], gapsBy: "offender_manager"))
        let marks = try Self.check(rendered, "york")
        try Self.coverage(marks, rendered)
    }

    @Test("the worked example, under each scoring method, with bands and small bases",
          arguments: [ScoringMethod.meanOfQuestions, .meanOfCriteria, .pooled])
    func worked(method: ScoringMethod) throws {
        let (set, stream) = try ReportFixtures.worked(method: method)
        let rendered = try ReportFixtures.render(stream, ReportFixtures.options(set, by: ["gender"]))
        let marks = try Self.check(rendered, "worked \(method)")
        try Self.coverage(marks, rendered)
        #expect(marks.contains { $0.field == "band" && $0.text == "Requires improvement" })
        #expect(marks.contains { $0.field == "score" && $0.text.hasSuffix("*") })
    }

    @Test("the York example with two earlier rounds: every score over the rounds, change and verdict")
    func yorkHistory() throws {
        let (set, stream) = try ReportFixtures.york()
        let rendered = try ReportFixtures.render(stream, ReportFixtures.options(set, history: try ReportFixtures.yorkHistory()))
        let marks = try Self.check(rendered, "york with history")
        try Self.coverage(marks, rendered)
        let trends = try #require(rendered.trends?["trends"]?.items)
        #expect(trends.count == set.outcomes.count + set.criteria.count)
        for trend in trends {
            let figure = "trend:" + (trend["level"]?.string ?? "") + ":" + (trend["id"]?.string ?? "")
            for round in ["2013-Q3", "2013-Q4"] {
                #expect(Self.fields(marks, figure, group: round) == ["score"], "\(figure) \(round)")
            }
            #expect(Self.fields(marks, figure, group: ReportHistory.unstoredLabel) == ["score", "change", "verdict"], "\(figure)")
        }
        // The charts: one per outcome and criterion, in the outcome sections.
        let charts = HTMLDocument(rendered.text).elements.filter { $0.name == "svg" && ($0.attributes["class"] ?? "").contains("trend") }
        #expect(charts.count == trends.count)
    }

    /// Nothing in the JSON is left out of the report.
    static func coverage(_ marks: [Mark], _ rendered: ReportFixtures.Rendered) throws {
        let json = rendered.json
        let set = rendered.result.set
        for outcome in json["outcomes"]?.items ?? [] {
            let id = try #require(outcome["id"]?.string)
            #expect(fields(marks, "outcome:" + id).isSuperset(of: ["score", "base", "items"]), "outcome \(id)")
        }
        for criterion in json["criteria"]?.items ?? [] {
            let id = try #require(criterion["id"]?.string)
            #expect(fields(marks, "criterion:" + id).isSuperset(of: ["score", "base", "answers", "items"]), "criterion \(id)")
        }
        for question in json["questions"]?.items ?? [] {
            let id = try #require(question["id"]?.string)
            let shown = fields(marks, "question:" + id)
            let index = try #require(set.question(id: id))
            let options = set.scales[set.questions[index].scale].options.map { "answers." + $0 }
            if question["scored"] == .bool(true) {
                #expect(shown.isSuperset(of: ["score", "base", "sufficient", "insufficient", "not_applicable", "unanswered",
                                              "undetermined", "invalid"]), "question \(id): \(shown)")
                if options.count > 2 { #expect(shown.isSuperset(of: options), "question \(id) options") }
            } else {
                #expect(shown.isSuperset(of: Set(options + ["descriptive"])), "descriptive \(id): \(shown)")
            }
        }
        for table in json["element_tables"]?.items ?? [] {
            for row in table["rows"]?.items ?? [] {
                let element = row["element"]?.string
                #expect(fields(marks, "factor:" + (table["fact"]?.string ?? ""), group: element) == ["cases"])
                for figure in row["figures"]?.items ?? [] {
                    #expect(fields(marks, "element:" + (figure["question"]?.string ?? ""), group: element) == ["score", "sufficient", "base"])
                }
            }
        }
        for count in json["profile"]?.items ?? [] {
            for row in count["counts"]?.items ?? [] {
                #expect(fields(marks, "profile:" + (count["fact"]?.string ?? ""), group: value(row["value"])) == ["cases", "share"])
            }
        }
        for breakdown in json["breakdowns"]?.items ?? [] {
            let by = breakdown["fact"]?.string
            for group in breakdown["groups"]?.items ?? [] {
                let value = value(group["value"])
                let shown = marks.filter { $0.by == by && $0.group == value }
                #expect(shown.contains { $0.figure == "cases" && $0.field == "cases" })
                for level in ["outcomes", "criteria"] {
                    for item in group[level]?.items ?? [] {
                        let figure = (level == "outcomes" ? "outcome:" : "criterion:") + (item["id"]?.string ?? "")
                        let banded = item["band"].map { !$0.isNull } ?? false
                        #expect(Set(shown.filter { $0.figure == figure }.map(\.field)) == (banded ? ["score", "base", "band"] : ["score", "base"]),
                                "\(by ?? "") \(value ?? "") \(figure)")
                    }
                }
            }
        }
        if let overall = json["overall"], !overall.isNull {
            #expect(fields(marks, "overall").isSuperset(of: ["band", "points", "maximum", "rated"]))
        }
        for tag in json["tags"]?.items ?? [] {
            let figure = "tag:" + (tag["id"]?.string ?? "")
            #expect(fields(marks, figure) == ["score", "base"], "\(figure)")
            for cell in tag["criteria"]?.items ?? [] {
                #expect(fields(marks, figure, group: cell["criterion"]?.string) == ["score", "base"], "\(figure) \(cell)")
            }
        }
        #expect(fields(marks, "sample").contains("cases"))
    }

    @Test("the HMIP 2018 example: criterion ratings with their lowest questions, the overall rating, the tag table")
    func hmip() throws {
        let (set, stream) = try ReportFixtures.hmip()
        let rendered = try ReportFixtures.render(stream, ReportFixtures.options(set, by: ["sentence_type"]))
        let marks = try Self.check(rendered, "hmip")
        try Self.coverage(marks, rendered)
        for band in ["Outstanding", "Good", "Requires improvement", "Inadequate"] {
            #expect(marks.contains { $0.figure.hasPrefix("criterion:") && $0.by == nil && $0.field == "band" && $0.text == band }, "\(band)")
        }
        #expect(marks.contains { $0.figure == "overall" && $0.by == nil && $0.field == "band" && $0.text == "Requires improvement" })
        #expect(marks.contains { $0.figure == "criterion:2.1" && $0.field == "lowest_question" && $0.text == "assessment.desistance" })
        #expect(marks.contains { $0.figure == "overall" && $0.by == "sentence_type" })
    }
}
