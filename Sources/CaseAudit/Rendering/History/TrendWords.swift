/// The cells every trend format shares, so they all say the same thing.
enum TrendWords {
    /// "Outcome public: Protecting the public", with the group when split by a fact.
    static func heading(_ trend: Trend) -> String {
        var text = trend.subject.level.prefix(1).uppercased() + trend.subject.level.dropFirst() + " \(trend.subject.id): \(trend.title.oneLine())"
        if let group = trend.group { text += " — \(group.fact) = \(group.value)" }
        return text
    }

    /// A report row's name: "Outcome: TITLE", or the criterion's id and title.
    static func rowLabel(_ trend: Trend) -> String {
        if case .outcome = trend.subject { return "Outcome: " + trend.title }
        return trend.title
    }

    static func set(_ stamp: RoundStamp) -> String { "\(stamp.setID) \(stamp.setVersion)" }

    /// `74.0–88.1%`, or "–".
    static func interval(_ point: TrendPoint) -> String {
        guard let interval = point.interval else { return "–" }
        return Percent.number(interval.low) + "–" + Percent.text(interval.high)
    }

    /// The change in percentage points, signed: `+7.1`, `−3.0`, `0.0`; "–" for none.
    static func change(_ point: TrendPoint) -> String {
        guard let change = point.change else { return "–" }
        let tenths = Percent.tenths(abs(change))
        let text = "\(tenths / 10).\(tenths % 10)"
        return tenths == 0 ? text : (change > 0 ? "+" : "−") + text
    }

    /// The verdict, or why there is none.
    static func verdict(_ point: TrendPoint, first: Bool) -> String {
        if !point.comparable { return "not comparable" }
        if let verdict = point.verdict { return verdict.rawValue }
        if first { return "–" }
        return point.figure?.score == nil ? "no score" : "no earlier score"
    }

    /// Notes under a trend: where the set changed, and what that means for the comparison.
    static func notes(_ trend: Trend) -> [String] {
        var notes: [String] = []
        for (number, point) in trend.points.enumerated() where !point.setChanges.isEmpty && number > 0 {
            let ids = point.setChanges.joined(separator: ", ")
            let before = trend.points[number - 1].round
            let changed = "\(point.round.label) (\(set(point.round))) against \(before.label) (\(set(before)))"
            if case .question = trend.subject {
                notes.append("\(changed): the question is defined differently or missing in one of the sets, so the two rounds are not compared.")
            } else {
                notes.append("\(changed): the criteria set changed; questions not comparable: \(ids). The change is across a changed set: read it with care.")
            }
        }
        return notes
    }

    static let method = "Score as recorded. 95% interval: Wilson, on sufficient ÷ answers, with n = answers for a question and n = cases (the base) for a criterion or outcome. Verdict: two-proportion z-test against the previous round at the 5% level (|z| ≥ 1.96); otherwise no clear change. See docs/history.md."
}
