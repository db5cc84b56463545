/// Names to suggest for "did you mean", prepared once (a schema's fact names and question ids), so
/// that many unknown names cost little each: every candidate's scalars are made once, candidates
/// are grouped by length so a name is compared only with those whose length is within the
/// suggestion limit of its own, and truncations and extensions are found by one walk down a
/// tree of the candidates' characters. A candidate whose character counts alone put it past the
/// limit is passed over before its edit distance is computed. One name costs at most a check of
/// counts and an edit distance (bounded) per candidate of a length within 3 of its own, plus a
/// walk no longer than the longest candidate.
public struct SuggestionIndex: Sendable {
    private let candidates: [String]
    private let scalars: [[Unicode.Scalar]]
    /// Candidate indexes by length in scalars, in candidate order.
    private let byLength: [[Int]]
    /// The tree of the candidates' characters: node 0 is the root; the edge from a node by a
    /// character leads to the node of that longer prefix.
    private let edges: [Edge: Int]
    /// The first candidate that is exactly the prefix of each node, if any.
    private let ends: [Int?]
    /// The first candidate of at least `affixLength` characters at or below each node, if any.
    private let firstBelow: [Int?]
    /// Each candidate's scalars counted by bucket (``bucket(_:)``): candidate `i`'s buckets are
    /// `tallies[tallyStart[i]..<tallyStart[i + 1]]`, each bucket once.
    private let tallies: [Tally]
    private let tallyStart: [Int]
    /// Each candidate's buckets folded to 64 (``mask(_:)``): a check cheaper than the counts,
    /// and never stronger, so it only saves looking at them.
    private let masks: [UInt64]

    private struct Tally: Sendable {
        var bucket: Int
        var count: Int
    }

    /// Scalars are counted in 128 buckets, by their low 7 bits: one per ASCII character. Scalars
    /// that share a bucket are counted as one character, which can only lower the count bound.
    private static let buckets = 128
    private static func bucket(_ scalar: Unicode.Scalar) -> Int { Int(scalar.value & 127) }
    /// One bit for each of 64 buckets that holds a scalar of `scalars`.
    private static func mask(_ scalars: [Unicode.Scalar]) -> UInt64 {
        scalars.reduce(0) { $0 | 1 << UInt64($1.value & 63) }
    }

    private struct Edge: Hashable, Sendable {
        var node: Int
        var character: Character
    }

    /// A truncation or an extension of a name is suggested only when both have this many characters.
    private static let affixLength = 3
    /// The largest suggestion limit (for names of 9 characters or more).
    static let largestLimit = 3

    public init(_ candidates: [String]) {
        self.candidates = candidates
        scalars = candidates.map { Array($0.unicodeScalars) }
        var byLength = [[Int]](repeating: [], count: (scalars.map(\.count).max() ?? 0) + 1)
        for (index, candidate) in scalars.enumerated() { byLength[candidate.count].append(index) }
        self.byLength = byLength
        var tallies: [Tally] = [], tallyStart = [0], counts = [Int](repeating: 0, count: Self.buckets)
        for candidate in scalars {
            for scalar in candidate { counts[Self.bucket(scalar)] += 1 }
            for scalar in candidate where counts[Self.bucket(scalar)] > 0 {
                tallies.append(Tally(bucket: Self.bucket(scalar), count: counts[Self.bucket(scalar)]))
                counts[Self.bucket(scalar)] = 0
            }
            tallyStart.append(tallies.count)
        }
        self.tallies = tallies
        self.tallyStart = tallyStart
        masks = scalars.map(Self.mask)
        var edges: [Edge: Int] = [:]
        var ends: [Int?] = [nil]
        var firstBelow: [Int?] = [nil]
        for (index, candidate) in candidates.enumerated() {
            let long = candidate.count >= Self.affixLength
            var node = 0
            if long, firstBelow[node] == nil { firstBelow[node] = index }
            for character in candidate {
                let edge = Edge(node: node, character: character)
                if let next = edges[edge] {
                    node = next
                } else {
                    node = ends.count
                    edges[edge] = node
                    ends.append(nil)
                    firstBelow.append(nil)
                }
                if long, firstBelow[node] == nil { firstBelow[node] = index }
            }
            if ends[node] == nil { ends[node] = index }
        }
        self.edges = edges
        self.ends = ends
        self.firstBelow = firstBelow
    }

    /// The closest candidate within a distance that suits the name's length (1 up to 5
    /// characters, 2 up to 8, then 3), or nil; among equally close ones, the first. A candidate
    /// that the name starts with, or that starts with the name, counts as within the limit when
    /// both have at least 3 characters ("boolean" for "bool").
    public func closest(to name: String) -> String? {
        var work = Work()
        return closest(to: name, work: &work)
    }

    /// What looking for one name cost (for tests).
    struct Work {
        /// Candidates looked at: of a length within the limit, their characters checked against the name's.
        var lookedAt = 0
        /// Edit distances computed: candidates that the counts left within the limit.
        var distances = 0
    }

    /// ``closest(to:)``, adding what it does to `work`.
    func closest(to name: String, work: inout Work) -> String? {
        // Down the tree along the name's characters: the candidates the name starts with are met on
        // the way; if the whole name is walked, every candidate below starts with it. Only the
        // first such candidate matters: each counts as at the limit.
        var characters = 0
        var node: Int? = 0
        var affix: Int?
        for character in name {
            characters += 1
            if let from = node {
                node = edges[Edge(node: from, character: character)]
                if let reached = node, characters >= Self.affixLength, let end = ends[reached] { affix = min(affix ?? end, end) }
            } else if characters >= Self.largestLimit * 3 {
                break  // the limit is known and no candidate is a prefix of the name
            }
        }
        if let reached = node, characters >= Self.affixLength, let first = firstBelow[reached] { affix = min(affix ?? first, first) }
        let limit = max(1, min(Self.largestLimit, characters / 3))

        var best: (distance: Int, index: Int)? = affix.map { (limit, $0) }
        // The name's scalars, as far as a candidate could be within the limit in length.
        let longest = byLength.count - 1
        var x: [Unicode.Scalar] = []
        for scalar in name.unicodeScalars {
            guard x.count <= longest + limit else { return best.map { candidates[$0.index] } }
            x.append(scalar)
        }
        let shortest = max(0, x.count - limit)
        guard shortest <= longest else { return best.map { candidates[$0.index] } }
        var rows: [Int] = []
        var counts = [Int](repeating: 0, count: Self.buckets)
        for scalar in x { counts[Self.bucket(scalar)] += 1 }
        let mask = Self.mask(x)
        for length in shortest...min(longest, x.count + limit) {
            let nameLonger = max(0, x.count - length)
            for index in byLength[length] {
                work.lookedAt += 1
                // A bucket the candidate has and the name lacks is at least one character too many.
                guard nameLonger + (masks[index] & ~mask).nonzeroBitCount <= limit,
                      countBound(index, nameLonger: nameLonger, name: counts, limit: limit) <= limit else { continue }
                work.distances += 1
                let distance = Suggestions.editDistance(x, scalars[index], atMost: limit, rows: &rows)
                if distance <= limit, best.map({ (distance, index) < ($0.distance, $0.index) }) ?? true { best = (distance, index) }
            }
        }
        return best.map { candidates[$0.index] }
    }

    /// A lower bound on the edit distance between the name and candidate `index`, from character
    /// counts alone, worked out only as far as `limit + 1`. Turning the name into the candidate, an
    /// insertion or a substitution makes up at most one of the characters the candidate has more
    /// of than the name; a deletion or a substitution at most one of those the name has more of; a
    /// swap of neighbours changes no count. So the distance is at least the first number (summed
    /// here), and at least the second, which is the first plus `nameLonger`, by how much the name
    /// is the longer.
    private func countBound(_ index: Int, nameLonger: Int, name counts: [Int], limit: Int) -> Int {
        var bound = nameLonger
        for tally in tallies[tallyStart[index]..<tallyStart[index + 1]] {
            bound += max(0, tally.count - counts[tally.bucket])
            if bound > limit { break }
        }
        return bound
    }
}
