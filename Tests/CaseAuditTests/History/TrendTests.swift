import Testing
@testable import CaseAudit

/// The statistics of `history trend`, against numbers worked out by hand (docs/history.md).
@Suite("Trends: Wilson intervals and verdicts")
struct TrendTests {
    static func stamp(_ label: String, hash: String = "h1") -> RoundStamp {
        RoundStamp(label: label, date: nil, setID: "s", setVersion: "1", setHash: hash)
    }

    static func close(_ value: Double?, _ expected: Double, _ tolerance: Double = 1e-5) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < tolerance
    }

    @Test("Wilson 95% interval, worked by hand")
    func wilson() throws {
        // 30 of 40: p = .75, z = 1.959964, z² = 3.841459.
        // centre = .75 + 3.841459/80 = .798018; spread = 1.959964·√(.75·.25/40 + 3.841459/6400)
        // = 1.959964·√(.0046875 + .00060023) = 1.959964 × .0727168 = .142522; scale = 1 + 3.841459/40 = 1.096036.
        // low = (.798018 − .142522)/1.096036 = .598061; high = (.798018 + .142522)/1.096036 = .858129.
        let interval = try #require(Proportion(value: 0.75, n: 40).wilson95)
        #expect(Self.close(interval.low, 0.598061))
        #expect(Self.close(interval.high, 0.858129))
        // 0 of 10: low is 0; high = (0 + .192073 + .192073·... ) → 2·.192073/1.384146 = .277533.
        let none = try #require(Proportion(value: 0, n: 10).wilson95)
        #expect(none.low == 0)
        #expect(Self.close(none.high, 0.277533))
        // 5 of 5: high is 1; low = (1 + .384146 − .384146)/1.768292 = .565518.
        let all = try #require(Proportion(value: 1, n: 5).wilson95)
        #expect(Self.close(all.low, 0.565518))
        #expect(all.high == 1)
        #expect(Proportion(value: 0, n: 0).wilson95 == nil)
    }

    @Test("two-proportion z: 30/40 then 20/40 is a clear decline; 30/40 then 26/40 is not")
    func zTest() throws {
        // p̄ = 50/80 = .625; SE = √(.625 × .375 × (1/40 + 1/40)) = √.01171875 = .108253; z = −.25/.108253 = −2.309401.
        #expect(Self.close(Proportion.zStatistic(.init(value: 0.75, n: 40), .init(value: 0.5, n: 40)), -2.309401))
        // p̄ = 56/80 = .7; SE = √(.7 × .3 × .05) = .102470; z = −.1/.102470 = −.975900.
        #expect(Self.close(Proportion.zStatistic(.init(value: 0.75, n: 40), .init(value: 0.65, n: 40)), -0.975900))
        #expect(Proportion.zStatistic(.init(value: 1, n: 10), .init(value: 1, n: 12)) == 0)
        #expect(Proportion.zStatistic(.init(value: 0.5, n: 0), .init(value: 0.5, n: 12)) == nil)
    }

    @Test("verdicts over three rounds of a question")
    func questionVerdicts() throws {
        let members = ["q": "definition"]
        let rounds = [
            Trend.Round(stamp: Self.stamp("r1"), figure: TrendFigure(score: 0.75, sufficient: 30, answers: 40, cases: 40, smallBase: false), members: members),
            Trend.Round(stamp: Self.stamp("r2"), figure: TrendFigure(score: 0.5, sufficient: 20, answers: 40, cases: 40, smallBase: false), members: members),
            Trend.Round(stamp: Self.stamp("r3"), figure: TrendFigure(score: 0.65, sufficient: 26, answers: 40, cases: 40, smallBase: false), members: members),
        ]
        let trend = Trend(.question("q"), title: "Q", rounds: rounds)
        #expect(trend.points.map(\.verdict) == [nil, .declined, .noClearChange])
        #expect(Self.close(trend.points[1].change, -0.25))
        #expect(Self.close(trend.points[2].change, 0.15))
        // 20 → 26 of 40: p̄ = 46/80 = .575, SE = √(.575 × .425 × .05) = .110538, z = .15/.110538 = 1.356999.
        #expect(Self.close(trend.points[2].z, 1.356999))
        #expect(trend.points.allSatisfy { $0.comparable })
    }

    @Test("an outcome's interval is on the pooled proportion with n = its base of cases")
    func outcomeProportion() throws {
        // Round 1: mean of question scores 80%; 90 of 120 answers sufficient over 40 cases → p = .75, n = 40.
        // Round 2: 60 of 100 over 38 cases → p = .6, n = 38. p̄ = (30 + 22.8)/78 = .676923;
        // SE = √(.676923 × .323077 × (1/40 + 1/38)) = √(.218698 × .051316) = .105938; z = −.15/.105938 = −1.415934:
        // no clear change (with n = answers it would be −2.378: answers within a case are not independent).
        let rounds = [
            Trend.Round(stamp: Self.stamp("r1"), figure: TrendFigure(score: 0.8, sufficient: 90, answers: 120, cases: 40, smallBase: false), members: ["a": "1"]),
            Trend.Round(stamp: Self.stamp("r2"), figure: TrendFigure(score: 0.62, sufficient: 60, answers: 100, cases: 38, smallBase: false), members: ["a": "1"]),
        ]
        let trend = Trend(.outcome("o"), title: "O", rounds: rounds)
        #expect(trend.points[0].proportion == Proportion(value: 0.75, n: 40))
        #expect(Self.close(trend.points[0].interval?.low, 0.598061))
        #expect(Self.close(trend.points[1].z, -1.415934))
        #expect(trend.points[1].verdict == .noClearChange)
        #expect(Self.close(trend.points[1].change, -0.18))
    }

    @Test("a question defined differently in a later set is not compared; an outcome is compared and flagged")
    func changedSet() throws {
        let figure = TrendFigure(score: 0.5, sufficient: 10, answers: 20, cases: 20, smallBase: false)
        let question = Trend(.question("q"), title: "Q", rounds: [
            .init(stamp: Self.stamp("r1"), figure: figure, members: ["q": "applies a"]),
            .init(stamp: Self.stamp("r2", hash: "h2"), figure: figure, members: ["q": "applies b"]),
            .init(stamp: Self.stamp("r3", hash: "h2"), figure: figure, members: ["q": "applies b"]),
        ])
        #expect(question.points.map(\.comparable) == [true, false, true])
        #expect(question.points[1].verdict == nil && question.points[1].change == nil)
        #expect(question.points[2].verdict == .noClearChange)
        let outcome = Trend(.outcome("o"), title: "O", rounds: [
            .init(stamp: Self.stamp("r1"), figure: figure, members: ["q": "applies a", "gone": "x", "same": "y"]),
            .init(stamp: Self.stamp("r2", hash: "h2"), figure: figure, members: ["q": "applies b", "new": "z", "same": "y"]),
        ])
        #expect(outcome.points[1].setChanges == ["gone", "new", "q"])
        #expect(outcome.points[1].comparable)
        #expect(outcome.points[1].verdict == .noClearChange)
        #expect(TrendWords.notes(outcome).count == 1)
        // A rename declared by the later set carries the old id over.
        let renamed = Trend(.outcome("o"), title: "O", rounds: [
            .init(stamp: Self.stamp("r1"), figure: figure, members: ["old": "y"]),
            .init(stamp: Self.stamp("r2", hash: "h2"), figure: figure, members: ["new": "y"]),
        ], renames: ["old": "new"])
        #expect(renamed.points[1].setChanges.isEmpty)
    }
}
