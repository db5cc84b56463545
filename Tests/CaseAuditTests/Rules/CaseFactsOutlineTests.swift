import Foundation
import Testing
@testable import CaseAudit

/// The case schema as `rules show --facts` and `rules doc` print it: every fact, its type, its values
/// and what reads it.
@Suite("Case facts outline")
struct CaseFactsOutlineTests {
    @Test("rules show --facts on mini: each fact with its type, values and readers, worked out from mini.yaml")
    func text() throws {
        // mini.yaml: rosh is read through rosh_medium_plus by rmp.sufficient (its own applies) and
        // rmp.actions_delivered (criterion 4.2's applies); factors only by interv.factor_delivered's
        // for_each; the dates by plan.timely's compute and the two date checks; age only by adult-age;
        // case_type, offender_manager and gender by nothing.
        let expected = """
            Case facts of A minimal criteria set (mini 1.0): 9 facts

            case_type  enum
              Type of case
              values: community_order, suspended_sentence_order, licence
              read by no question or check: for breakdowns (--by FACT)

            rosh  ordinal
              RoSH classification
              values, low to high: low, medium, high, very_high
              read by 2 questions: rmp.sufficient, rmp.actions_delivered

            child_protection_concerns  bool
              Child Protection concerns
              read by 2 questions: cp.attention, cp.known_to_childrens_services

            factors  set
              Offending-related factors
              values: alcohol, thinking_behaviour, accommodation
              The factors the assessor identified; an empty list when there are none.
              read by 1 question: interv.factor_delivered

            sentence_date  date
              Date of sentence
              read by 1 question: plan.timely; 2 checks: plan-after-sentence, plan-within-a-year

            plan_date  date
              Date the initial sentence plan was completed
              read by 1 question: plan.timely; 2 checks: plan-after-sentence, plan-within-a-year

            offender_manager  string
              Offender manager
              read by no question or check: for breakdowns (--by FACT)

            gender  enum
              Gender
              values: female, male
              read by no question or check: for breakdowns (--by FACT)

            age  int
              Age at sentence
              read by 1 check: adult-age

            """
        let run = try Executable.run(["rules", "show", "--facts", "--rules", try CaseFixtures.path("rules/mini.yaml")])
        #expect(run.status == 0)
        #expect(run.output == expected)
    }

    @Test("rules doc ends with a Case facts table; long reader lists wrap within 100 columns")
    func document() throws {
        let set = try CaseFixtures.miniSet()
        let document = CriteriaDocument.markdown(set)
        #expect(document.contains("""
            ## Case facts

            What a case file records (`facts:`), and what reads each fact.

            | Fact | Type and values | Meaning | Read by |
            |---|---|---|---|
            | `case_type` | enum: community_order, suspended_sentence_order, licence | Type of case | read by no question or check: for breakdowns (--by FACT) |
            | `rosh` | ordinal: low, medium, high, very_high | RoSH classification | read by 2 questions: `rmp.sufficient`, `rmp.actions_delivered` |
            """))
        #expect(document.contains("| `factors` | set: alcohol, thinking_behaviour, accommodation | Offending-related factors. The factors the assessor identified; an empty list when there are none. | read by 1 question: `interv.factor_delivered` |"))
        let iaow = try #require(DefaultCriteriaSet.load().set)
        let outline = CaseFactsOutline.text(iaow)
        #expect(outline.split(separator: "\n").allSatisfy { $0.count <= 100 })
        // licence_conditions: the four restrict.* questions that ask about licence conditions, and its check.
        #expect(outline.contains("""
            licence_conditions  set
              Additional licence conditions
              values: reside_approved_premises, residence, exclusion_zone, non_contact, curfew,
                electronic_monitoring, prohibited_activity, programme, drug_testing
              Record for licence cases ([] when only the standard conditions apply); not needed for orders.
              read by 4 questions: restrict.appropriate, restrict.proportionate,
                restrict.minimise_victim_harm, restrict.monitored; 1 check: licence-conditions-for-licence
            """))
    }
}
