/// A question's figures.
public struct QuestionScore: Sendable {
    public var question: Int
    public var sufficient: Int
    public var insufficient: Int
    /// Sufficient ÷ (sufficient + insufficient); nil ("–") when no applicable case was answered.
    public var score: Double?
    public var smallBase: Bool
    /// Base n: sufficient + insufficient.
    public var base: Int { sufficient + insufficient }
}

/// A criterion's or an outcome's figures.
public struct GroupScore: Sendable {
    /// Index of the criterion or outcome.
    public var index: Int
    /// Per the method; nil ("–") when none of its questions has a score.
    public var score: Double?
    /// Its scored questions with a score (an outcome's include those brought in by `also_scores`).
    public var items: Int
    /// For an outcome under `mean_of_criteria`, what entered its mean: its criteria with a score,
    /// and the scores of questions of other outcomes' criteria that count here too (`also_scores`).
    public var meanOf: (criteria: Int, questions: Int)?
    /// All sufficient and insufficient answers of its questions.
    public var answers: Int
    public var sufficient: Int
    /// Base n: cases with at least one sufficient or insufficient answer among its questions.
    public var cases: Int
    public var smallBase: Bool
    /// For a criterion scored by `lowest_question`: the question (index) whose score it takes.
    public var lowest: Int?
    /// The rating band, when the set's bands apply to this level (``ScoringPolicy/banded``).
    public var band: String?
}

/// The overall rating: the points of the rated criteria's or outcomes' bands, summed and banded.
public struct OverallScore: Sendable {
    /// The sum of the points of the rated items that have a band.
    public var points: Int
    /// The most the rated items can score.
    public var maximum: Int
    /// Rated items (criteria or outcomes with scored questions) with a band, and without a score.
    public var rated: Int
    public var unrated: Int
    /// The band of the sum; nil ("–") unless every rated item has a band.
    public var band: String?
}

/// A tag's figures (a lens across criteria): over every scored question carrying it, and per criterion.
public struct TagScore: Sendable {
    public var tag: Int
    /// The mean of its questions' scores; `index` is the tag's.
    public var all: GroupScore
    /// Per criterion of the set, in order: the mean of the criterion's questions with the tag; nil
    /// where none of them carries it.
    public var criteria: [GroupScore?]
}

/// One row of a per-element table: an element of a set fact (an offending-related factor).
public struct ElementRow: Sendable {
    public var element: Int
    /// Cases in the sample with the element.
    public var cases: Int
    /// One figure per question of the table, in the table's question order.
    public var figures: [QuestionScore]
}

/// The per-element table of the `for_each` questions over one set fact (the report's factor table).
public struct ElementTable: Sendable {
    public var fact: Int
    public var questions: [Int]
    public var rows: [ElementRow]
}

/// Question, criterion and outcome scores of a tally, by the set's scoring method (DESIGN §6).
public struct Scorecard: Sendable {
    public let set: CriteriaSet
    public let tally: Tally
    public let questions: [QuestionScore]
    public let criteria: [GroupScore]
    public let outcomes: [GroupScore]
    public let elementTables: [ElementTable]
    /// Nil unless the set defines an overall rating.
    public let overall: OverallScore?
    /// One per tag of the set, in declared order.
    public let tags: [TagScore]
    /// The criteria (indexes) with at least one tagged question: the columns of the tag table.
    public let tagCriteria: [Int]

    public var cases: Int { tally.cases }

    public init(_ set: CriteriaSet, _ tally: Tally) {
        self.set = set
        self.tally = tally
        let minBase = set.scoring.minBase
        func figure(_ question: Int, _ sufficient: Int, _ insufficient: Int) -> QuestionScore {
            let base = sufficient + insufficient
            return QuestionScore(
                question: question, sufficient: sufficient, insufficient: insufficient,
                score: base > 0 ? Double(sufficient) / Double(base) : nil, smallBase: base > 0 && base < minBase)
        }
        let questions = set.questions.indices.map { index in
            figure(index, tally.count(.sufficient, question: index), tally.count(.insufficient, question: index))
        }
        self.questions = questions

        let scoring = set.scoring
        let scored = set.questions.indices.filter { set.questions[$0].scored }
        let criteria = set.criteria.indices.map { index in
            let members = scored.filter { set.questions[$0].criterion == index }
            var criterion = Self.group(index, members: members, questions, cases: tally.criterionCases[index], minBase: minBase)
            if scoring.criterionMethod == .lowestQuestion {
                // The first of the lowest, in the set's order; questions without a score are left out.
                let lowest = members.compactMap { member in questions[member].score.map { (member, $0) } }.min { $0.1 < $1.1 }
                criterion.score = lowest?.1
                criterion.lowest = lowest?.0
            }
            if scoring.bands(.criteria) { criterion.band = Self.band(criterion.score, scoring.bands) }
            return criterion
        }
        self.criteria = criteria

        let outcomes = set.outcomes.indices.map { index in
            let own = scored.filter { set.criteria[set.questions[$0].criterion].outcome == index }
            // Each question once, and never twice in its own outcome.
            let brought = scored.filter {
                set.questions[$0].alsoScores.contains(index) && set.criteria[set.questions[$0].criterion].outcome != index
            }
            var outcome = Self.group(index, members: own + brought, questions, cases: tally.outcomeCases[index], minBase: minBase)
            switch set.scoring.method {
            case .meanOfQuestions:
                break
            case .pooled:
                outcome.score = outcome.answers > 0 ? Double(outcome.sufficient) / Double(outcome.answers) : nil
            case .meanOfCriteria:
                let own = criteria.filter { set.criteria[$0.index].outcome == index }.compactMap(\.score)
                let also = brought.compactMap { questions[$0].score }
                outcome.meanOf = (own.count, also.count)
                outcome.score = own.isEmpty && also.isEmpty ? nil : (own + also).reduce(0, +) / Double(own.count + also.count)
            }
            if scoring.bands(.outcomes) { outcome.band = Self.band(outcome.score, scoring.bands) }
            return outcome
        }
        self.outcomes = outcomes

        overall = scoring.overall.map { rating in
            let rated = rating.rates == .criteria
                ? criteria.filter { group in scored.contains { set.questions[$0].criterion == group.index } }
                : outcomes.filter { group in
                    scored.contains { set.criteria[set.questions[$0].criterion].outcome == group.index || set.questions[$0].alsoScores.contains(group.index) }
                }
            let points = rated.compactMap { group in
                group.band.flatMap { band in scoring.bands.firstIndex { $0.label == band } }.map { rating.points[$0] }
            }
            let unrated = rated.count - points.count
            let sum = points.reduce(0, +)
            return OverallScore(
                points: sum, maximum: rated.count * (rating.points.max() ?? 0), rated: points.count, unrated: unrated,
                band: unrated == 0 && !rated.isEmpty ? rating.bands.first { Double(sum) >= $0.minimum }?.label : nil)
        }

        let tagged = set.criteria.indices.filter { criterion in scored.contains { set.questions[$0].criterion == criterion && !set.questions[$0].tags.isEmpty } }
        tagCriteria = tagged
        tags = set.tags.indices.map { tag in
            let members = scored.filter { set.questions[$0].tags.contains(tag) }
            return TagScore(
                tag: tag, all: Self.group(tag, members: members, questions, cases: tally.tagCases[tag], minBase: minBase),
                criteria: set.criteria.indices.map { criterion in
                    let cell = members.filter { set.questions[$0].criterion == criterion }
                    return cell.isEmpty ? nil : Self.group(
                        criterion, members: cell, questions, cases: tally.tagCriterionCases[tag * set.criteria.count + criterion], minBase: minBase)
                })
        }

        var tables: [ElementTable] = []
        for fact in tally.elementCases.keys.sorted() {
            let members = set.questions.indices.filter { set.questions[$0].forEach == fact }
            let rows = set.facts[fact].values.indices.map { element in
                ElementRow(
                    element: element, cases: tally.elementCases[fact]?[element] ?? 0,
                    figures: members.map {
                        figure($0, tally.count(.sufficient, question: $0, element: element),
                               tally.count(.insufficient, question: $0, element: element))
                    })
            }
            tables.append(ElementTable(fact: fact, questions: members, rows: rows))
        }
        elementTables = tables
    }

    /// The mean of the members' question scores, with the answers and cases behind it.
    private static func group(_ index: Int, members: [Int], _ questions: [QuestionScore], cases: Int, minBase: Int) -> GroupScore {
        let scores = members.compactMap { questions[$0].score }
        return GroupScore(
            index: index, score: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count),
            items: scores.count, answers: members.reduce(0) { $0 + questions[$1].base },
            sufficient: members.reduce(0) { $0 + questions[$1].sufficient }, cases: cases,
            smallBase: cases > 0 && cases < minBase, lowest: nil, band: nil)
    }

    /// The first band a score reaches, by the score as shown (one decimal), so a score printed as
    /// 65.0% is never banded below 65. No score, no band.
    static func band(_ score: Double?, _ bands: [Band]) -> String? {
        score.flatMap { score in bands.first { Double(Percent.tenths(score)) / 10 >= $0.minimum }?.label }
    }
}
