/// The closed set of results of one question instance in one case (DESIGN §6).
public enum ResultKind: String, Sendable, Hashable, CaseIterable {
    /// Applies, answered with an option above the line.
    case sufficient
    /// Applies, answered with an option below the line: a gap.
    case insufficient
    /// The question's applicability is false for this case.
    case notApplicable = "not_applicable"
    /// Applies, but has no answer (or its computation lacks a fact): a gap.
    case unanswered
    /// Whether it applies cannot be decided: a fact it needs is missing. A gap.
    case undetermined
    /// Applies, and the answer is not an option of the scale. A gap.
    case invalid
    /// A descriptive (`scored: false`) question that applies, answered.
    case descriptive

    /// True for the results listed as gaps in a scored question.
    public var isGap: Bool {
        switch self {
        case .insufficient, .unanswered, .undetermined, .invalid: return true
        case .sufficient, .notApplicable, .descriptive: return false
        }
    }

    /// Words for tables.
    public var words: String {
        switch self {
        case .notApplicable: return "not applicable"
        default: return rawValue
        }
    }
}

/// The result of one question instance (one per element for `for_each`) in one case.
public struct QuestionResult: Sendable, Hashable {
    /// Index into the set's questions.
    public var question: Int
    /// For a `for_each` instance: the element's index in the set fact's domain.
    public var element: Int?
    public var kind: ResultKind
    /// The answer used: given, or computed. Nil when there is none.
    public var answer: AnswerValue?
    /// True when the answer was computed from the facts.
    public var computed: Bool = false
}
