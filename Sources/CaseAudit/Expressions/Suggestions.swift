/// "Did you mean" suggestions by edit distance.
public enum Suggestions {
    /// The closest candidate within a distance that suits the name's length, or nil. Each
    /// candidate costs O(limit × length) at most, whatever the name (a long or garbled key is
    /// given up on after a few characters), so a file of many unknown keys is read in linear time.
    public static func closest(to name: String, in candidates: [String]) -> String? {
        let length = name.unicodeScalars.count
        let characters = name.count
        let limit = max(1, min(3, characters / 3))
        var scalars: [Unicode.Scalar]?  // made once a candidate is close in length
        var best: (String, Int)?
        for candidate in candidates {
            // A truncation or an extension ("boolean" for "bool") is a likely slip too.
            let affix = min(characters, candidate.count) >= 3 && (name.hasPrefix(candidate) || candidate.hasPrefix(name))
            // Lengths further apart than the limit are further apart than that in edit distance too
            // (a 1 MiB value is compared with nothing).
            let close = abs(length - candidate.unicodeScalars.count) <= limit
            guard close || affix else { continue }
            var distance = limit
            if close {
                let x = scalars ?? Array(name.unicodeScalars)
                scalars = x
                distance = editDistance(x, Array(candidate.unicodeScalars), atMost: limit)
            }
            if affix { distance = min(distance, limit) }
            if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// "; did you mean 'x'?" or nothing.
    static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The Damerau–Levenshtein distance (optimal string alignment: a swap of neighbours costs 1)
    /// if it is at most `bound`, else `bound + 1`. Only the cells within `bound` of the diagonal
    /// are computed (the others are further than that), and the work stops once two rows in a
    /// row are past the bound (every alignment crosses one of them): O(bound × length).
    static func editDistance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], atMost bound: Int) -> Int {
        let over = bound + 1
        guard abs(x.count - y.count) <= bound else { return over }
        guard !x.isEmpty, !y.isEmpty else { return max(x.count, y.count) }
        var previous2 = [Int](repeating: over, count: y.count + 1)
        var previous = (0...y.count).map { min($0, over) }
        var current = [Int](repeating: over, count: y.count + 1)
        var previousMinimum = 0
        for i in 1...x.count {
            let low = max(1, i - bound), high = min(y.count, i + bound)
            current[low - 1] = low == 1 ? min(i, over) : over
            var minimum = current[low - 1]
            for j in low...high {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = min(value, over)
                minimum = min(minimum, current[j])
            }
            if high < y.count { current[high + 1] = over }
            if minimum > bound, previousMinimum > bound { return over }
            previousMinimum = minimum
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }
}
