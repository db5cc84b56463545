import YAMLKit

/// A named, reusable condition.
public struct Predicate: Sendable {
    public var name: String
    public var expression: String
    public var label: String?
    public var description: String?
    public var condition: CompiledCondition
}

/// A group of criteria whose questions are scored together (e.g. "Protecting the public").
public struct Outcome: Sendable {
    public var id: String
    public var title: String
    /// Inherited by the outcome's questions, when present.
    public var applies: CompiledCondition?
    public var location: SourceLocation?
}

/// A criterion (e.g. 4.1) in one outcome.
public struct Criterion: Sendable {
    public var id: String
    /// Index into ``CriteriaSet/outcomes``.
    public var outcome: Int
    public var title: String
    public var applies: CompiledCondition?
    public var location: SourceLocation?
}

/// One question of the case assessment.
public struct Question: Sendable {
    public var id: String
    /// Index into ``CriteriaSet/criteria``.
    public var criterion: Int
    public var text: String
    /// Index into ``CriteriaSet/scales``.
    public var scale: Int
    /// The question's own `applies`, as written (nil: always).
    public var ownApplies: CompiledCondition?
    /// The outcome's, the criterion's and the question's own conditions, and-ed: when the question applies.
    public var applies: CompiledCondition
    /// Further outcomes (indexes) the question counts toward.
    public var alsoScores: [Int]
    /// False for descriptive items: answers are recorded and reported, never scored.
    public var scored: Bool
    /// For a per-element question: the index of the set fact it runs over.
    public var forEach: Int?
    public var compute: CompiledComputation?
    public var gap: String?
    public var guidance: String?
    /// A short label for charts.
    public var label: String?
    /// Indexes into ``CriteriaSet/tags``.
    public var tags: [Int] = []
    public var location: SourceLocation?
}

/// A case-data consistency rule.
public struct Check: Sendable {
    public var id: String
    public var when: CompiledCondition?
    public var assertion: CompiledCondition
    public var message: String
    public var severity: Severity
    public var location: SourceLocation?
}

/// How question scores aggregate into outcome scores.
public enum ScoringMethod: String, Sendable, CaseIterable {
    /// The mean of the outcome's question scores (IAOW).
    case meanOfQuestions = "mean_of_questions"
    /// The mean of the outcome's criterion scores.
    case meanOfCriteria = "mean_of_criteria"
    /// All sufficient answers ÷ all answered, over the outcome's questions.
    case pooled
}

/// How a criterion's score is made from its questions' scores.
public enum CriterionMethod: String, Sendable, CaseIterable {
    /// The mean of its question scores (IAOW).
    case meanOfQuestions = "mean_of_questions"
    /// Its lowest question score: a standard rated by its lowest key question (HMIP 2018).
    case lowestQuestion = "lowest_question"
}

/// A level of the score tables that rating bands can apply to.
public enum RatedLevel: String, Sendable, CaseIterable {
    case outcomes, criteria
}

/// A rating band: scores at or above `minimum` (percent, or points for an overall rating) get `label`.
public struct Band: Sendable, Hashable {
    public var label: String
    public var minimum: Double
}

/// The overall rating: each rated criterion's or outcome's band scores points; the sum is banded.
public struct OverallRating: Sendable {
    /// The level whose bands score points.
    public var rates: RatedLevel
    /// Points per percentage band, in the order of ``ScoringPolicy/bands``.
    public var points: [Int]
    /// Bands over the sum of points, highest first.
    public var bands: [Band]
}

public struct ScoringPolicy: Sendable {
    public var method: ScoringMethod
    public var criterionMethod: CriterionMethod = .meanOfQuestions
    /// Smallest base (n) reported without a small-base flag.
    public var minBase: Int
    /// Highest first.
    public var bands: [Band]
    /// The levels that take a band (outcomes only, unless the set says otherwise).
    public var banded: Set<RatedLevel> = [.outcomes]
    public var overall: OverallRating?

    public init(method: ScoringMethod, minBase: Int, bands: [Band]) {
        self.method = method
        self.minBase = minBase
        self.bands = bands
    }

    /// True when the set has bands and `level` takes them.
    public func bands(_ level: RatedLevel) -> Bool { !bands.isEmpty && banded.contains(level) }
}

/// A lens across criteria (e.g. engagement, desistance, keeping other people safe): questions
/// carrying it are also scored together, per criterion and over the set.
public struct Tag: Sendable {
    public var name: String
    public var label: String
    public var description: String?
}

/// A loaded, type-checked and compiled criteria set.
public struct CriteriaSet: Sendable {
    public var id: String
    public var title: String
    public var version: String
    public var source: String?
    public var effective: Day?
    public var holidays: [Day]
    public var facts: [Fact]
    public var predicates: [Predicate]
    public var scales: [Scale]
    public var outcomes: [Outcome]
    public var criteria: [Criterion]
    public var questions: [Question]
    public var checks: [Check]
    public var scoring: ScoringPolicy
    /// Lenses questions may carry, in declared order.
    public var tags: [Tag] = []
    /// SHA-256 of the set's normalised content (hex), stamped on every report; worked out when
    /// first read.
    public var contentHash: String { hash.value }
    let hash: ContentHash
    /// For a derived set (`extends`): what it changed in its base.
    public var derivation: Derivation?
    /// Ids renamed or removed through the chain of bases, which case files may still use.
    public var retired: RetiredIDs
    /// The items as written, key by key (for `rules diff`).
    public var definitions: RuleDefinitions

    /// Fact index by name.
    public func fact(named name: String) -> Int? { facts.firstIndex { $0.name == name } }

    /// Question index by id.
    public func question(id: String) -> Int? { questions.firstIndex { $0.id == id } }

    /// The three conditions and-ed into whether a question applies, as written: its outcome's
    /// ("outcome public"), its criterion's ("criterion 4.2") and its own ("question"); nil where
    /// there is none (always).
    public func conditions(ofQuestion index: Int) -> [(level: String, condition: CompiledCondition?)] {
        let question = questions[index]
        let criterion = criteria[question.criterion]
        let outcome = outcomes[criterion.outcome]
        return [("outcome \(outcome.id)", outcome.applies), ("criterion \(criterion.id)", criterion.applies),
                ("question", question.ownApplies)]
    }
}
