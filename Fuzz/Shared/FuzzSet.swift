// What the harnesses share: the embedded IAOW set, and a plausible value for each of its facts.
import CaseAudit

public enum FuzzSet {
    /// The embedded criteria set (loading it cannot fail: a test checks it).
    public static let iaow: CriteriaSet = {
        guard let set = DefaultCriteriaSet.load().set else { preconditionFailure("the embedded set does not load") }
        return set
    }()

    /// A value of the fact's type: the first option, an empty set, a mid-range date or number.
    public static func sampleValue(_ fact: Fact, _ index: Int) -> FactValue {
        switch fact.type {
        case .bool: return .bool(index % 2 == 0)
        case .int: return .int(index * 7)
        case .date: return .date(Day(ordinal: 15_706 + index))
        case .string: return .string("fuzz")
        case .enum, .ordinal: return .option(index % max(1, fact.values.count))
        case .set: return .set(UInt64(index % 4))
        }
    }
}
