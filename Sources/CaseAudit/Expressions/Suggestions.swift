/// "Did you mean" suggestions by edit distance.
public enum Suggestions {
    /// The closest candidate within a distance that suits the name's length, or nil.
    public static func closest(to name: String, in candidates: [String]) -> String? {
        let length = name.unicodeScalars.count
        let characters = name.count
        let limit = max(1, min(3, characters / 3))
        var best: (String, Int)?
        for candidate in candidates {
            // A truncation or an extension ("boolean" for "bool") is a likely slip too.
            let affix = min(characters, candidate.count) >= 3 && (name.hasPrefix(candidate) || candidate.hasPrefix(name))
            // Lengths further apart than the limit are further apart than that in edit distance too:
            // the quadratic distance is skipped (a 1 MiB value is compared with nothing).
            let close = abs(length - candidate.unicodeScalars.count) <= limit
            guard close || affix else { continue }
            var distance = close ? editDistance(name, candidate) : limit
            if affix { distance = min(distance, limit) }
            if distance <= limit, distance < (best?.1 ?? .max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// "; did you mean 'x'?" or nothing.
    static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Damerau–Levenshtein distance (optimal string alignment): a swap of neighbours costs 1.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous2 = [Int](repeating: 0, count: y.count + 1)
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[y.count]
    }
}
