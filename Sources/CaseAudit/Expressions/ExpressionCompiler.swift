/// Type-checks expressions against a criteria set's schema and compiles them to closures.
///
/// Names resolve to a fact, then a predicate, then (only where the other side of a comparison gives
/// a domain) a value of that domain. Ordering is allowed on ordinals, ints and dates only.
struct ExpressionCompiler {
    /// What the compiler knows of the set.
    struct Schema {
        var facts: [Fact]
        var factIndex: [String: Int]
        /// Predicate name → its expression text.
        var predicates: [String: String]
        var scales: [Scale]
        /// Question id → (index, scale index, per-element).
        var questions: [String: (index: Int, scale: Int, perElement: Bool)]
        var workingDays: WorkingDays
    }

    /// A set of named values an option belongs to: an enum/ordinal/set fact's domain or a scale's options.
    struct Domain: Equatable {
        enum Origin: Equatable {
            case fact(Int)
            case scale(Int)
        }
        var origin: Origin
        var description: String
        var values: [String]
        var ordered: Bool
    }

    enum ListValue {
        case options([Int])
        case integers([Int])
        case strings([String])
    }

    /// A typed, compiled sub-expression.
    enum Typed {
        case bool(@Sendable (CaseValues) -> Truth)
        case int(@Sendable (CaseValues) -> Lookup<Int>)
        case date(@Sendable (CaseValues) -> Lookup<Day>)
        case string(@Sendable (CaseValues) -> Lookup<String>)
        case option(Domain, @Sendable (CaseValues) -> Lookup<Int>)
        case set(Domain, @Sendable (CaseValues) -> Lookup<UInt64>)
        case list(Domain?, ListValue)

        var typeName: String {
            switch self {
            case .bool: return "a condition (true/false)"
            case .int: return "a number"
            case .date: return "a date"
            case .string: return "text"
            case .option(let domain, _): return "a value of \(domain.description)"
            case .set(let domain, _): return "a set of \(domain.description)"
            case .list: return "a list"
            }
        }
    }

    let schema: Schema
    /// Compiled predicates with what they read and how many predicates deep their evaluation goes.
    private var predicateCache: [String: CompiledPredicate] = [:]

    /// A struct, not a tuple: a closure in a tuple stored in a dictionary is kept in the most general
    /// form, and each call through it passes two conversion thunks.
    private struct CompiledPredicate {
        let evaluate: @Sendable (CaseValues) -> Truth
        let facts: Set<Int>
        let questions: Set<Int>
        let measures: [Measure]
        let levels: Int
    }
    /// The predicate levels below the expression being compiled (1 + the deepest predicate it uses).
    private var predicateLevels = 0
    /// Most predicates one evaluation may pass through (p1 uses p2 uses p3 …): with the depth
    /// limit of each expression, this bounds evaluation's stack.
    static let maxPredicateNesting = 16
    private var predicateStack: [String] = []
    /// Predicates whose definition has an error (already reported there): uses of them stay silent.
    private var failedPredicates: Set<String> = []
    /// Facts and questions read by the expression being compiled.
    private var readFacts: Set<Int> = []
    private var readQuestions: Set<Int> = []
    /// Day counts the expression being compiled works out (for `explain`).
    private var readMeasures: [Measure] = []
    /// The texts being compiled: the expression, then each predicate it is inside.
    private var texts: [String] = []
    /// Errors in operands that compilation went past, so one expression reports all its problems.
    private var recovered: [ExpressionError] = []
    /// "Did you mean" candidates of the set, each made at its first unknown name and kept for the next.
    private var suggestions: [Candidates: SuggestionIndex] = [:]

    enum Candidates {
        case factsAndPredicates, facts, questions
    }

    private mutating func closestName(to name: String, among kind: Candidates) -> String? {
        if let index = suggestions[kind] { return index.closest(to: name) }
        let candidates: [String]
        switch kind {
        case .factsAndPredicates: candidates = schema.facts.map(\.name) + schema.predicates.keys.sorted()
        case .facts: candidates = schema.facts.map(\.name)
        case .questions: candidates = schema.questions.keys.sorted()
        }
        let index = SuggestionIndex(candidates)
        suggestions[kind] = index
        return index.closest(to: name)
    }

    init(schema: Schema) {
        self.schema = schema
    }

    // MARK: - Entry points

    /// Compiles a boolean expression.
    mutating func condition(_ text: String) throws(ExpressionErrors) -> CompiledCondition {
        let typed = try compileEntry(text, expecting: nil)
        guard case .bool(let evaluate) = typed else {
            throw ExpressionErrors([ExpressionError("rules.expression-type", "expected a condition (true/false), but this is \(typed.typeName)", at: 0)])
        }
        return CompiledCondition(source: text, facts: readFacts, questions: readQuestions, evaluate: evaluate)
    }

    /// Compiles a `compute` expression for a scale: a condition (true → first option, false → second,
    /// for a two-option scale) or a value of the scale's options.
    mutating func computation(_ text: String, scale: Int) throws(ExpressionErrors) -> CompiledComputation {
        let domain = scaleDomain(scale)
        let typed = try compileEntry(text, expecting: .option(domain, { _ in .unknown }))
        switch typed {
        case .bool(let evaluate) where domain.values.count == 2:
            return CompiledComputation(source: text, facts: readFacts, questions: readQuestions, measures: readMeasures) { values in
                switch evaluate(values) {
                case .true: return .value(0)
                case .false: return .value(1)
                case .unknown: return .unknown
                }
            }
        case .option(let found, let evaluate) where found == domain:
            return CompiledComputation(source: text, facts: readFacts, questions: readQuestions, measures: readMeasures, evaluate: evaluate)
        default:
            let expected = domain.values.count == 2
                ? "a condition (true → '\(domain.values[0])', false → '\(domain.values[1])') or a value of \(domain.description)"
                : "a value of \(domain.description)"
            throw ExpressionErrors([ExpressionError("rules.compute-type", "a computed answer must be \(expected), but this is \(typed.typeName)", at: 0)])
        }
    }

    /// Compiles a predicate by name (with cycle detection), for the loader to report errors at its definition.
    mutating func predicate(_ name: String) throws(ExpressionErrors) {
        begin(texts: [])
        do {
            _ = try compilePredicate(name, at: 0)
        } catch {
            throw ExpressionErrors(recovered + [error])
        }
        if !recovered.isEmpty { throw ExpressionErrors(recovered) }
    }

    // MARK: - Compilation

    private mutating func begin(texts: [String]) {
        readFacts = []
        readQuestions = []
        readMeasures = []
        predicateLevels = 0
        recovered = []
        self.texts = texts
    }

    /// Compiles a whole expression: every error found, or its typed value.
    private mutating func compileEntry(_ text: String, expecting: Typed?) throws(ExpressionErrors) -> Typed {
        begin(texts: [text])
        let typed: Typed
        do {
            typed = try compile(try parse(text), expecting: expecting)
        } catch {
            throw ExpressionErrors(recovered + [error])
        }
        if !recovered.isEmpty { throw ExpressionErrors(recovered) }
        return typed
    }

    /// A condition operand of 'and'/'or': on an error, the error is kept and the operand taken as
    /// unknown, so compilation goes on to the rest of the expression.
    private mutating func recoveringCondition(_ expression: Expression, role: String) -> @Sendable (CaseValues) -> Truth {
        do {
            return try requireBool(try compile(expression, expecting: nil), at: expression.offset, role: role)
        } catch {
            recovered.append(error)
            return { _ in .unknown }
        }
    }

    private func parse(_ text: String) throws(ExpressionError) -> Expression {
        do {
            return try Parser.parse(text)
        } catch {
            throw ExpressionError(error.code, error.message, at: error.offset)
        }
    }

    private mutating func compile(_ expression: Expression, expecting: Typed?) throws(ExpressionError) -> Typed {
        switch expression {
        case .boolean(let value, _):
            let truth = Truth(value)
            return .bool { _ in truth }
        case .integer(let value, _):
            return .int { _ in .value(value) }
        case .string(let text, let at):
            return try stringLiteral(text, at: at, expecting: expecting)
        case .name(let name, let at):
            return try resolve(name, at: at, expecting: expecting)
        case .list(let items, let at):
            return try list(items, at: at, expecting: expecting)
        case .not(let inner, _):
            let operand = try requireBool(try compile(inner, expecting: nil), at: inner.offset, role: "'not'")
            return .bool { values in !operand(values) }
        case .and(let lhs, let rhs):
            let left = recoveringCondition(lhs, role: "'and'")
            let right = recoveringCondition(rhs, role: "'and'")
            return .bool { values in Logic.and(left(values), right(values)) }
        case .or(let lhs, let rhs):
            let left = recoveringCondition(lhs, role: "'or'")
            let right = recoveringCondition(rhs, role: "'or'")
            return .bool { values in Logic.or(left(values), right(values)) }
        case .compare(let op, let lhs, let rhs, let at):
            return try comparison(op, lhs, rhs, at: at)
        case .arithmetic(let op, let lhs, let rhs, let at):
            return try arithmetic(op, lhs, rhs, at: at)
        case .call(let name, let arguments, let at):
            return try call(name, arguments, at: at)
        }
    }

    private func requireBool(_ typed: Typed, at offset: Int, role: String) throws(ExpressionError) -> @Sendable (CaseValues) -> Truth {
        guard case .bool(let evaluate) = typed else {
            throw ExpressionError("rules.expression-type", "\(role) needs a condition (true/false), but this is \(typed.typeName)", at: offset)
        }
        return evaluate
    }

    private mutating func resolve(_ name: String, at: Int, expecting: Typed?) throws(ExpressionError) -> Typed {
        if let index = schema.factIndex[name] {
            return factAccessor(index)
        }
        if schema.predicates[name] != nil {
            let compiled = try compilePredicate(name, at: at)
            return .bool(compiled)
        }
        if let domain = expectedDomain(expecting) {
            if let value = domain.values.firstIndex(of: name) {
                return .option(domain, { _ in .value(value) })
            }
            let suggestion = Suggestions.closest(to: name, in: domain.values)
            throw ExpressionError(
                "rules.unknown-value",
                "'\(name)' is not a value of \(domain.description)" + Suggestions.didYouMean(suggestion)
                    + Self.valueList(domain.values),
                at: at, fixIt: suggestion)
        }
        let suggestion = closestName(to: name, among: .factsAndPredicates)
        throw ExpressionError(
            "rules.unknown-name", "'\(name)' is not a declared fact or predicate" + Suggestions.didYouMean(suggestion),
            at: at, fixIt: suggestion)
    }

    private static func valueList(_ values: [String]) -> String {
        values.count <= 12 ? " (values: \(values.joined(separator: ", ")))" : ""
    }

    private func expectedDomain(_ expecting: Typed?) -> Domain? {
        switch expecting {
        case .option(let domain, _), .set(let domain, _): return domain
        case .list(let domain, _): return domain
        default: return nil
        }
    }

    private mutating func factAccessor(_ index: Int) -> Typed {
        readFacts.insert(index)
        let fact = schema.facts[index]
        switch fact.type {
        case .bool:
            return .bool { values in
                if case .bool(let value)? = values.facts[index] { return Truth(value) }
                return .unknown
            }
        case .int:
            return .int { values in
                if case .int(let value)? = values.facts[index] { return .value(value) }
                return .unknown
            }
        case .date:
            return .date { values in
                if case .date(let value)? = values.facts[index] { return .value(value) }
                return .unknown
            }
        case .string:
            return .string { values in
                if case .string(let value)? = values.facts[index] { return .value(value) }
                return .unknown
            }
        case .enum, .ordinal:
            return .option(factDomain(index)) { values in
                if case .option(let value)? = values.facts[index] { return .value(value) }
                return .unknown
            }
        case .set:
            return .set(factDomain(index)) { values in
                if case .set(let bits)? = values.facts[index] { return .value(bits) }
                return .unknown
            }
        }
    }

    func factDomain(_ index: Int) -> Domain {
        let fact = schema.facts[index]
        return Domain(origin: .fact(index), description: "'\(fact.name)'", values: fact.values, ordered: fact.type == .ordinal)
    }

    func scaleDomain(_ index: Int) -> Domain {
        let scale = schema.scales[index]
        return Domain(origin: .scale(index), description: "scale '\(scale.name)'", values: scale.options, ordered: false)
    }

    private mutating func compilePredicate(_ name: String, at: Int) throws(ExpressionError) -> @Sendable (CaseValues) -> Truth {
        if let cached = predicateCache[name] {
            try checkNesting(predicateStack.count + cached.levels, name: name, at: at)
            readFacts.formUnion(cached.facts)
            readQuestions.formUnion(cached.questions)
            readMeasures += cached.measures
            predicateLevels = max(predicateLevels, cached.levels)
            return cached.evaluate
        }
        if failedPredicates.contains(name) {
            return { _ in .unknown }
        }
        if let start = predicateStack.firstIndex(of: name) {
            let cycle = (predicateStack[start...] + [name]).joined(separator: " → ")
            throw ExpressionError("rules.predicate-cycle", "predicates refer to each other in a cycle: \(cycle)", at: at)
        }
        guard let text = schema.predicates[name] else {
            throw ExpressionError("rules.unknown-name", "'\(name)' is not a declared predicate", at: at)
        }
        try checkNesting(predicateStack.count + 1, name: name, at: at)
        let outerFacts = readFacts
        let outerQuestions = readQuestions
        let outerMeasures = readMeasures
        let outerLevels = predicateLevels
        let outerRecovered = recovered
        readFacts = []
        readQuestions = []
        readMeasures = []
        predicateLevels = 0
        recovered = []
        predicateStack.append(name)
        texts.append(text)
        defer {
            predicateStack.removeLast()
            texts.removeLast()
        }
        var errors: [ExpressionError] = []
        var typed: Typed = .bool { _ in .unknown }
        do {
            typed = try compile(try parse(text), expecting: nil)
        } catch {
            errors.append(error)
        }
        errors = recovered + errors
        recovered = outerRecovered
        if let first = errors.first {
            // The loader compiles each predicate on its own first: the errors are reported once, at their
            // exact places in the definition; later uses of the predicate stay silent.
            failedPredicates.insert(name)
            if predicateStack.count == 1 {
                recovered += errors.dropFirst()
                throw first
            }
            if first.code == "rules.predicate-cycle" { throw ExpressionError(first.code, first.message, at: at) }
            throw ExpressionError(first.code, "in predicate '\(name)': \(first.message)", at: at)
        }
        guard case .bool(let evaluate) = typed else {
            throw ExpressionError("rules.expression-type", "predicate '\(name)' must be a condition (true/false), but it is \(typed.typeName)", at: at)
        }
        let levels = predicateLevels + 1
        predicateCache[name] = CompiledPredicate(evaluate: evaluate, facts: readFacts, questions: readQuestions, measures: readMeasures, levels: levels)
        readFacts.formUnion(outerFacts)
        readQuestions.formUnion(outerQuestions)
        readMeasures = outerMeasures + readMeasures
        predicateLevels = max(outerLevels, levels)
        return evaluate
    }

    private func checkNesting(_ levels: Int, name: String, at: Int) throws(ExpressionError) {
        guard levels > Self.maxPredicateNesting else { return }
        throw ExpressionError(
            "rules.expression-too-deep",
            "'\(name)' leads through more than \(Self.maxPredicateNesting) predicates, each using the next; flatten some of them",
            at: at)
    }

    private mutating func stringLiteral(_ text: String, at: Int, expecting: Typed?) throws(ExpressionError) -> Typed {
        switch expecting {
        case .date?:
            guard let day = Day(iso: text) else {
                throw ExpressionError("rules.invalid-date", "'\(text)' is not a date: write 'YYYY-MM-DD'", at: at)
            }
            return .date { _ in .value(day) }
        case .option?, .set?, .list?:
            // A quoted domain value, e.g. psr_type == 'full'.
            if expectedDomain(expecting) != nil { return try resolve(text, at: at, expecting: expecting) }
            return .string { _ in .value(text) }
        default:
            return .string { _ in .value(text) }
        }
    }

    /// A list literal: constant values of the expected type.
    private mutating func list(_ items: [Expression], at: Int, expecting: Typed?) throws(ExpressionError) -> Typed {
        let domain = expectedDomain(expecting)
        if let domain {
            var indexes: [Int] = []
            // Each item on its own: a misspelt value does not hide the next one's.
            for item in items {
                do throws(ExpressionError) {
                    let element = try compile(item, expecting: .option(domain, { _ in .unknown }))
                    guard case .option(let found, let evaluate) = element, found == domain,
                        case .value(let index) = evaluate(CaseValues(facts: [], answers: []))
                    else {
                        throw ExpressionError("rules.expression-type", "a list compared with \(domain.description) must hold its values", at: item.offset)
                    }
                    indexes.append(index)
                } catch {
                    recovered.append(error)
                }
            }
            return .list(domain, .options(indexes))
        }
        switch expecting {
        case .int?:
            var numbers: [Int] = []
            for item in items {
                guard case .integer(let value, _) = item else {
                    throw ExpressionError("rules.expression-type", "a list compared with a number must hold numbers", at: item.offset)
                }
                numbers.append(value)
            }
            return .list(nil, .integers(numbers))
        case .string?:
            var texts: [String] = []
            for item in items {
                guard case .string(let value, _) = item else {
                    throw ExpressionError("rules.expression-type", "a list compared with text must hold quoted strings", at: item.offset)
                }
                texts.append(value)
            }
            return .list(nil, .strings(texts))
        default:
            throw ExpressionError("rules.expression-type", "a list can only follow 'in' or 'not in', or be an argument of any(), all() or only()", at: at)
        }
    }

    /// True when the expression's type comes from the other side (a bare value, a quoted string, a list).
    private func dependsOnContext(_ expression: Expression) -> Bool {
        switch expression {
        case .name(let name, _): return schema.factIndex[name] == nil && schema.predicates[name] == nil
        case .string, .list: return true
        default: return false
        }
    }

    private mutating func comparison(_ op: ComparisonOperator, _ lhs: Expression, _ rhs: Expression, at: Int) throws(ExpressionError) -> Typed {
        let left: Typed
        let right: Typed
        if dependsOnContext(lhs) && !dependsOnContext(rhs) {
            right = try compile(rhs, expecting: nil)
            left = try compile(lhs, expecting: elementExpectation(of: right, for: op))
        } else {
            left = try compile(lhs, expecting: nil)
            right = try compile(rhs, expecting: left)
        }
        switch op {
        // Negated forms negate only a definite result: an absent answer makes every comparison false.
        case .isIn, .notIn:
            return .bool(try membership(left, right, at: at, negate: op == .notIn))
        case .equal, .notEqual:
            return .bool(try equality(left, right, at: at, negate: op == .notEqual))
        case .less, .lessEqual, .greater, .greaterEqual:
            return .bool(try ordering(op, left, right, at: at))
        }
    }

    /// The expectation for a context-dependent left operand, given the right one.
    private func elementExpectation(of right: Typed, for op: ComparisonOperator) -> Typed {
        if op == .isIn || op == .notIn, case .set(let domain, _) = right {
            return .option(domain, { _ in .unknown })
        }
        return right
    }

    private func membership(_ left: Typed, _ right: Typed, at: Int, negate: Bool) throws(ExpressionError) -> @Sendable (CaseValues) -> Truth {
        switch (left, right) {
        case (.option(let domain, let value), .set(let setDomain, let set)) where domain == setDomain:
            return { values in
                Self.combine(value(values), set(values)) { index, bits in (bits & (1 << UInt64(index)) != 0) != negate }
            }
        case (.option(let domain, let value), .list(let listDomain, .options(let indexes))) where listDomain == domain:
            let members = Set(indexes)
            return { values in Self.test(value(values)) { members.contains($0) != negate } }
        case (.int(let value), .list(_, .integers(let numbers))):
            let members = Set(numbers)
            return { values in Self.test(value(values)) { members.contains($0) != negate } }
        case (.string(let value), .list(_, .strings(let texts))):
            let members = Set(texts)
            return { values in Self.test(value(values)) { members.contains($0) != negate } }
        case (.option(let domain, _), .set(let setDomain, _)):
            throw ExpressionError("rules.expression-type", "a value of \(domain.description) cannot be in a set of \(setDomain.description)", at: at)
        default:
            throw ExpressionError(
                "rules.expression-type",
                "'in' needs a value on the left and a list or set fact on the right, but found \(left.typeName) and \(right.typeName)",
                at: at)
        }
    }

    private func equality(_ left: Typed, _ right: Typed, at: Int, negate: Bool) throws(ExpressionError) -> @Sendable (CaseValues) -> Truth {
        switch (left, right) {
        case (.bool(let lhs), .bool(let rhs)):
            return { values in
                let a = lhs(values)
                let b = rhs(values)
                if a == .unknown || b == .unknown { return .unknown }
                return Truth((a == b) != negate)
            }
        case (.int(let lhs), .int(let rhs)):
            return { values in Self.combine(lhs(values), rhs(values)) { ($0 == $1) != negate } }
        case (.date(let lhs), .date(let rhs)):
            return { values in Self.combine(lhs(values), rhs(values)) { ($0 == $1) != negate } }
        case (.string(let lhs), .string(let rhs)):
            return { values in Self.combine(lhs(values), rhs(values)) { ($0 == $1) != negate } }
        case (.option(let a, let lhs), .option(let b, let rhs)) where a == b:
            return { values in Self.combine(lhs(values), rhs(values)) { ($0 == $1) != negate } }
        default:
            throw ExpressionError("rules.type-mismatch", "cannot compare \(left.typeName) with \(right.typeName)", at: at)
        }
    }

    private func ordering(_ op: ComparisonOperator, _ left: Typed, _ right: Typed, at: Int) throws(ExpressionError) -> @Sendable (CaseValues) -> Truth {
        let compare: @Sendable (Int, Int) -> Bool
        switch op {
        case .less: compare = { $0 < $1 }
        case .lessEqual: compare = { $0 <= $1 }
        case .greater: compare = { $0 > $1 }
        default: compare = { $0 >= $1 }
        }
        switch (left, right) {
        case (.int(let lhs), .int(let rhs)):
            return { values in Self.combine(lhs(values), rhs(values), compare) }
        case (.date(let lhs), .date(let rhs)):
            return { values in Self.combine(lhs(values), rhs(values)) { compare($0.ordinal, $1.ordinal) } }
        case (.option(let a, let lhs), .option(let b, let rhs)) where a == b:
            guard a.ordered else {
                throw ExpressionError(
                    "rules.unordered-comparison",
                    "\(a.description) is not ordered, so '\(op.rawValue)' cannot be used; compare with '==', '!=' or 'in'",
                    at: at)
            }
            return { values in Self.combine(lhs(values), rhs(values), compare) }
        default:
            throw ExpressionError("rules.type-mismatch", "cannot order \(left.typeName) against \(right.typeName)", at: at)
        }
    }

    private mutating func arithmetic(_ op: ArithmeticOperator, _ lhs: Expression, _ rhs: Expression, at: Int) throws(ExpressionError) -> Typed {
        let left = try compile(lhs, expecting: nil)
        let right = try compile(rhs, expecting: left)
        // Checked: a result out of range (a number past Int, a date past ``Day/range``) is unknown, never wrapped.
        let apply: @Sendable (Int, Int) -> Int? = { a, b in
            let (result, overflow) = op == .plus ? a.addingReportingOverflow(b) : a.subtractingReportingOverflow(b)
            return overflow ? nil : result
        }
        switch (left, right) {
        case (.int(let a), .int(let b)):
            return .int { values in Self.mergeChecked(a(values), b(values), apply) }
        case (.date(let a), .int(let b)):
            if case .integer(let days, let literalAt) = rhs, apply(0, days).map({ $0.magnitude > UInt(Day.range.count) }) ?? true {
                throw ExpressionError(
                    "rules.date-out-of-range",
                    "\(days) days takes any date outside the dates caseaudit handles (0001-01-01 to 9999-12-31)", at: literalAt)
            }
            return .date { values in
                Self.mergeChecked(a(values), b(values)) { day, days in apply(0, days).flatMap { day.adding(days: $0) } }
            }
        case (.date(let a), .date(let b)) where op == .minus:
            return .int { values in Self.merge(a(values), b(values)) { $0.ordinal - $1.ordinal } }
        default:
            throw ExpressionError("rules.type-mismatch", "cannot \(op == .plus ? "add" : "subtract") \(right.typeName) \(op == .plus ? "to" : "from") \(left.typeName)", at: at)
        }
    }

    // MARK: - Functions

    private mutating func call(_ name: String, _ arguments: [Expression], at: Int) throws(ExpressionError) -> Typed {
        func arity(_ count: Int) throws(ExpressionError) {
            guard arguments.count == count else {
                throw ExpressionError("rules.function-arguments", "\(name)() takes \(count) argument\(count == 1 ? "" : "s"), not \(arguments.count)", at: at)
            }
        }
        switch name {
        case "has":
            try arity(1)
            guard case .name(let factName, let nameAt) = arguments[0] else {
                throw ExpressionError("rules.function-arguments", "has() takes the name of a fact", at: arguments[0].offset)
            }
            guard let index = schema.factIndex[factName] else {
                let suggestion = closestName(to: factName, among: .facts)
                throw ExpressionError("rules.unknown-name", "'\(factName)' is not a declared fact" + Suggestions.didYouMean(suggestion), at: nameAt, fixIt: suggestion)
            }
            readFacts.insert(index)
            return .bool { values in Truth(values.facts[index] != nil) }
        case "count":
            try arity(1)
            guard case .set(_, let set) = try compile(arguments[0], expecting: nil) else {
                throw ExpressionError("rules.function-arguments", "count() takes a set fact", at: arguments[0].offset)
            }
            return .int { values in set(values).map { $0.nonzeroBitCount } }
        case "any", "all", "only":
            try arity(2)
            guard case .set(let domain, let set) = try compile(arguments[0], expecting: nil) else {
                throw ExpressionError("rules.function-arguments", "\(name)() takes a set fact and a list of its values", at: arguments[0].offset)
            }
            guard case .list(_, .options(let indexes)) = try compile(arguments[1], expecting: .set(domain, set)) else {
                throw ExpressionError("rules.function-arguments", "\(name)() takes a list of values of \(domain.description) as its second argument", at: arguments[1].offset)
            }
            let mask = indexes.reduce(UInt64(0)) { $0 | (1 << UInt64($1)) }
            let test: @Sendable (UInt64) -> Bool
            switch name {
            case "any": test = { $0 & mask != 0 }
            case "all": test = { $0 & mask == mask }
            default: test = { $0 & ~mask == 0 }
            }
            return .bool { values in Self.test(set(values), test) }
        case "days_between", "working_days_between":
            try arity(2)
            let dates = try arguments.map { (argument) throws(ExpressionError) -> @Sendable (CaseValues) -> Lookup<Day> in
                guard case .date(let date) = try compile(argument, expecting: .date({ _ in .unknown })) else {
                    throw ExpressionError("rules.function-arguments", "\(name)() takes two dates", at: argument.offset)
                }
                return date
            }
            let (from, to) = (dates[0], dates[1])
            let evaluate: @Sendable (CaseValues) -> Lookup<Int>
            if name == "days_between" {
                evaluate = { values in Self.merge(from(values), to(values)) { $1.ordinal - $0.ordinal } }
            } else {
                let workingDays = schema.workingDays
                evaluate = { values in Self.merge(from(values), to(values)) { workingDays.between($0, $1) } }
            }
            let source = callText(at: at)
            if !readMeasures.contains(where: { $0.source == source }) {
                readMeasures.append(Measure(source: source, unit: name == "days_between" ? "days" : "working days", evaluate: evaluate))
            }
            return .int(evaluate)
        case "answer":
            try arity(1)
            guard case .string(let id, let idAt) = arguments[0] else {
                throw ExpressionError("rules.function-arguments", "answer() takes a question id in quotes, e.g. answer('rmp.sufficient')", at: arguments[0].offset)
            }
            guard let question = schema.questions[id] else {
                let suggestion = closestName(to: id, among: .questions)
                throw ExpressionError("rules.unknown-question", "'\(id)' is not a question of this set" + Suggestions.didYouMean(suggestion), at: idAt, fixIt: suggestion)
            }
            guard !question.perElement else {
                throw ExpressionError("rules.answer-per-element", "answer() cannot read '\(id)': it is asked once per element (for_each)", at: idAt)
            }
            readQuestions.insert(question.index)
            let index = question.index
            return .option(scaleDomain(question.scale)) { values in
                switch values.answers[index] {
                case .option(let option): return .value(option)
                case .unknown: return .unknown
                case .absent: return .absent
                }
            }
        default:
            let known = ["has", "count", "any", "all", "only", "days_between", "working_days_between", "answer"]
            let suggestion = Suggestions.closest(to: name, in: known)
            throw ExpressionError("rules.unknown-function", "'\(name)' is not a function" + Suggestions.didYouMean(suggestion), at: at, fixIt: suggestion)
        }
    }

    /// The text of the call starting at `offset` in the expression being compiled: up to the
    /// parenthesis closing its arguments (quoted text skipped).
    private func callText(at offset: Int) -> String {
        let text = Array(texts.last ?? "")
        guard offset < text.count else { return "" }
        var depth = 0
        var quote: Character?
        for index in offset..<text.count {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == "(" {
                depth += 1
            } else if character == ")" {
                depth -= 1
                if depth == 0 { return String(text[offset...index]) }
            }
        }
        return String(text[offset...])
    }

    // MARK: - Three-valued helpers

    private static func combine<A, B>(_ a: Lookup<A>, _ b: Lookup<B>, _ test: (A, B) -> Bool) -> Truth {
        switch (a, b) {
        case (.absent, _), (_, .absent): return .false
        case (.value(let x), .value(let y)): return Truth(test(x, y))
        default: return .unknown
        }
    }

    private static func test<A>(_ a: Lookup<A>, _ test: (A) -> Bool) -> Truth {
        switch a {
        case .absent: return .false
        case .value(let x): return Truth(test(x))
        case .unknown: return .unknown
        }
    }

    private static func merge<A, B, C>(_ a: Lookup<A>, _ b: Lookup<B>, _ transform: (A, B) -> C) -> Lookup<C> {
        mergeChecked(a, b) { x, y -> C? in transform(x, y) }
    }

    /// As ``merge(_:_:_:)``, with a transform that may find no result (out of range): unknown.
    private static func mergeChecked<A, B, C>(_ a: Lookup<A>, _ b: Lookup<B>, _ transform: (A, B) -> C?) -> Lookup<C> {
        switch (a, b) {
        case (.absent, _), (_, .absent): return .absent
        case (.value(let x), .value(let y)): return transform(x, y).map { .value($0) } ?? .unknown
        default: return .unknown
        }
    }
}
