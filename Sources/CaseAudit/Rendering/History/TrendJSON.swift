#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `caseaudit history trend --format json`. Percentages have one decimal, as in `score`.
public enum TrendJSON {
    public static func render(_ report: TrendReport) -> String { document(report).text() + "\n" }

    public static func document(_ report: TrendReport) -> JSON {
        .object([
            ("rounds", .array(report.rounds.map { stamp($0) })),
            ("method", .string(TrendWords.method)),
            ("trends", .array(report.trends.map { trend in
                .object([
                    ("level", .string(trend.subject.level)), ("id", .string(trend.subject.id)), ("title", .string(trend.title)),
                    ("fact", .optional(trend.group?.fact)), ("value", .optional(trend.group?.value)),
                    ("points", .array(trend.points.map(point))),
                    ("notes", .array(TrendWords.notes(trend).map(JSON.string))),
                ])
            })),
        ])
    }

    static func stamp(_ stamp: RoundStamp) -> JSON {
        .object([
            ("round", .string(stamp.label)), ("date", .optional(stamp.date?.description)), ("set_id", .string(stamp.setID)),
            ("set_version", .string(stamp.setVersion)), ("set_sha256", .string(stamp.setHash)),
        ])
    }

    static func point(_ point: TrendPoint) -> JSON {
        let figure = point.figure
        return .object([
            ("round", .string(point.round.label)),
            ("score", .optional(Percent.value(figure?.score))), ("small_base", figure.map { .bool($0.smallBase) } ?? .null),
            ("sufficient", figure.map { .int($0.sufficient) } ?? .null), ("answers", figure.map { .int($0.answers) } ?? .null),
            ("base", figure.map { .int($0.cases) } ?? .null),
            ("proportion", .optional(Percent.value(point.proportion?.value))), ("n", point.proportion.map { .int($0.n) } ?? .null),
            ("interval", point.interval.map { .array([.optional(Percent.value($0.low)), .optional(Percent.value($0.high))]) } ?? .null),
            ("change", .optional(point.change.map { Double(Percent.tenths(abs($0))) / 10 * ($0 < 0 ? -1 : 1) })),
            ("z", .optional(point.z.map { rounded($0, places: 3) })),
            ("verdict", .optional(point.verdict?.rawValue)), ("comparable", .bool(point.comparable)),
            ("set_changes", .array(point.setChanges.map(JSON.string))),
        ])
    }

    /// Rounded half away from zero to a number of decimals.
    static func rounded(_ value: Double, places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }
}
