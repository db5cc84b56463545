/// A figure under the old set and under the new: score and base n (nil where the item is not in
/// that set), and the difference in percentage points, of the scores as shown (one decimal).
public struct FigurePair: Sendable {
    public var oldScore: Double?
    public var oldBase: Int?
    public var newScore: Double?
    public var newBase: Int?

    /// New minus old, in percentage points as shown (e.g. 3.2); nil unless both have a score.
    public var difference: Double? {
        guard let oldScore, let newScore else { return nil }
        return Double(Percent.tenths(newScore) - Percent.tenths(oldScore)) / 10
    }

    /// True when the score or the base differs, or the item is in only one set.
    public var moved: Bool {
        (oldBase == nil) != (newBase == nil) || oldBase != newBase
            || (oldScore.map(Percent.tenths) != newScore.map(Percent.tenths))
    }
}

/// An outcome's or criterion's figures under both sets.
public struct GroupImpact: Sendable {
    public var kind: ItemKind
    public var oldID: String?
    public var newID: String?
    public var title: String
    public var figures: FigurePair
}

/// A question's figures under both sets, and how many cases changed result.
public struct QuestionImpact: Sendable {
    public struct Transition: Sendable {
        public var from: ResultKind
        public var to: ResultKind
        public var count: Int
    }

    public var oldID: String?
    public var newID: String?
    public var figures: FigurePair
    /// Cases whose result (any instance, for a per-element question) differs.
    public var changedCases: Int
    /// Result changes (old → new), most frequent first.
    public var transitions: [Transition]
}

/// The same cases scored under two sets, side by side. Each list is sorted so the largest movers
/// come first: by the size of the difference, then by the cases that changed result; items in only
/// one set follow, then the unchanged.
public struct ScoreImpact: Sendable {
    public var cases: Int
    public var outcomes: [GroupImpact]
    public var criteria: [GroupImpact]
    public var questions: [QuestionImpact]
}

/// Streams cases once, evaluating each under both sets.
public enum ScoreImpactRun {
    /// `stream` reads by the old set's schema; each case is also read by `new`'s and scored under both.
    public static func run(_ stream: CaseStream, new: CriteriaSet, report: ([Diagnostic]) -> Void) -> (ScoreImpact, CaseStream.Summary) {
        let old = stream.schema.set
        let matcher = IDMatcher(old: old, new: new)
        let oldEvaluator = Evaluator(old)
        let newEvaluator = Evaluator(new)
        var oldAggregate = Aggregate(old)
        var newAggregate = Aggregate(new)
        // Old question index → new question index.
        let pairs: [(old: Int, new: Int)] = old.questions.indices.compactMap { index in
            matcher.newID(.question, old.questions[index].id).flatMap(new.question(id:)).map { (index, $0) }
        }
        var changed = [Int](repeating: 0, count: old.questions.count)
        var transitions = [[String: Int]](repeating: [:], count: old.questions.count)
        let summary = stream.forEach(alongside: CaseSchema(new), report: report) { record, second in
            let before = oldEvaluator.evaluate(record)
            oldAggregate.add(before)
            guard let second else { return before.findings }
            let after = newEvaluator.evaluate(second)
            newAggregate.add(after)
            let oldResults = Dictionary(grouping: before.results, by: \.question)
            let newResults = Dictionary(grouping: after.results, by: \.question)
            for pair in pairs {
                let from = oldResults[pair.old] ?? []
                let to = newResults[pair.new] ?? []
                var differs = from.count != to.count
                for (index, result) in from.enumerated() where index < to.count && result.kind != to[index].kind {
                    differs = true
                    transitions[pair.old]["\(result.kind.rawValue)>\(to[index].kind.rawValue)", default: 0] += 1
                }
                if differs { changed[pair.old] += 1 }
            }
            return before.findings
        }
        let oldCard = Scorecard(old, oldAggregate.tally)
        let newCard = Scorecard(new, newAggregate.tally)

        func groups(_ kind: ItemKind, _ oldScores: [GroupScore], _ newScores: [GroupScore], ids: (CriteriaSet) -> [String], titles: (CriteriaSet) -> [String]) -> [GroupImpact] {
            let oldIDs = ids(old)
            let newIDs = ids(new)
            var matched: Set<Int> = []
            var rows: [GroupImpact] = []
            for (index, id) in oldIDs.enumerated() {
                let newIndex = matcher.newID(kind, id).flatMap { newIDs.firstIndex(of: $0) }
                if let newIndex { matched.insert(newIndex) }
                rows.append(GroupImpact(
                    kind: kind, oldID: id, newID: newIndex.map { newIDs[$0] }, title: newIndex.map { titles(new)[$0] } ?? titles(old)[index],
                    figures: FigurePair(
                        oldScore: oldScores[index].score, oldBase: oldScores[index].cases,
                        newScore: newIndex.flatMap { newScores[$0].score }, newBase: newIndex.map { newScores[$0].cases })))
            }
            for (index, id) in newIDs.enumerated() where !matched.contains(index) {
                rows.append(GroupImpact(
                    kind: kind, oldID: nil, newID: id, title: titles(new)[index],
                    figures: FigurePair(oldScore: nil, oldBase: nil, newScore: newScores[index].score, newBase: newScores[index].cases)))
            }
            return sortedByMovement(rows, figures: \.figures, changed: { _ in 0 })
        }

        var questions: [QuestionImpact] = []
        var matchedNew: Set<Int> = []
        for index in old.questions.indices {
            let newIndex = pairs.first { $0.old == index }?.new
            if let newIndex { matchedNew.insert(newIndex) }
            let figure = oldCard.questions[index]
            let newFigure = newIndex.map { newCard.questions[$0] }
            questions.append(QuestionImpact(
                oldID: old.questions[index].id, newID: newIndex.map { new.questions[$0].id },
                figures: FigurePair(oldScore: figure.score, oldBase: figure.base, newScore: newFigure?.score, newBase: newFigure?.base),
                changedCases: changed[index],
                transitions: transitions[index].compactMap { key, count in
                    let parts = key.split(separator: ">").map(String.init)
                    guard parts.count == 2, let from = ResultKind(rawValue: parts[0]), let to = ResultKind(rawValue: parts[1]) else { return nil }
                    return QuestionImpact.Transition(from: from, to: to, count: count)
                }.sorted { ($0.count, $1.from.rawValue, $1.to.rawValue) > ($1.count, $0.from.rawValue, $0.to.rawValue) }))
        }
        for index in new.questions.indices where !matchedNew.contains(index) {
            let figure = newCard.questions[index]
            questions.append(QuestionImpact(
                oldID: nil, newID: new.questions[index].id,
                figures: FigurePair(oldScore: nil, oldBase: nil, newScore: figure.score, newBase: figure.base), changedCases: 0, transitions: []))
        }
        let impact = ScoreImpact(
            cases: summary.cases,
            outcomes: groups(.outcome, oldCard.outcomes, newCard.outcomes, ids: { $0.outcomes.map(\.id) }, titles: { $0.outcomes.map(\.title) }),
            criteria: groups(.criterion, oldCard.criteria, newCard.criteria, ids: { $0.criteria.map(\.id) }, titles: { $0.criteria.map(\.title) }),
            questions: sortedByMovement(questions, figures: \.figures, changed: \.changedCases))
        return (impact, summary)
    }

    /// Largest movers first: by |difference|, then cases changed; then items in one set only; then the unchanged; stable otherwise.
    static func sortedByMovement<Row>(_ rows: [Row], figures: (Row) -> FigurePair, changed: (Row) -> Int) -> [Row] {
        func rank(_ row: Row) -> (Int, Double, Int) {
            let pair = figures(row)
            if pair.oldBase == nil || pair.newBase == nil { return (1, 0, 0) }
            if !pair.moved && changed(row) == 0 { return (2, 0, 0) }
            return (0, -abs(pair.difference ?? 0), -changed(row))
        }
        return rows.enumerated().sorted { lhs, rhs in
            let left = rank(lhs.element)
            let right = rank(rhs.element)
            if left != right { return left < right }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
