/// The facts whether each question of a set applies depends on: those its conditions read, those
/// of the conditions and computations of the questions whose answers they read (and so on), and
/// the set fact of a `for_each` question.
///
/// Worked out once for the set, in dependency order (each question after those whose answers it
/// reads), as one bit set of facts per question: a chain of `answer()` dependencies costs its
/// length times the number of facts, where following each question's chain afresh cost the square
/// of its length, and the sets take a bit per fact where lists took a word.
struct ApplicabilityFacts: Sendable {
    /// Words per question.
    private let words: Int
    /// Per question, `words` words: bit `f` set when fact `f` is one of its facts.
    private let bits: [UInt64]

    /// `order`: ``Evaluator/dependencyOrder(_:)`` of the set's questions, which the caller has.
    init(_ set: CriteriaSet, order: [Int]) { self.init(set.questions, factCount: set.facts.count, order: order) }

    /// `questions` must not read each other's answers in a cycle (the loader refuses those).
    init(_ questions: [Question], factCount: Int, order: [Int]) {
        let words = (factCount + 63) / 64
        // Per question, what its conditions and computation read, transitively.
        var reads = [UInt64](repeating: 0, count: questions.count * words)
        var bits = [UInt64](repeating: 0, count: questions.count * words)
        var row = [UInt64](repeating: 0, count: words)
        /// `row` made of these facts, and what these questions read.
        func fill(facts: [Int]..., questions others: [Int]...) {
            for word in 0..<words { row[word] = 0 }
            for fact in facts.joined() { row[fact / 64] |= 1 << UInt64(fact % 64) }
            for other in others.joined() {
                for word in 0..<words { row[word] |= reads[other * words + word] }
            }
        }
        for index in order {
            let question = questions[index]
            let rows = index * words..<(index + 1) * words
            fill(facts: question.applies.facts, question.forEach.map { [$0] } ?? [], questions: question.applies.questions)
            bits[rows] = row[...]
            fill(facts: question.applies.facts, question.compute?.facts ?? [],
                 questions: question.applies.questions, question.compute?.questions ?? [])
            reads[rows] = row[...]
        }
        self.words = words
        self.bits = bits
    }

    /// The question's facts as bits: equal for questions with the same facts.
    func bits(of question: Int) -> ArraySlice<UInt64> {
        bits[question * words..<(question + 1) * words]
    }

    /// How many facts the question has.
    func count(of question: Int) -> Int {
        bits(of: question).reduce(0) { $0 + $1.nonzeroBitCount }
    }

    /// The question's facts that `include` accepts, in order.
    func facts(of question: Int, where include: (Int) -> Bool = { _ in true }) -> [Int] {
        var facts: [Int] = []
        for word in question * words..<(question + 1) * words where bits[word] != 0 {
            var rest = bits[word]
            while rest != 0 {
                let fact = (word - question * words) * 64 + rest.trailingZeroBitCount
                if include(fact) { facts.append(fact) }
                rest &= rest - 1
            }
        }
        return facts
    }
}
