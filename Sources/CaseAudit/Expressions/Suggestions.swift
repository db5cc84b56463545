/// "Did you mean" suggestions by edit distance.
public enum Suggestions {
    /// The closest candidate within a distance that suits the name's length, or nil (see
    /// ``SuggestionIndex/closest(to:)``). For a list asked once; a list asked for many names is
    /// prepared once as a ``SuggestionIndex``.
    public static func closest(to name: String, in candidates: [String]) -> String? {
        SuggestionIndex(candidates).closest(to: name)
    }

    /// "; did you mean 'x'?" or nothing.
    static func didYouMean(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The Damerau–Levenshtein distance (optimal string alignment: a swap of neighbours costs 1)
    /// if it is at most `bound`, else `bound + 1`.
    static func editDistance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], atMost bound: Int) -> Int {
        var rows: [Int] = []
        return editDistance(x, y, atMost: bound, rows: &rows)
    }

    /// ``editDistance(_:_:atMost:)`` in `rows`, storage kept by the caller from one call to the
    /// next. Only the cells within `bound` of the diagonal are computed (the others are further
    /// than that), and the work stops once two rows in a row are past the bound (every alignment
    /// crosses one of them): O(bound × length).
    static func editDistance(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar], atMost bound: Int, rows: inout [Int]) -> Int {
        let over = bound + 1
        guard abs(x.count - y.count) <= bound else { return over }
        guard !x.isEmpty, !y.isEmpty else { return max(x.count, y.count) }
        // Three rows of y.count + 1 cells, the one before the previous, the previous and the current,
        // taking turns: row i is at offset (i % 3) × width.
        let width = y.count + 1
        if rows.count < 3 * width { rows = [Int](repeating: over, count: 3 * width) }
        return rows.withUnsafeMutableBufferPointer { cells in
            for j in 0...y.count { cells[j] = min(j, over) }
            var previousMinimum = 0
            for i in 1...x.count {
                let current = (i % 3) * width, previous = ((i - 1) % 3) * width, previous2 = ((i + 1) % 3) * width
                let low = max(1, i - bound), high = min(y.count, i + bound)
                // Cells outside the band of row i - 1 hold what an earlier row left there: the band
                // of row i reads row i - 1 one cell beyond its own band on each side, set here.
                cells[current + low - 1] = low == 1 ? min(i, over) : over
                var minimum = cells[current + low - 1]
                for j in low...high {
                    let cost = x[i - 1] == y[j - 1] ? 0 : 1
                    var value = min(cells[previous + j] + 1, cells[current + j - 1] + 1, cells[previous + j - 1] + cost)
                    if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                        value = min(value, cells[previous2 + j - 2] + 1)
                    }
                    cells[current + j] = min(value, over)
                    minimum = min(minimum, cells[current + j])
                }
                if high < y.count { cells[current + high + 1] = over }
                if minimum > bound, previousMinimum > bound { return over }
                previousMinimum = minimum
            }
            return cells[(x.count % 3) * width + y.count]
        }
    }
}
