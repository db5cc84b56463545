/// Working-day arithmetic: Monday to Friday, minus the criteria set's holidays.
///
/// Counting is O(log holidays) per pair whatever the span: weekdays come from whole weeks plus the
/// days left over, holidays from two binary searches in the sorted list of those on weekdays.
struct WorkingDays: Sendable {
    /// The holidays that fall on a weekday, sorted, each once (a weekend holiday changes nothing).
    private let holidays: [Int]

    init(holidays: some Sequence<Day>) {
        self.holidays = Set(holidays.filter { !$0.isWeekend }.map(\.ordinal)).sorted()
    }

    /// Working days after `from` up to and including `to`; negative when `to` is before `from`.
    func between(_ from: Day, _ to: Day) -> Int {
        if to < from { return -between(to, from) }
        let weekdays = Self.weekdays(before: to.ordinal + 1) - Self.weekdays(before: from.ordinal + 1)
        return weekdays - (Self.firstIndex(in: holidays, above: to.ordinal) - Self.firstIndex(in: holidays, above: from.ordinal))
    }

    /// Monday to Friday days from a fixed Monday (ordinal -3, 1969-12-29) up to `ordinal`
    /// (excluded); negative before that Monday. Ordinals are within ``Day/range``, so nothing overflows.
    private static func weekdays(before ordinal: Int) -> Int {
        let days = ordinal + 3
        let weeks = days >= 0 ? days / 7 : (days - 6) / 7  // floor division
        let rest = days - weeks * 7  // 0 (Monday) … 6
        return weeks * 5 + min(rest, 5)
    }

    /// The index of the first element greater than `value` in a sorted array.
    private static func firstIndex(in sorted: [Int], above value: Int) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
