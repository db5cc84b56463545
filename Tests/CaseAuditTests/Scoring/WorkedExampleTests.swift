import Foundation
import Testing
@testable import CaseAudit

/// Five cases (Fixtures/cases/worked/cases.yaml, and the same as cases.csv) scored against the mini
/// set (Fixtures/rules/mini.yaml), every figure worked out by hand below.
///
/// The cases, and each question's result (s sufficient, i insufficient, n/a, un unanswered,
/// ud undetermined, inv invalid, d descriptive):
///
/// | question (criterion)          | W-1 high, cp, [alc, tb] | W-2 medium, no cp, [alc] | W-3 low, cp, [] | W-4 medium, cp ?, [acc] | W-5 rosh ?, no cp, [tb] |
/// |-------------------------------|-------------------------|--------------------------|-----------------|-------------------------|-------------------------|
/// | rosh.screening_sufficient 4.1 | yes s                   | no i                     | yes s           | yes s                   | maybe inv               |
/// | rmp.sufficient 4.1 (rosh≥med) | yes s                   | not_sufficient i         | n/a (low)       | not_completed i         | ud (rosh missing)       |
/// | plan.timely 4.1 (computed)    | 10 working days: yes s  | 15 (6 May holiday): yes s| 20: no i        | no plan_date: un        | 4: yes s                |
/// | interv.factor_delivered 4.1   | alc yes s, tb no i      | alc yes s                | no instances    | acc: un                 | tb yes s                |
/// | rmp.actions_delivered 4.2     | fully s                 | not_recorded i           | n/a (low)       | n/a (rmp not_completed) | ud (rosh missing)       |
/// | cp.attention 5.1, also public | yes s                   | n/a                      | no i            | ud (cp missing)         | n/a                     |
/// | cp.known… 5.1, descriptive    | no d                    | n/a                      | yes d           | ud                      | n/a                     |
///
/// Question scores = s ÷ (s + i); unanswered, undetermined and invalid never enter the base:
/// - rosh.screening_sufficient 3/4 = 75 %        (invalid 1)
/// - rmp.sufficient 1/3 = 33.3 %                 (n/a 1, undetermined 1)
/// - plan.timely 3/4 = 75 %                      (unanswered 1)
/// - interv.factor_delivered 3/4 = 75 %          (instances; unanswered 1)
/// - rmp.actions_delivered 1/2 = 50 %            (n/a 2, undetermined 1)
/// - cp.attention 1/2 = 50 %                     (n/a 2, undetermined 1)
/// Criterion scores = mean of their questions' scores (descriptive items excluded):
/// - 4.1 = (0.75 + 1/3 + 0.75 + 0.75) / 4 = 0.6458333…
/// - 4.2 = 0.5;  5.1 = 0.5
/// Outcome scores:
/// - mean_of_questions: public = (0.75 + 1/3 + 0.75 + 0.75 + 0.5 + 0.5) / 6 = 3.5833…/6 = 0.5972222…
///   (cp.attention enters through also_scores); victims = 0.5
/// - mean_of_criteria: public = (4.1 + 4.2 + cp.attention) / 3 = (0.6458333 + 0.5 + 0.5) / 3 = 0.5486111…;
///   victims = 5.1 = 0.5
/// - pooled: public = (3+1+3+3+1+1) / (4+3+4+4+2+2) = 12/19 = 0.6315789…; victims = 1/2
/// Bases (cases with a sufficient or insufficient answer): public 5, victims 2 (W-1, W-3);
/// criteria 4.1 5, 4.2 2, 5.1 2. min_base is 5, so every question (bases 2–4), 4.2, 5.1 and victims
/// are flagged. Bands: 59.7 → Requires improvement (≥ 50); 50 → Requires improvement.
@Suite("A hand-worked sample")
struct WorkedExampleTests {
    @Test("question scores and every count outside the base")
    func questions() throws {
        var diagnostics: [Diagnostic] = []
        let card = try CaseFixtures.score(CaseFixtures.miniSet(), ["cases/worked/cases.yaml"], diagnostics: &diagnostics).scorecard
        #expect(card.cases == 5)
        let expected: [(String, Int, Int)] = [
            ("rosh.screening_sufficient", 3, 1), ("rmp.sufficient", 1, 2), ("plan.timely", 3, 1),
            ("interv.factor_delivered", 3, 1), ("rmp.actions_delivered", 1, 1), ("cp.attention", 1, 1),
        ]
        for (id, sufficient, insufficient) in expected {
            let figure = try #require(card.question(id))
            #expect(figure.sufficient == sufficient, "\(id)")
            #expect(figure.insufficient == insufficient, "\(id)")
            #expect(close(figure.score, Double(sufficient) / Double(sufficient + insufficient)), "\(id)")
            #expect(figure.smallBase, "\(id): base \(figure.base) is below 5")
        }
        let tally = card.tally
        func count(_ kind: ResultKind, _ id: String) throws -> Int { tally.count(kind, question: try #require(card.set.question(id: id))) }
        #expect(try count(.invalid, "rosh.screening_sufficient") == 1)
        #expect(try count(.notApplicable, "rmp.sufficient") == 1)
        #expect(try count(.undetermined, "rmp.sufficient") == 1)
        #expect(try count(.unanswered, "plan.timely") == 1)
        #expect(try count(.unanswered, "interv.factor_delivered") == 1)
        #expect(try count(.notApplicable, "rmp.actions_delivered") == 2)
        #expect(try count(.undetermined, "rmp.actions_delivered") == 1)
        #expect(try count(.undetermined, "cp.attention") == 1)
        // The descriptive item: a distribution (yes 1, no 1), never a score.
        let known = try #require(card.set.question(id: "cp.known_to_childrens_services"))
        #expect(card.questions[known].score == nil)
        #expect(tally.count(.descriptive, question: known) == 2)
        #expect(tally.options[known] == [1, 1])
        // The one invalid answer is reported where it is written.
        #expect(diagnostics.map(\.code) == ["case.answer-not-in-scale"])
        #expect(diagnostics.first?.location?.line == 80)
        #expect(diagnostics.first?.location?.column == 30)
    }

    @Test("criterion and outcome scores under each method", arguments: [
        // method, public, victims
        (ScoringMethod.meanOfQuestions, (0.75 + 1.0 / 3 + 0.75 + 0.75 + 0.5 + 0.5) / 6, 0.5),
        (.meanOfCriteria, ((0.75 + 1.0 / 3 + 0.75 + 0.75) / 4 + 0.5 + 0.5) / 3, 0.5),
        (.pooled, 12.0 / 19, 0.5),
    ])
    func outcomes(method: ScoringMethod, public expectedPublic: Double, victims expectedVictims: Double) throws {
        var diagnostics: [Diagnostic] = []
        let card = try CaseFixtures.score(CaseFixtures.miniSet(method: method), ["cases/worked/cases.yaml"], diagnostics: &diagnostics).scorecard
        // Criterion scores are the mean of their questions' scores whatever the method.
        #expect(close(card.criterion("4.1")?.score, (0.75 + 1.0 / 3 + 0.75 + 0.75) / 4))
        #expect(close(card.criterion("4.2")?.score, 0.5))
        #expect(close(card.criterion("5.1")?.score, 0.5))
        #expect(card.criterion("4.1")?.cases == 5)
        #expect(card.criterion("4.2")?.cases == 2)
        #expect(card.criterion("5.1")?.cases == 2)
        let publicScore = try #require(card.outcome("public"))
        let victims = try #require(card.outcome("victims"))
        #expect(close(publicScore.score, expectedPublic))
        #expect(close(victims.score, expectedVictims))
        #expect(publicScore.cases == 5 && !publicScore.smallBase)
        #expect(victims.cases == 2 && victims.smallBase)
        #expect(publicScore.answers == 19 && publicScore.sufficient == 12)
        // 59.7, 54.9 and 63.2 all fall in "Requires improvement" (50 to 65); 50 does too.
        #expect(publicScore.band == "Requires improvement")
        #expect(victims.band == "Requires improvement")
        // "Questions" counts questions under every method: public has 4.1's four, 4.2's one and
        // cp.attention (also_scores); victims cp.attention. Under mean_of_criteria public's mean is
        // of 2 criterion scores (4.1, 4.2) and 1 question score (cp.attention), not of 3 criteria.
        #expect(publicScore.items == 6 && victims.items == 1)
        #expect(publicScore.meanOf.map { [$0.criteria, $0.questions] } == (method == .meanOfCriteria ? [2, 1] : nil))
        #expect(victims.meanOf.map { [$0.criteria, $0.questions] } == (method == .meanOfCriteria ? [1, 0] : nil))
    }

    @Test("mean_of_criteria in words: criterion scores and also_scores questions apart; Questions counts questions")
    func meanOfCriteriaWords() throws {
        let mini = try CaseFixtures.path("rules/mini.yaml")
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = try String(contentsOfFile: mini, encoding: .utf8).replacingOccurrences(of: "outcome: mean_of_questions", with: "outcome: mean_of_criteria")
        let set = directory.appendingPathComponent("mini.yaml").path
        try text.write(toFile: set, atomically: true, encoding: .utf8)
        let paths = ["--rules", set, try CaseFixtures.path("cases/worked/cases.yaml")]
        let report = try Executable.run(["report", "--format", "markdown"] + paths)
        #expect(report.output.contains("The mean of 2 criterion scores and 1 question score from other outcomes' criteria; a base of 5 cases."))
        #expect(report.output.contains("The mean of 1 criterion score; a base of 2 cases."))
        let score = try Executable.run(["score", "--level", "outcome"] + paths)
        // Outcome  Score  Base  Answers  Questions: 19 answers over 6 questions.
        #expect(score.output.contains(/Protecting the public +54\.9% +5 +19 +6/))
    }

    /// By gender: female W-1, W-4; male W-2, W-3; not recorded W-5.
    /// - female: screening 2/2, rmp 1/2, timely 1/1 (W-4 unanswered), factors 1/2 (alc s, tb i; acc un),
    ///   actions 1/1, cp 1/1 (W-4 ud) → 4.1 = (1 + .5 + 1 + .5)/4 = .75; public = (1+.5+1+.5+1+1)/6 = 5/6
    /// - male: screening 1/2, rmp 0/1, timely 1/2, factors 1/1, actions 0/1, cp 0/1 → 4.1 = (.5+0+.5+1)/4 = .5;
    ///   public = 2/6; victims = 0 (a score of 0 %, not "–")
    /// - not recorded: screening invalid → "–", rmp ud → "–", timely 1/1, factors 1/1, actions ud → "–",
    ///   cp n/a → "–". The "–" questions are left out of the means: 4.1 = (1 + 1)/2 = 1; 4.2 "–";
    ///   public = 1; victims "–" with base 0.
    @Test("a breakdown by gender, with questions that have no score left out of the means")
    func breakdown() throws {
        var diagnostics: [Diagnostic] = []
        let result = try CaseFixtures.score(CaseFixtures.miniSet(), ["cases/worked/cases.yaml"], by: ["gender"], diagnostics: &diagnostics)
        let groups = try #require(result.breakdowns.first).groups
        let gender = try #require(result.set.fact(named: "gender"))
        #expect(groups.map { $0.key.label(result.set.facts[gender]) } == ["female", "male", "(not recorded)"])
        let (female, male, unknown) = (groups[0].scorecard, groups[1].scorecard, groups[2].scorecard)
        #expect(female.cases == 2 && male.cases == 2 && unknown.cases == 1)

        #expect(close(female.criterion("4.1")?.score, 0.75))
        #expect(close(female.outcome("public")?.score, 5.0 / 6))
        #expect(close(female.outcome("victims")?.score, 1))
        #expect(female.question("plan.timely")?.base == 1)

        #expect(close(male.criterion("4.1")?.score, 0.5))
        #expect(close(male.outcome("public")?.score, 2.0 / 6))
        #expect(male.outcome("victims")?.score == 0)
        #expect(male.question("rmp.sufficient")?.score == 0)

        for id in ["rosh.screening_sufficient", "rmp.sufficient", "rmp.actions_delivered", "cp.attention"] {
            #expect(unknown.question(id)?.score == nil, "\(id) has no answered applicable case")
            #expect(unknown.question(id)?.base == 0)
        }
        #expect(close(unknown.criterion("4.1")?.score, 1))
        #expect(unknown.criterion("4.1")?.items == 2)
        #expect(unknown.criterion("4.2")?.score == nil)
        #expect(close(unknown.outcome("public")?.score, 1))
        #expect(unknown.outcome("victims")?.score == nil)
        #expect(unknown.outcome("victims")?.cases == 0)
        #expect(unknown.outcome("victims")?.band == nil)
    }

    /// Factors: alcohol in W-1, W-2 (both yes) → 2 cases, 2/2; thinking_behaviour in W-1 (no), W-5 (yes)
    /// → 2 cases, 1/2; accommodation in W-4, unanswered → 1 case, base 0, "–".
    @Test("the per-factor table")
    func factorTable() throws {
        var diagnostics: [Diagnostic] = []
        let card = try CaseFixtures.score(CaseFixtures.miniSet(), ["cases/worked/cases.yaml"], diagnostics: &diagnostics).scorecard
        let table = try #require(card.elementTables.first)
        #expect(card.set.facts[table.fact].name == "factors")
        #expect(table.questions.map { card.set.questions[$0].id } == ["interv.factor_delivered"])
        let rows = table.rows.map { ($0.cases, $0.figures[0].sufficient, $0.figures[0].base) }
        #expect(rows.map(\.0) == [2, 2, 1])
        #expect(rows.map(\.1) == [2, 1, 0])
        #expect(rows.map(\.2) == [2, 2, 0])
        #expect(table.rows[2].figures[0].score == nil)
    }

    /// W-1: 1 gap; W-2: 3; W-3: 2; W-4: 4; W-5: 3 (the descriptive item's undetermined W-4 is no gap).
    @Test("per-case gaps with their kinds")
    func gaps() throws {
        let set = try CaseFixtures.miniSet()
        let stream = try CaseFixtures.stream(set, ["cases/worked/cases.yaml"])
        let evaluator = Evaluator(set)
        var found: [String: [String]] = [:]
        stream.forEach(report: { _ in }) { record, _ in
            found[record.id] = evaluator.evaluate(record).gaps(set).map { gap in
                "\(set.instanceID(gap.question, element: gap.element)) \(gap.result.rawValue) \(GapWords.kind(gap))"
            }
            return []
        }
        #expect(found["W-1"] == ["interv.factor_delivered[thinking_behaviour] insufficient practice"])
        #expect(found["W-2"] == ["rosh.screening_sufficient insufficient practice", "rmp.sufficient insufficient practice",
                                 "rmp.actions_delivered insufficient recording"])
        #expect(found["W-3"] == ["plan.timely insufficient practice", "cp.attention insufficient practice"])
        #expect(found["W-4"] == ["rmp.sufficient insufficient practice", "plan.timely unanswered audit record",
                                 "interv.factor_delivered[accommodation] unanswered audit record",
                                 "cp.attention undetermined audit record"])
        #expect(found["W-5"] == ["rosh.screening_sufficient invalid audit record", "rmp.sufficient undetermined audit record",
                                 "rmp.actions_delivered undetermined audit record"])
    }

    @Test("the YAML and CSV forms of the cases give identical JSON")
    func yamlAndCSVAgree() throws {
        let set = try CaseFixtures.miniSet()
        var diagnostics: [Diagnostic] = []
        let yaml = try CaseFixtures.score(set, ["cases/worked/cases.yaml"], by: ["gender", "offender_manager"], diagnostics: &diagnostics)
        let csv = try CaseFixtures.score(set, ["cases/worked/cases.csv"], by: ["gender", "offender_manager"], diagnostics: &diagnostics)
        #expect(diagnostics.map(\.code) == ["case.answer-not-in-scale"])
        #expect(diagnostics.first?.location?.line == 7)
        let yamlJSON = ScoreJSON.render(yaml)
        #expect(yamlJSON == ScoreJSON.render(csv))
        #expect(yamlJSON.contains("\"score\": 59.7"))
        #expect(ScoreJSON.render(yaml) == yamlJSON, "the same input gives the same bytes")
    }
}
