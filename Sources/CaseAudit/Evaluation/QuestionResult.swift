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
///
/// Held in 32 bytes (a case has a result per question, written by evaluating and read by every
/// report): the indexes are stored in 32 bits, which every index of a set read from at most 4 GiB
/// of text fits, and the answer comes first, so the small fields fill its padding.
public struct QuestionResult: Sendable, Hashable {
    /// The answer used: given, or computed. Nil when there is none.
    public var answer: AnswerValue?
    private var storedQuestion: Int32
    /// The element's index; -1 for an instance that is not one of a `for_each` question's.
    private var storedElement: Int32
    public var kind: ResultKind
    /// True when the answer was computed from the facts.
    public var computed: Bool

    public init(question: Int, element: Int? = nil, kind: ResultKind, answer: AnswerValue? = nil, computed: Bool = false) {
        self.answer = answer
        storedQuestion = Int32(clamping: question)
        storedElement = Self.stored(element: element)
        self.kind = kind
        self.computed = computed
    }

    /// Index into the set's questions.
    public var question: Int {
        get { Int(storedQuestion) }
        set { storedQuestion = Int32(clamping: newValue) }
    }

    /// For a `for_each` instance: the element's index in the set fact's domain.
    public var element: Int? {
        get { storedElement < 0 ? nil : Int(storedElement) }
        set { storedElement = Self.stored(element: newValue) }
    }

    private static func stored(element: Int?) -> Int32 { element.map { Int32(clamping: max(0, $0)) } ?? -1 }
}
