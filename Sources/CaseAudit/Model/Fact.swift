import YAMLKit

/// The type of a case fact.
public enum FactType: String, Sendable, Hashable, CaseIterable {
    case bool, `enum`, ordinal, set, int, date, string

    /// Types whose values are drawn from a declared list.
    public var hasValues: Bool { self == .enum || self == .ordinal || self == .set }
}

/// A declared case fact: its name, type, domain (for enum, ordinal and set) and label.
public struct Fact: Sendable {
    public var name: String
    public var type: FactType
    /// The domain, in declared order (low to high for an ordinal).
    public var values: [String]
    public var label: String
    public var description: String?
    /// Where the fact is declared.
    public var location: SourceLocation?

    public init(name: String, type: FactType, values: [String] = [], label: String, description: String? = nil, location: SourceLocation? = nil) {
        self.name = name
        self.type = type
        self.values = values
        self.label = label
        self.description = description
        self.location = location
    }

    /// The index of a domain value, or nil.
    public func index(of value: String) -> Int? { values.firstIndex(of: value) }
}

/// The value of one fact in one case. Domain values are held as their index in the fact's domain.
public enum FactValue: Sendable, Hashable {
    case bool(Bool)
    case int(Int)
    case date(Day)
    case string(String)
    /// An enum or ordinal value: its index in the domain.
    case option(Int)
    /// A set: bit `i` is set when the case has domain value `i`.
    case set(UInt64)
}
