/// Agreement between two raters over items each rated into one of `categories`: the count, the
/// share that agree, and Cohen's kappa (agreement beyond what chance alone would give) with its
/// large-sample standard error.
public struct Agreement: Sendable, Equatable {
    /// `matrix[i][j]`: items the first rater put in category i and the second in j.
    public private(set) var matrix: [[Int]]

    public init(categories: Int) {
        matrix = Array(repeating: Array(repeating: 0, count: categories), count: categories)
    }

    public mutating func add(_ first: Int, _ second: Int) {
        matrix[first][second] += 1
    }

    /// Adds another table of the same categories.
    public mutating func add(_ other: Agreement) {
        for i in matrix.indices { for j in matrix[i].indices { matrix[i][j] += other.matrix[i][j] } }
    }

    /// Items rated by both.
    public var count: Int { matrix.reduce(0) { $0 + $1.reduce(0, +) } }
    /// Items on which they agree.
    public var agreed: Int { matrix.indices.reduce(0) { $0 + matrix[$1][$1] } }

    /// Observed agreement p₀, or nil with no items.
    public var observed: Double? { count == 0 ? nil : Double(agreed) / Double(count) }

    /// Agreement expected by chance, pₑ = Σ (row share × column share), or nil with no items.
    public var expected: Double? {
        let n = Double(count)
        guard n > 0 else { return nil }
        return matrix.indices.reduce(0.0) { sum, i in
            let row = Double(matrix[i].reduce(0, +))
            let column = Double(matrix.reduce(0) { $0 + $1[i] })
            return sum + (row / n) * (column / n)
        }
    }

    /// Cohen's kappa, (p₀ − pₑ) ÷ (1 − pₑ); nil with no items, or when pₑ = 1 (both raters used one
    /// and the same category throughout: kappa is undefined, though they agree on every item).
    public var kappa: Double? {
        guard let observed, let expected, expected < 1 - 1e-12 else { return nil }
        return (observed - expected) / (1 - expected)
    }

    /// The standard error of kappa, √(p₀(1 − p₀) ÷ (n(1 − pₑ)²)) (Cohen 1960); nil where kappa is.
    public var standardError: Double? {
        guard kappa != nil, let observed, let expected else { return nil }
        return (observed * (1 - observed) / (Double(count) * (1 - expected) * (1 - expected))).squareRoot()
    }
}

/// The Landis and Koch (1977) words for a kappa: a convention for reading it, not a test.
public enum KappaReading: String, Sendable, CaseIterable {
    case poor, slight, fair, moderate, substantial, almostPerfect = "almost perfect"

    /// The reading of a kappa, taken at two decimals as shown: below 0 poor, to 0.20 slight, to
    /// 0.40 fair, to 0.60 moderate, to 0.80 substantial, above almost perfect.
    public init(_ kappa: Double) {
        let hundredths = Int((kappa * 100).rounded(.toNearestOrAwayFromZero))
        switch hundredths {
        case ..<0: self = .poor
        case 0...20: self = .slight
        case 21...40: self = .fair
        case 41...60: self = .moderate
        case 61...80: self = .substantial
        default: self = .almostPerfect
        }
    }
}
