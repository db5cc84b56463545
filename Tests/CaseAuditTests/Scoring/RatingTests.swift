import Testing
@testable import CaseAudit

/// Six cases (Fixtures/cases/ratings/cases.yaml) scored against the ratings set
/// (Fixtures/rules/ratings.yaml): criteria by their lowest question, bands on criteria and
/// outcomes, an overall rating by points, and tags. Every figure is worked out by hand here.
///
/// | question (criterion, tag)   | R-1 high        | R-2 low      | R-3 low     | R-4 high, susp. | R-5 high, susp. | R-6 low, susp. | score |
/// |-----------------------------|-----------------|--------------|-------------|-----------------|-----------------|----------------|-------|
/// | c1.factor (C1, desistance)  | alc y, acc y, th y | y, y, n   | y, n, n     | alc y, th n     | acc n           | th y           | 8/13 = 61.5 |
/// | c1.engage (C1, engagement)  | y               | y            | n           | n/a (suspended) | n/a             | n/a            | 2/3 = 66.7* |
/// | c1.plan (C1, rosh high)     | y               | n/a          | n/a         | y               | n               | n/a            | 2/3 = 66.7* |
/// | c2.review (C2, engagement)  | y               | y            | y           | y               | n               | n              | 4/6 = 66.7 |
/// | c2.progress (C2, desistance)| y               | y            | y           | y               | y               | n              | 5/6 = 83.3 |
/// | c3.risk (C3, keeping_safe)  | y               | y            | y           | y               | y               | n              | 5/6 = 83.3 |
/// | c3.plan (C3, keeping_safe)  | y               | y            | y           | y               | y               | y              | 6/6 = 100 |
/// | c4.victims (C4, keeping_safe)| y              | y            | n           | n               | n               | n              | 2/6 = 33.3 |
///
/// (* base 3, below min_base 4.) Criteria, by their lowest question; bands O ≥ 80, G ≥ 65, RI ≥ 50, I:
/// - C1 = min(8/13, 2/3, 2/3) = 8/13 = 61.5 % (c1.factor) → Requires improvement, 1 point
/// - C2 = min(4/6, 5/6) = 66.7 % (c2.review) → Good, 2 points
/// - C3 = min(5/6, 1) = 83.3 % (c3.risk) → Outstanding, 3 points
/// - C4 = 2/6 = 33.3 % → Inadequate, 0 points
/// Overall: 1 + 2 + 3 + 0 = 6 of 12 → Requires improvement (3–6; Good from 7).
///
/// The rounding edge: by the mean of its questions, C1 = (8/13 + 2/3 + 2/3) / 3 = 76/117 =
/// 64.957… %, shown 65.0 %, so Good (≥ 65), not Requires improvement; C2 = (4/6 + 5/6)/2 = 75.0 %
/// Good, C3 = (5/6 + 1)/2 = 91.7 % Outstanding, C4 33.3 % Inadequate: 2 + 2 + 3 + 0 = 7 → Good.
///
/// Outcomes (mean of questions, banded too): supervision = (8/13 + 2/3 + 2/3 + 4/6 + 5/6) / 5 =
/// 269/390 = 69.0 % Good; safety = (5/6 + 1 + 2/6) / 3 = 13/18 = 72.2 % Good.
///
/// Tags (mean of the tagged questions' scores), per criterion and over all:
/// - engagement: C1 2/3 (base 3 cases, small), C2 4/6 (6); all (2/3 + 4/6)/2 = 66.7 %, 6 cases
/// - desistance: C1 8/13, C2 5/6; all (8/13 + 5/6)/2 = 113/156 = 72.4 %
/// - keeping_safe: C3 (5/6 + 1)/2 = 11/12 = 91.7 %, C4 2/6; all (5/6 + 1 + 2/6)/3 = 13/18 = 72.2 %
@Suite("Ratings: lowest question, criterion bands, points and overall bands, tags")
struct RatingTests {
    static func result(criterion method: CriterionMethod = .lowestQuestion, by: [String] = []) throws -> ScoreResult {
        var set = try #require(CriteriaSetLoader.load(path: CaseFixtures.path("rules/ratings.yaml")).set)
        set.scoring.criterionMethod = method
        var diagnostics: [Diagnostic] = []
        let result = try CaseFixtures.score(set, ["cases/ratings/cases.yaml"], by: by, diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        return result
    }

    @Test("each criterion is its lowest question, banded; the overall rating sums the points")
    func lowestQuestion() throws {
        let card = try Self.result().scorecard
        #expect(card.cases == 6)
        let expected: [(id: String, score: Double, lowest: String, band: String)] = [
            ("C1", 8.0 / 13, "c1.factor", "Requires improvement"), ("C2", 4.0 / 6, "c2.review", "Good"),
            ("C3", 5.0 / 6, "c3.risk", "Outstanding"), ("C4", 2.0 / 6, "c4.victims", "Inadequate"),
        ]
        for row in expected {
            let criterion = try #require(card.criterion(row.id))
            #expect(close(criterion.score, row.score), "\(row.id)")
            #expect(criterion.lowest.map { card.set.questions[$0].id } == row.lowest, "\(row.id)")
            #expect(criterion.band == row.band, "\(row.id)")
        }
        #expect(card.criterion("C1")?.items == 3)  // three scored questions; the prompt is descriptive
        let overall = try #require(card.overall)
        #expect(overall.points == 6 && overall.maximum == 12 && overall.rated == 4 && overall.unrated == 0)
        #expect(overall.band == "Requires improvement")
        #expect(close(card.outcome("supervision")?.score, 269.0 / 390))
        #expect(card.outcome("supervision")?.band == "Good")
        #expect(close(card.outcome("safety")?.score, 13.0 / 18))
    }

    @Test("64.957… % is shown as 65.0 % and banded Good, which lifts the overall rating to Good")
    func roundingEdge() throws {
        let card = try Self.result(criterion: .meanOfQuestions).scorecard
        let first = try #require(card.criterion("C1"))
        #expect(close(first.score, 76.0 / 117))
        #expect(try #require(first.score) < 0.65)
        #expect(Percent.text(first.score) == "65.0%")
        #expect(first.band == "Good")
        #expect(first.lowest == nil)
        #expect(card.criterion("C2")?.band == "Good" && card.criterion("C3")?.band == "Outstanding")
        #expect(card.overall?.points == 7)
        #expect(card.overall?.band == "Good")
    }

    @Test("tags: per criterion and over all, with their bases")
    func tags() throws {
        let card = try Self.result().scorecard
        #expect(card.tagCriteria.map { card.set.criteria[$0].id } == ["C1", "C2", "C3", "C4"])
        func row(_ name: String) throws -> TagScore { try #require(card.tags.first { card.set.tags[$0.tag].name == name }) }
        let criterion = { (id: String) in try #require(card.set.criteria.firstIndex { $0.id == id }) }
        let engagement = try row("engagement")
        #expect(close(engagement.all.score, 2.0 / 3) && engagement.all.cases == 6)
        let c1 = try #require(engagement.criteria[try criterion("C1")])
        #expect(close(c1.score, 2.0 / 3) && c1.cases == 3 && c1.smallBase)
        #expect(close(engagement.criteria[try criterion("C2")]?.score, 4.0 / 6))
        #expect(engagement.criteria[try criterion("C3")] == nil)
        #expect(close(try row("desistance").all.score, 113.0 / 156))
        #expect(Percent.text(try row("desistance").all.score) == "72.4%")
        let safe = try row("keeping_safe")
        #expect(close(safe.criteria[try criterion("C3")]?.score, 11.0 / 12))
        #expect(close(safe.criteria[try criterion("C4")]?.score, 2.0 / 6))
        #expect(close(safe.all.score, 13.0 / 18) && safe.all.cases == 6)
    }

    /// By RoSH. High: c1.factor 4/6, c1.engage 1/1, c1.plan 2/3 → C1 = 66.7 % (the
    /// first of the tied lowest, c1.factor) Good; C2 min(2/3, 3/3) Good; C3 min(3/3, 3/3) = 100 %
    /// Outstanding; C4 1/3 Inadequate: 2 + 2 + 3 + 0 = 7, Good.
    /// Low: c1.factor 4/7, c1.engage 1/2, c1.plan n/a → C1 = 50.0 % Requires
    /// improvement; C2 min(2/3, 2/3) Good; C3 min(2/3, 1) Good; C4 1/3 Inadequate: 1 + 2 + 2 + 0 = 5.
    @Test("a breakdown rates each group on its own")
    func breakdown() throws {
        let result = try Self.result(by: ["rosh"])
        let groups = try #require(result.breakdowns.first).groups
        #expect(groups.count == 2)
        let low = groups[0].scorecard
        let high = groups[1].scorecard
        #expect(close(high.criterion("C1")?.score, 2.0 / 3))
        #expect(high.criterion("C1")?.lowest.map { high.set.questions[$0].id } == "c1.factor")
        #expect(high.overall?.points == 7 && high.overall?.band == "Good")
        #expect(close(low.criterion("C1")?.score, 0.5) && low.criterion("C1")?.band == "Requires improvement")
        #expect(low.criterion("C3")?.band == "Good")
        #expect(low.overall?.points == 5 && low.overall?.band == "Requires improvement")
    }

    @Test("a rated criterion without a score leaves the overall rating open")
    func unrated() throws {
        // C4's one question made never to apply: C4 has no score, so no band and no points; the
        // other three still give 1 + 2 + 3 = 6 points, but no overall band is given.
        var set = try #require(CriteriaSetLoader.load(path: CaseFixtures.path("rules/ratings.yaml")).set)
        let c4 = try #require(set.criteria.firstIndex { $0.id == "C4" })
        let victims = try #require(set.question(id: "c4.victims"))
        set.questions[victims].applies = CompiledCondition(source: "false", facts: [], questions: []) { _ in .false }
        var diagnostics: [Diagnostic] = []
        let card = try CaseFixtures.score(set, ["cases/ratings/cases.yaml"], diagnostics: &diagnostics).scorecard
        #expect(card.criteria[c4].score == nil && card.criteria[c4].band == nil)
        let overall = try #require(card.overall)
        #expect(overall.points == 6 && overall.rated == 3 && overall.unrated == 1)
        #expect(overall.band == nil)
    }
}
