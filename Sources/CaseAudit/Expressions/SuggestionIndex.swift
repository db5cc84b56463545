/// Names to suggest for "did you mean", prepared once (a schema's fact names and question ids), so
/// that many unknown names cost little each: every candidate's scalars are made once, candidates
/// are grouped by length so a name is compared only with those whose length is within the
/// suggestion limit of its own, and truncations and extensions are found by one walk down a
/// tree of the candidates' characters. One name costs at most one edit distance (bounded) per
/// candidate of a length within 3 of its own, plus a walk no longer than the longest candidate.
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
        var comparisons = 0
        return closest(to: name, comparisons: &comparisons)
    }

    /// ``closest(to:)``, adding to `comparisons` the edit distances it computes (for tests).
    func closest(to name: String, comparisons: inout Int) -> String? {
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
        for length in shortest...min(longest, x.count + limit) {
            for index in byLength[length] {
                comparisons += 1
                let distance = Suggestions.editDistance(x, scalars[index], atMost: limit, rows: &rows)
                if distance <= limit, best.map({ (distance, index) < ($0.distance, $0.index) }) ?? true { best = (distance, index) }
            }
        }
        return best.map { candidates[$0.index] }
    }
}
