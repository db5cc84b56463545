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
    /// The profile facts and their counts, counted by option index (no hashing per case).
    private var profileCounts: [(fact: Int, counts: KeyCounts)]

    /// The distribution of each profile fact.
    public var profile: [ProfileCount] {
        profileCounts.map { ProfileCount(fact: $0.fact, counts: $0.counts.dictionary) }
    }

    /// - Parameters:
    ///   - by: facts (indexes) to split the score tables by.
    ///   - profile: facts (indexes) whose distribution to count.
    public init(_ set: CriteriaSet, by: [Int] = [], profile: [Int] = []) {
        self.set = set
        tally = Tally(set)
        breakdowns = by.map { Breakdown(fact: $0, groups: [:]) }
        profileCounts = profile.map { ($0, KeyCounts()) }
    }

    public mutating func add(_ evaluation: CaseEvaluation) {
        tally.add(evaluation)
        for index in breakdowns.indices {
            GroupKey.forEachKey(of: evaluation.record.facts[breakdowns[index].fact]) { key in
                breakdowns[index].groups[key, default: Tally(set)].add(evaluation)
            }
        }
        for index in profileCounts.indices {
            profileCounts[index].counts.add(evaluation.record.facts[profileCounts[index].fact])
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
        for index in profileCounts.indices { profileCounts[index].counts.merge(other.profileCounts[index].counts) }
    }

    /// The default profile: the set's enum, ordinal and set facts, in declared order.
    public static func defaultProfile(_ set: CriteriaSet) -> [Int] {
        set.facts.indices.filter { set.facts[$0].type.hasValues }
    }
}

/// How many cases fell under each group key of one fact: options (and set elements) counted in an
/// array by index, other values in a dictionary.
struct KeyCounts: Sendable {
    private var options: [Int] = []
    private var noElement = 0
    private var notRecorded = 0
    private var other: [GroupKey: Int] = [:]

    /// Counts a case under each key of its value (as ``GroupKey/keys(of:)``).
    mutating func add(_ value: FactValue?) {
        switch value {
        case nil: notRecorded += 1
        case .option(let option)?: count(option)
        case .set(var bits)?:
            if bits == 0 { noElement += 1 }
            while bits != 0 {
                count(bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        case let value?: other[.value(value), default: 0] += 1
        }
    }

    private mutating func count(_ option: Int, _ cases: Int = 1) {
        if option >= options.count { options += Array(repeating: 0, count: option + 1 - options.count) }
        options[option] += cases
    }

    mutating func merge(_ counts: KeyCounts) {
        for (option, cases) in counts.options.enumerated() where cases > 0 { count(option, cases) }
        noElement += counts.noElement
        notRecorded += counts.notRecorded
        for (key, cases) in counts.other { other[key, default: 0] += cases }
    }

    /// The counts by key, for the keys counted at least once.
    var dictionary: [GroupKey: Int] {
        var counts = other
        for (option, cases) in options.enumerated() where cases > 0 { counts[.value(.option(option))] = cases }
        if noElement > 0 { counts[.noElement] = noElement }
        if notRecorded > 0 { counts[.notRecorded] = notRecorded }
        return counts
    }
}
