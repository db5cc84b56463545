import Foundation
import Testing
@testable import CaseAudit

/// "Did you mean": the edit distance is computed only as far as the suggestion limit (found by
/// fuzzing: a case file of many unknown answer keys, each compared in full with every question id,
/// took minutes for a few megabytes).
@Suite("Suggestions")
struct SuggestionTests {
    /// The full optimal-string-alignment distance, cell by cell: the reference.
    static func reference(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in stride(from: 1, through: x.count, by: 1) {
            for j in stride(from: 1, through: y.count, by: 1) {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[x.count][y.count]
    }

    static func distance(_ a: String, _ b: String, _ bound: Int) -> Int {
        Suggestions.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), atMost: bound)
    }

    @Test("distances worked by hand: exact up to the bound, bound + 1 beyond it")
    func byHand() {
        #expect(Self.distance("rosh", "rsoh", 3) == 1)  // one swap of neighbours
        #expect(Self.distance("kitten", "sitting", 3) == 3)  // k→s, e→i, +g
        #expect(Self.distance("kitten", "sitting", 2) == 3)  // past the bound: 2 + 1
        #expect(Self.distance("abc", "xyz", 1) == 2)
        #expect(Self.distance("ca", "abc", 3) == 3)  // OSA, not true Damerau–Levenshtein (2)
        #expect(Self.distance("", "ab", 3) == 2)
        #expect(Self.distance("abcdefgh", "ab", 3) == 4)  // lengths 6 apart
        #expect(Self.distance("café", "cafe", 1) == 1)  // by scalars
    }

    @Test("on 20,000 pairs of short strings the bounded distance is min(full distance, bound + 1)")
    func againstReference() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15  // a fixed seed: the same pairs every run
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        let letters = Array("abc_")
        func word() -> String { String((0..<next(10)).map { _ in letters[next(letters.count)] }) }
        for _ in 0..<20_000 {
            let a = word()
            // Half the pairs are near misses of each other: a few edits of the same word.
            var b = next(2) == 0 ? word() : a
            if b == a {
                var characters = Array(a)
                for _ in 0..<next(4) where !characters.isEmpty { characters[next(characters.count)] = letters[next(letters.count)] }
                b = String(characters)
            }
            let bound = 1 + next(3)
            let expected = min(Self.reference(a, b), bound + 1)
            #expect(Self.distance(a, b, bound) == expected, "\(a) ~ \(b) within \(bound)")
        }
    }

    @Test("suggestions are as before: the closest within the limit, truncations and extensions")
    func closest() {
        let ids = ["rosh.screening_sufficient", "rmp.sufficient", "plan.timely", "cp.attention"]
        #expect(Suggestions.closest(to: "rmp.sufficeint", in: ids) == "rmp.sufficient")
        #expect(Suggestions.closest(to: "plan.timly", in: ids) == "plan.timely")
        #expect(Suggestions.closest(to: "rmp.sufficient_x", in: ids) == "rmp.sufficient")  // an extension
        #expect(Suggestions.closest(to: "rmpxsuffaciantz", in: ids) == nil)
        #expect(Suggestions.closest(to: String(repeating: "x", count: 1 << 20), in: ids) == nil)
    }

    /// The suggestion as it was chosen before candidates were indexed: every candidate looked at,
    /// its length and affix relation worked out from the strings. The reference for the index.
    static func referenceClosest(to name: String, in candidates: [String]) -> String? {
        let characters = name.count
        let limit = max(1, min(3, characters / 3))
        var best: (String, Int)?
        for candidate in candidates {
            let affix = min(characters, candidate.count) >= 3 && (name.hasPrefix(candidate) || candidate.hasPrefix(name))
            let close = abs(name.unicodeScalars.count - candidate.unicodeScalars.count) <= limit
            guard close || affix else { continue }
            var distance = limit
            if close { distance = reference(name, candidate) }
            if affix { distance = min(distance, limit) }
            if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    @Test("the index suggests what looking at every candidate suggests: 5,000 names against seeded candidate lists")
    func indexAgainstReference() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D  // a fixed seed
        func next(_ n: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(n))
        }
        // Few letters, so names share prefixes and near misses; "é" composed and "e" + U+0301
        // decomposed are one character of one or two scalars; a repeated candidate tests the order.
        // "i" and "é" (U+00E9) share a bucket of the count bound.
        let letters = ["a", "b", ".", "_", "é", "e\u{301}", "x", "i"]
        func word(_ most: Int) -> String { (0..<next(most)).map { _ in letters[next(letters.count)] }.joined() }
        for round in 0..<100 {
            var candidates = (0..<(1 + next(30))).map { _ in word(12) }
            if round % 2 == 0, let first = candidates.first { candidates.append(first) }
            let index = SuggestionIndex(candidates)
            for _ in 0..<50 {
                // Half the names are edits, truncations or extensions of a candidate.
                var name = word(14)
                if next(2) == 0 {
                    var characters = Array(candidates[next(candidates.count)])
                    switch next(4) {
                    case 0: characters = Array(characters.prefix(next(characters.count + 1)))
                    case 1: characters += Array(word(5))
                    default:
                        for _ in 0..<next(3) where !characters.isEmpty { characters[next(characters.count)] = Character(letters[next(letters.count)]) }
                    }
                    name = String(characters)
                }
                #expect(index.closest(to: name) == Self.referenceClosest(to: name, in: candidates), "\(name) in \(candidates)")
            }
        }
    }

    @Test("work per name is bounded by construction: only candidates within the limit of its length are looked at, and only those whose character counts allow it are compared")
    func boundedWork() {
        // 10 candidates of every length from 1 to 40 scalars: 400 in all, "q", the digit k, then "z"s.
        let candidates = (1...40).flatMap { length in
            (0..<10).map { k in "q\(k)" + String(repeating: "z", count: max(0, length - 2)) }.map { String($0.prefix(length)) }
        }
        let index = SuggestionIndex(candidates)
        var work = SuggestionIndex.Work()
        // 20 characters: the limit is 3, so the lengths 17 to 23 are looked at: 7 × 10 = 70 of the
        // 400. None has a "w", so each has at least 17 characters the name lacks: no distance.
        #expect(index.closest(to: String(repeating: "w", count: 20), work: &work) == nil)
        #expect(work.lookedAt == 70)
        #expect(work.distances == 0)
        // "q3" and 18 "z", 20 characters: the same 70 looked at. Against the name, a candidate of
        // length L has max(0, 20 − L) characters too few, max(0, L − 20) "z"s too many, and one
        // digit too many unless it is "3": the bound is |L − 20| for the 7 with "3" (all within 3),
        // 1 + |L − 20| for the others (within 3 for L = 18 … 22: 5 × 9 = 45). 52 distances.
        work = SuggestionIndex.Work()
        #expect(index.closest(to: "q3" + String(repeating: "z", count: 18), work: &work) == "q3" + String(repeating: "z", count: 18))
        #expect(work.lookedAt == 70)
        #expect(work.distances == 52)
        // 4 characters: the limit is 1, lengths 3 to 5: 30 looked at; each candidate has at least 3
        // characters that are not "w": no distance.
        work = SuggestionIndex.Work()
        _ = index.closest(to: "wwww", work: &work)
        #expect(work.lookedAt == 30)
        #expect(work.distances == 0)
        // Longer than every candidate by more than the limit: none looked at, however long.
        work = SuggestionIndex.Work()
        #expect(index.closest(to: String(repeating: "w", count: 44), work: &work) == nil)
        #expect(index.closest(to: String(repeating: "w", count: 1 << 20), work: &work) == nil)
        #expect(work.lookedAt == 0)
        // An extension of candidates, longer than all of them: found by the walk down the tree of
        // characters, with nothing looked at. "q3z" … "q3zzzzzzzzzzz" all count as at the
        // limit; the first of them in the list is suggested.
        #expect(index.closest(to: "q3zzzzzzzzzzz" + String(repeating: "w", count: 1 << 20), work: &work) == "q3z")
        #expect(work.lookedAt == 0)
    }

    @Test("a lazy index, asked from many threads at once, suggests what an index made at once suggests")
    func lazyIndexShared() async {
        let candidates = ["rosh.screening_sufficient", "rmp.sufficient", "plan.timely", "cp.attention"]
        let names = ["rmp.sufficeint", "plan.timly", "rmp.sufficient_x", "rmpxsuffaciantz", "cp.atention", "x"]
        let expected = names.map { SuggestionIndex(candidates).closest(to: $0) }
        #expect(expected == ["rmp.sufficient", "plan.timely", "rmp.sufficient", nil, "cp.attention", nil])
        let lazy = LazySuggestionIndex(candidates)
        let answers = await withTaskGroup(of: [String?].self) { group in
            for _ in 0..<8 { group.addTask { names.map { lazy.closest(to: $0) } } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(answers == Array(repeating: expected, count: 8))
    }

    @Test("5,000 unknown answer keys in one case: one located error each, a suggestion where one is near")
    func manyUnknownKeys() throws {
        let directory = try Executable.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Keys as long as the set's ids and sharing their shape, but 4 or more edits from every one.
        let keys = (0..<5_000).map { "rmp.q\(String($0 + 10_000, radix: 36))_\(String($0, radix: 36))z" }
        let text = "case: K-1\nfacts:\n  case_type: licence\nanswers:\n  rmp.sufficeint: yes\n"
            + keys.map { "  \($0): yes\n" }.joined()
        let path = try HostileCaseInputTests.write(Array(text.utf8), "keys.yaml", in: directory)
        let read = try HostileCaseInputTests.read([path])
        let unknown = read.diagnostics.filter { $0.code == "case.unknown-question" }
        #expect(unknown.count == 5_001)
        #expect(unknown.first?.message == "unknown question 'rmp.sufficeint'; did you mean 'rmp.sufficient'?")
        #expect(unknown.first.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0)" } == "5:3")
        #expect(unknown.last?.message == "unknown question '\(keys[4_999])'")
        #expect(unknown.last?.location?.line == 5_005)
    }
}
