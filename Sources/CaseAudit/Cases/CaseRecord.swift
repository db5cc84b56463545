import YAMLKit

/// One answer as written in a case file: an option of the question's scale, or text that is not one.
public enum AnswerValue: Sendable, Hashable {
    /// The option's index in the question's scale.
    case option(Int)
    /// Text that is not an option of the scale: the result is `invalid`.
    case invalid(String)
}

/// What a case file records for one question.
public enum RecordedAnswer: Sendable, Hashable {
    case single(AnswerValue)
    /// A `for_each` question: answers keyed by element index of the set fact, in file order.
    case perElement([ElementAnswer])
}

/// One element's answer to a `for_each` question.
public struct ElementAnswer: Sendable, Hashable {
    /// Index in the domain of the question's set fact.
    public var element: Int
    public var value: AnswerValue
    public var position: SourcePosition

    public init(element: Int, value: AnswerValue, position: SourcePosition) {
        self.element = element
        self.value = value
        self.position = position
    }
}

/// Where a case's parts are written, for diagnostics and `explain`.
public struct CasePositions: Sendable {
    /// The case itself (its `case:` value, or its CSV row).
    public var record: SourcePosition
    /// Where the case's document or row begins: what reading it reports lies from here on.
    public var start: SourcePosition
    /// Each given fact's value, by fact index.
    public var facts = PositionTable()
    /// Each given answer's value (for `for_each`, the mapping), by question index.
    public var answers = PositionTable()
    /// Facts written with a value that was rejected (already reported), so they are missing for a
    /// reason other than not being recorded.
    public var rejectedFacts: Set<Int> = []

    public init(record: SourcePosition) {
        self.record = record
        self.start = record
    }

    /// Room for `facts` and `answers` positions, so recording them does not reallocate.
    init(record: SourcePosition, facts: Int, answers: Int) {
        self.record = record
        self.start = record
        self.facts = PositionTable(count: facts)
        self.answers = PositionTable(count: answers)
    }
}

/// Positions by index (of a fact or question): an array, since a case records most of them.
/// As a sequence: the index and position of each one recorded, in index order.
public struct PositionTable: Sendable, Sequence {
    private var slots: [SourcePosition?]
    /// How many positions are recorded: a table with none need not be looked in.
    private var recorded = 0

    public init() { slots = [] }

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// True when no position is recorded (as for the answers of a case with facts only).
    public var isEmpty: Bool { recorded == 0 }

    public subscript(index: Int) -> SourcePosition? {
        // An empty table (the answers of a case with facts only) answers without reading its slots.
        get { !isEmpty && slots.indices.contains(index) ? slots[index] : nil }
        // Inlined where a reader records a position per value; growing is the rare call.
        @inline(__always) set {
            guard slots.indices.contains(index) else { return grow(toSet: index, newValue) }
            recorded += (newValue == nil ? 0 : 1) - (slots[index] == nil ? 0 : 1)
            slots[index] = newValue
        }
    }

    private mutating func grow(toSet index: Int, _ position: SourcePosition?) {
        guard index >= 0, position != nil else { return }
        slots += Array(repeating: nil, count: index + 1 - slots.count)
        slots[index] = position
        recorded += 1
    }

    public func makeIterator() -> some IteratorProtocol<(Int, SourcePosition)> {
        slots.enumerated().lazy.compactMap { index, position in position.map { (index, $0) } }.makeIterator()
    }

    /// The positions recorded, transformed, by index.
    public func mapValues<T>(_ transform: (SourcePosition) -> T) -> [Int: T] {
        var mapped: [Int: T] = [:]
        for (index, position) in slots.enumerated() {
            if let position { mapped[index] = transform(position) }
        }
        return mapped
    }
}

/// One audited case, typed by the criteria set's schema.
public struct CaseRecord: Sendable {
    public var id: String
    public var assessor: String?
    /// Fact values by fact index; nil when the case does not record the fact.
    public var facts: [FactValue?]
    /// Answers by question index; nil when the case gives none.
    public var answers: AnswerTable
    /// The assessor's notes by question index.
    public var notes: [Int: String]
    /// The input the case was read from.
    public var source: SourceText
    public var positions: CasePositions
    /// Set when `id` is a pseudonym: outputs then leave out where the case is written, since a file
    /// and line lead back to the person as surely as the id.
    public var hidesSource = false

    public init(
        id: String, assessor: String? = nil, facts: [FactValue?], answers: AnswerTable, notes: [Int: String] = [:],
        source: SourceText, positions: CasePositions
    ) {
        self.id = id
        self.assessor = assessor
        self.facts = facts
        self.answers = answers
        self.notes = notes
        self.source = source
        self.positions = positions
    }

    /// A location in the case's input.
    public func location(_ position: SourcePosition) -> SourceLocation { SourceLocation(source, position) }

    /// Where the case starts.
    public var location: SourceLocation { location(positions.record) }
}
