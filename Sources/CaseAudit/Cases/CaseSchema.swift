import YAMLKit

/// Reads case text by the criteria set's schema: the declared type of each fact and the scale of each
/// question decide what a value means, never YAML's own guessing (`no` is an answer, not false;
/// `2013-03-04` is a date only where a date is declared).
public struct CaseSchema: Sendable {
    public let set: CriteriaSet
    private let factIndex: [String: Int]
    private let questionIndex: [String: Int]
    /// Each fact's type and each question's `for_each` fact, by index: read for every value of
    /// every case, so kept apart from the larger `Fact` and `Question` records.
    let factTypes: [FactType]
    let forEachFacts: [Int?]
    /// "Did you mean" candidates, each list prepared at its first unknown key or value and kept: a
    /// file of many costs a few bounded comparisons for each, a file of none costs nothing.
    private let factNames: LazySuggestionIndex
    private let questionIDs: LazySuggestionIndex
    private let factValues: [LazySuggestionIndex]
    private let scaleOptions: [LazySuggestionIndex]

    public init(_ set: CriteriaSet) {
        self.set = set
        factTypes = set.facts.map(\.type)
        forEachFacts = set.questions.map(\.forEach)
        factIndex = Dictionary(set.facts.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
        questionIndex = Dictionary(set.questions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        factNames = LazySuggestionIndex(set.facts.map(\.name))
        questionIDs = LazySuggestionIndex(set.questions.map(\.id))
        factValues = set.facts.map { LazySuggestionIndex($0.values) }
        scaleOptions = set.scales.map { LazySuggestionIndex($0.options) }
    }

    public func fact(named name: String) -> Int? { factIndex[name] }
    public func question(id: String) -> Int? { questionIndex[id] }

    /// "unknown fact 'x'; did you mean 'y'?" and the suggestion.
    func unknownFact(_ name: String) -> (message: String, suggestion: String?) {
        let suggestion = factNames.closest(to: name)
        return ("unknown fact \(messageQuote(name))" + Suggestions.didYouMean(suggestion), suggestion)
    }

    /// A fact name or question id that a derived set (or its chain) renamed or removed: a case
    /// written for the base still loads, with a warning naming the new id. The index is the
    /// renamed item's; nil for a removed one (its value is left out).
    func retired(_ kind: ItemKind, _ name: String) -> (index: Int?, code: String, message: String)? {
        let retired = set.retired
        if let new = retired.newID(kind, name) {
            let index = kind == .fact ? fact(named: new) : question(id: new)
            return (index, "case.renamed-id", "'\(name)' is now '\(new)' in criteria set '\(set.id)'; read as '\(new)'")
        }
        if retired.isRemoved(kind, name) {
            return (nil, "case.removed-id", "\(kind.rawValue) '\(name)' is removed in criteria set '\(set.id)'; its value is left out")
        }
        return nil
    }

    func unknownQuestion(_ id: String) -> (message: String, suggestion: String?) {
        let suggestion = questionIDs.closest(to: id)
        return ("unknown question \(messageQuote(id))" + Suggestions.didYouMean(suggestion), suggestion)
    }

    /// A problem with one value, before it is given a location.
    struct ValueProblem: Error {
        var message: String
        var suggestion: String?
    }

    /// Types one scalar (a YAML scalar, a CSV cell) as a value of fact `index`. A set fact's scalar
    /// form is `a;b`, and `[]` for the empty set (CSV); YAML lists are read element by element with
    /// ``element(_:of:)``.
    func value(_ text: String, ofFact index: Int) throws(ValueProblem) -> FactValue {
        // The fact's fields are read where needed, not copied: this runs for every fact of every case.
        switch factTypes[index] {
        case .bool:
            var text = text  // `withUTF8` reads a native string's bytes in place
            if let truth = text.withUTF8(ValueTables.bool) { return .bool(truth) }
            throw ValueProblem(message: "\(messageQuote(text)) is not a value of \(set.facts[index].name) (a bool: true, false, yes or no)")
        case .int:
            guard let value = Int(text) else {
                let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.utf8.dropFirst() : text.utf8[...]
                if !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
                    throw ValueProblem(message: "\(messageQuote(text)) is too large for \(set.facts[index].name): whole numbers run from \(Int.min) to \(Int.max)")
                }
                throw ValueProblem(message: "\(messageQuote(text)) is not a value of \(set.facts[index].name) (a whole number)")
            }
            return .int(value)
        case .date:
            guard let day = Day(iso: text) else {
                var message = "\(messageQuote(text)) is not a value of \(set.facts[index].name) (a date, YYYY-MM-DD)"
                if let (first, second, year) = Self.slashedDate(text) {
                    let british = Day(iso: "\(year)-\(second)-\(first)")
                    message = "\(messageQuote(text)) is not a value of \(set.facts[index].name): write dates as YYYY-MM-DD"
                        + (british.map { ", e.g. \($0) if it means day \(Int(first) ?? 0) of month \(Int(second) ?? 0)" } ?? "")
                }
                throw ValueProblem(message: message)
            }
            return .date(day)
        case .string:
            return .string(text)
        case .enum, .ordinal:
            return .option(try element(text, of: index))
        case .set:
            var bits: UInt64 = 0
            if text.trimmingSpaces() == "[]" { return .set(0) }
            for part in text.split(separator: ";", omittingEmptySubsequences: true) {
                let name = part.trimmingSpaces()
                if name.isEmpty { continue }
                bits |= 1 << UInt64(try element(name, of: index))
            }
            return .set(bits)
        }
    }

    /// Day, month and year of a date written `DD/MM/YYYY` (or with `-` or `.`), as two-digit texts.
    static func slashedDate(_ text: String) -> (String, String, String)? {
        let parts = text.split(omittingEmptySubsequences: false, whereSeparator: { "/.-".contains($0) })
        guard parts.count == 3, parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { return nil }
        let pad = { (part: Substring) in part.count == 1 ? "0" + part : String(part) }
        return (pad(parts[0]), pad(parts[1]), String(parts[2]))
    }

    /// The index of a domain value of an enum, ordinal or set fact.
    func element(_ text: String, of index: Int) throws(ValueProblem) -> Int {
        if let found = set.facts[index].index(of: text) { return found }
        let fact = set.facts[index]
        let suggestion = factValues[index].closest(to: text)
        throw ValueProblem(
            message: "\(messageQuote(text)) is not a value of \(fact.name)" + Suggestions.didYouMean(suggestion)
                + (suggestion == nil ? " (values: \(fact.values.joined(separator: ", ")))" : ""),
            suggestion: suggestion)
    }

    /// How spreadsheets write "does not apply".
    static let notApplicable: Set<String> = ["n/a", "na", "n.a.", "not applicable", "not_applicable"]

    /// An answer to question `index`: an option of its scale, or `invalid` with a did-you-mean.
    func answer(_ text: String, to index: Int) -> (value: AnswerValue, problem: ValueProblem?) {
        if let option = set.scales[set.questions[index].scale].index(of: text) { return (.option(option), nil) }
        let scale = set.scales[set.questions[index].scale]
        if Self.notApplicable.contains(text.lowercased()) {
            return (.invalid(text), ValueProblem(
                message: "'\(text)' is not an answer to \(set.questions[index].id): leave it empty; whether a question applies comes from the facts"))
        }
        let suggestion = scaleOptions[set.questions[index].scale].closest(to: text)
        let problem = ValueProblem(
            message: "\(messageQuote(text)) is not an answer to \(set.questions[index].id)" + Suggestions.didYouMean(suggestion)
                + " (options: \(scale.options.joined(separator: ", ")))",
            suggestion: suggestion)
        return (.invalid(text), problem)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    public func trimmingSpaces() -> String {
        // By bytes: a space or a tab is one byte of UTF-8, never part of another character's.
        // Comparing characters would put each in NFC, in time the square of a run of combining
        // marks (an id of one letter and 400,000 accents took minutes).
        let text = String(self)
        let bytes = text.utf8
        let isText: (UInt8) -> Bool = { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: isText), let last = bytes.lastIndex(where: isText) else { return "" }
        if first == bytes.startIndex, bytes.index(after: last) == bytes.endIndex { return text }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}

extension CaseSchema {
    /// Fact indexes for names given on the command line (`--by gender --by psr_type`, or
    /// `--by gender,psr_type`), or a usage diagnostic naming the first unknown one.
    public func facts(named names: [String]) -> Result<[Int], Diagnostic> {
        var indexes: [Int] = []
        for name in names.flatMap({ $0.split(separator: ",").map { $0.trimmingSpaces() } }) where !name.isEmpty {
            guard let index = fact(named: name) else {
                let unknown = unknownFact(name)
                return .failure(Diagnostic(.error, code: "usage.unknown-fact", unknown.message, at: nil))
            }
            if !indexes.contains(index) { indexes.append(index) }
        }
        return .success(indexes)
    }
}
