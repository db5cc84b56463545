/// The allocation table of a drawn sample, for the terminal: what was left out, then population,
/// share, sample and reserves per stratum.
public enum SampleText {
    public static func render(_ result: SampleResult) -> String {
        let plan = result.plan
        var out = "Sample of \(result.picks.filter { $0.status == .sample }.count) cases"
        out += plan.reserveCount > 0 ? " and \(result.picks.filter { $0.status == .reserve }.count) reserves" : ""
        out += " from \(result.caseload.source.path) (seed \(plan.seedText))\n\n"
        out += "\(result.rows) \(plural(result.rows, "case", "cases")) in the caseload\n"
        for exclusion in result.excluded {
            out += "  − \(exclusion.count) left out by --exclude '\(exclusion.condition)'\n"
        }
        for duplicate in result.duplicates where duplicate.count > 0 {
            out += "  − \(duplicate.count) \(plural(duplicate.count, "duplicate", "duplicates")) by \(duplicate.key) (the earliest kept)\n"
        }
        out += "\(result.eligible) eligible\n\n"
        var table = TextTable(["Stratum", "Population", "Share", "Sample", "Reserve"],
                              alignments: [.left, .right, .right, .right, .right])
        let eligible = result.eligible
        for stratum in result.strata {
            let share = eligible == 0 ? "–" : Percent.text(Double(stratum.population) / Double(eligible))
            table.add([stratum.name, String(stratum.population), share, String(stratum.sample), String(stratum.reserve)])
        }
        let sampled = result.strata.reduce(0) { $0 + $1.sample }
        let reserved = result.strata.reduce(0) { $0 + $1.reserve }
        table.add(["Total", String(eligible), eligible == 0 ? "–" : "100.0%", String(sampled), String(reserved)])
        out += table.render()
        for cap in result.capped {
            out += "\nAt most \(cap.max) per \(cap.column): \(cap.values) \(plural(cap.values, "value", "values")) reached the cap\n"
        }
        return out
    }

    private static func plural(_ count: Int, _ one: String, _ many: String) -> String { count == 1 ? one : many }
}
