/// A value a sample is split by: one value of a fact, no element of a set fact, or "not recorded".
/// Ordered as the fact's domain (enum, ordinal, set), false before true, numbers and dates
/// ascending, texts by bytes, then "(none)", then "(not recorded)".
public enum GroupKey: Sendable, Hashable, Comparable {
    case value(FactValue)
    /// A set fact recorded as empty (`[]`).
    case noElement
    case notRecorded

    /// The keys a case falls under for a fact: one, or one per element of a set ("(none)" for an
    /// empty set).
    public static func keys(of value: FactValue?) -> [GroupKey] {
        var keys: [GroupKey] = []
        forEachKey(of: value) { keys.append($0) }
        return keys
    }

    /// Calls `body` with each key of ``keys(of:)``, in the same order, without making an array.
    public static func forEachKey(of value: FactValue?, _ body: (GroupKey) -> Void) {
        guard let value else { return body(.notRecorded) }
        guard case .set(var bits) = value else { return body(.value(value)) }
        if bits == 0 { return body(.noElement) }
        while bits != 0 {
            body(.value(.option(bits.trailingZeroBitCount)))
            bits &= bits - 1
        }
    }

    /// The text shown for the key of a fact.
    public func label(_ fact: Fact) -> String {
        switch self {
        case .notRecorded: return "(not recorded)"
        case .noElement: return "(none)"
        case .value(let value): return value.text(fact)
        }
    }

    public static func < (lhs: GroupKey, rhs: GroupKey) -> Bool {
        switch (lhs, rhs) {
        case (.value(let left), .value(let right)): return left.precedes(right)
        default: return lhs.rank < rhs.rank
        }
    }

    private var rank: Int {
        switch self {
        case .value: return 0
        case .noElement: return 1
        case .notRecorded: return 2
        }
    }
}

extension FactValue {
    /// The value as a case file writes it.
    public func text(_ fact: Fact) -> String {
        switch self {
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .date(let day): return day.description
        case .string(let text): return text
        case .option(let index): return fact.values.indices.contains(index) ? fact.values[index] : "?"
        case .set(let bits):
            return "[" + fact.values.indices.filter { bits & (1 << UInt64($0)) != 0 }.map { fact.values[$0] }.joined(separator: ", ") + "]"
        }
    }

    func precedes(_ other: FactValue) -> Bool {
        switch (self, other) {
        case (.bool(let a), .bool(let b)): return !a && b
        case (.int(let a), .int(let b)): return a < b
        case (.date(let a), .date(let b)): return a < b
        case (.string(let a), .string(let b)): return a.utf8.lexicographicallyPrecedes(b.utf8)
        case (.option(let a), .option(let b)): return a < b
        case (.set(let a), .set(let b)): return a < b
        default: return rank < other.rank
        }
    }

    private var rank: Int {
        switch self {
        case .bool: return 0
        case .int: return 1
        case .date: return 2
        case .string: return 3
        case .option: return 4
        case .set: return 5
        }
    }
}

/// A group of cases split by several facts: one key per fact, ordered fact by fact.
public struct GroupPath: Sendable, Hashable, Comparable {
    public var keys: [GroupKey]

    public init(_ keys: [GroupKey]) { self.keys = keys }

    /// Every group a case falls under, given its keys for each fact, in order.
    static func combinations(_ keys: [[GroupKey]]) -> [GroupPath] {
        keys.reduce([[]]) { partial, options in partial.flatMap { prefix in options.map { prefix + [$0] } } }.map(GroupPath.init)
    }

    public static func < (lhs: GroupPath, rhs: GroupPath) -> Bool { lhs.keys.lexicographicallyPrecedes(rhs.keys) }
}
