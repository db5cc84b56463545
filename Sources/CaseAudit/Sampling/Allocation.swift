/// Proportional allocation of a sample across strata by the largest-remainder (Hamilton) method,
/// with an upper bound per stratum.
///
/// Each stratum's exact share is `total × weight ÷ Σweights`. A stratum whose exact share exceeds what
/// it can give (its capacity) gets its capacity, and the rest is shared again among the others, until
/// no share exceeds a capacity. Then every stratum gets the whole part of its share, and the seats
/// left over go one each to the largest fractional parts (ties: the larger weight, then the earlier
/// stratum). Exact integer arithmetic throughout: the same inputs give the same allocation anywhere.
public enum Allocation {
    /// Shares `total` across strata; the result sums to `min(total, Σcapacities over strata with
    /// weight > 0)` and never exceeds a capacity.
    public static func largestRemainder(_ total: Int, weights: [Int], capacities: [Int]) -> [Int] {
        precondition(weights.count == capacities.count, "one capacity per weight")
        var result = [Int](repeating: 0, count: weights.count)
        var active = weights.indices.filter { weights[$0] > 0 && capacities[$0] > 0 }
        var remaining = min(max(total, 0), active.reduce(0) { $0 + capacities[$1] })
        while remaining > 0, !active.isEmpty {
            let sum = active.reduce(0) { $0 + weights[$1] }
            // Strata whose exact share is more than they can give are filled, and the rest shared again.
            let overfull = active.filter { remaining * weights[$0] > capacities[$0] * sum }
            if !overfull.isEmpty {
                for index in overfull {
                    result[index] = capacities[index]
                    remaining -= capacities[index]
                }
                active.removeAll { overfull.contains($0) }
                continue
            }
            var fractions: [(index: Int, remainder: Int)] = []
            var given = 0
            for index in active {
                let whole = remaining * weights[index] / sum
                result[index] = whole
                given += whole
                fractions.append((index, remaining * weights[index] % sum))
            }
            fractions.sort { lhs, rhs in
                if lhs.remainder != rhs.remainder { return lhs.remainder > rhs.remainder }
                if weights[lhs.index] != weights[rhs.index] { return weights[lhs.index] > weights[rhs.index] }
                return lhs.index < rhs.index
            }
            for entry in fractions.prefix(remaining - given) { result[entry.index] += 1 }
            remaining = 0
        }
        return result
    }
}
