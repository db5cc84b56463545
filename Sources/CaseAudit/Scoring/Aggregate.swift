/// A sample split by one fact: a tally per value.
public struct Breakdown: Sendable {
    public var fact: Int
    public var groups: [GroupKey: Tally]
}

/// The distribution of one fact over the sample.
public struct ProfileCount: Sendable {
    public var fact: Int
    public var counts: [GroupKey: Int]

    public init(fact: Int, counts: [GroupKey: Int]) {
        self.fact = fact
        self.counts = counts
    }
}

/// Everything scoring accumulates while cases stream past: the whole sample's tally, the tallies of
/// each breakdown, and the profile counts. Its size depends on the set and the number of distinct
/// values split by, never on the number of cases.
public struct Aggregate: Sendable {
    public let set: CriteriaSet
    public private(set) var tally: Tally
    public private(set) var breakdowns: [Breakdown]
    public private(set) var profile: [ProfileCount]

    /// - Parameters:
    ///   - by: facts (indexes) to split the score tables by.
    ///   - profile: facts (indexes) whose distribution to count.
    public init(_ set: CriteriaSet, by: [Int] = [], profile: [Int] = []) {
        self.set = set
        tally = Tally(set)
        breakdowns = by.map { Breakdown(fact: $0, groups: [:]) }
        self.profile = profile.map { ProfileCount(fact: $0, counts: [:]) }
    }

    public mutating func add(_ evaluation: CaseEvaluation) {
        tally.add(evaluation)
        for index in breakdowns.indices {
            for key in GroupKey.keys(of: evaluation.record.facts[breakdowns[index].fact]) {
                breakdowns[index].groups[key, default: Tally(set)].add(evaluation)
            }
        }
        for index in profile.indices {
            for key in GroupKey.keys(of: evaluation.record.facts[profile[index].fact]) {
                profile[index].counts[key, default: 0] += 1
            }
        }
    }

    /// Adds what another aggregate (of other cases, same set and splits) counted.
    public mutating func merge(_ other: Aggregate) {
        tally.merge(other.tally)
        for index in breakdowns.indices {
            for (key, tally) in other.breakdowns[index].groups {
                breakdowns[index].groups[key, default: Tally(set)].merge(tally)
            }
        }
        for index in profile.indices {
            for (key, count) in other.profile[index].counts { profile[index].counts[key, default: 0] += count }
        }
    }

    /// The default profile: the set's enum, ordinal and set facts, in declared order.
    public static func defaultProfile(_ set: CriteriaSet) -> [Int] {
        set.facts.indices.filter { set.facts[$0].type.hasValues }
    }
}
