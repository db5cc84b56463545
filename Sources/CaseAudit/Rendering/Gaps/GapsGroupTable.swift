/// The summary of a grouped gaps run (`gaps --by`): one row per group with its cases, the cases
/// with gaps, the gaps, and the share of scored answers that are sufficient.
enum GapsGroupTable {
    static func table(_ facts: [Fact], _ groups: [GapsRun.Group]) -> TextTable {
        var table = TextTable(
            facts.map(\.label) + ["Cases", "With gaps", "Gaps", "Sufficient answers"],
            alignments: facts.map { _ in .left } + [.right, .right, .right, .right])
        for group in groups {
            table.add(zip(facts, group.keys).map { $1.label($0) } + [
                "\(group.cases)", "\(group.casesWithGaps)", "\(group.gaps)",
                Percent.text(group.score) + " (\(group.sufficient) of \(group.assessed))",
            ])
        }
        return table
    }

    /// "Offender manager: OM-01 · Type of case: licence".
    static func title(_ facts: [Fact], _ keys: [GroupKey]) -> String {
        zip(facts, keys).map { "\($0.label): \($1.label($0))" }.joined(separator: " · ")
    }
}
