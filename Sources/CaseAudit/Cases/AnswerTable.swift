/// A case's answers by question index, as a collection of `RecordedAnswer?`. An option of the
/// scale — nearly every answer — is stored as a plain number, so a table is copied and freed
/// without visiting its entries; the few answers that hold text or a list (an answer that is no
/// option, answers per element) are kept beside the numbers.
public struct AnswerTable: Sendable, Equatable, RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral {
    /// Per question: an option's index (0 or more), ``none``, or `-2 - i` for `others[i]`.
    private var codes: [Int32]
    private var others: [RecordedAnswer] = []
    private static let none: Int32 = -1

    /// A table of `count` questions without answers.
    public init(count: Int) { codes = Array(repeating: Self.none, count: count) }

    public init(_ answers: [RecordedAnswer?]) {
        self.init(count: answers.count)
        for (index, answer) in answers.enumerated() { self[index] = answer }
    }

    public init(arrayLiteral answers: RecordedAnswer?...) { self.init(answers) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { codes.count }

    public subscript(index: Int) -> RecordedAnswer? {
        get {
            let code = codes[index]
            if code >= 0 { return .single(.option(Int(code))) }
            return code == Self.none ? nil : others[Int(-2 - code)]
        }
        // Inlined where a reader records an option per answer; any other answer is the rare call.
        @inline(__always) set {
            switch newValue {
            case nil:
                codes[index] = Self.none
            case .single(.option(let option))? where option >= 0 && option <= Int(Int32.max):
                codes[index] = Int32(option)
            case let answer?:
                setOther(answer, at: index)
            }
        }
    }

    private mutating func setOther(_ answer: RecordedAnswer, at index: Int) {
        let code = codes[index]
        if code < Self.none {
            others[Int(-2 - code)] = answer
        } else {
            others.append(answer)
            codes[index] = Int32(-1 - others.count)
        }
    }

    /// True when question `index` has an answer (as `self[index] != nil`, without making it).
    func isAnswered(_ index: Int) -> Bool { codes[index] != Self.none }

    /// Rewrites the text of every answer that is not an option (``Pseudonymiser/hide``).
    mutating func mapTexts(_ transform: (String) -> String) {
        for index in others.indices {
            switch others[index] {
            case .single(.invalid(let text)):
                others[index] = .single(.invalid(transform(text)))
            case .perElement(var list):
                for element in list.indices {
                    if case .invalid(let text) = list[element].value { list[element].value = .invalid(transform(text)) }
                }
                others[index] = .perElement(list)
            case .single(.option):
                continue
            }
        }
    }

    /// The option question `index` is answered with (as `self[index]` when it is
    /// `.single(.option(_))`, without making it); nil for any other answer or none.
    @inline(__always)
    func option(_ index: Int) -> Int? {
        let code = codes[index]
        return code >= 0 ? Int(code) : nil
    }

    public static func == (lhs: AnswerTable, rhs: AnswerTable) -> Bool { lhs.elementsEqual(rhs) }
}
