/// Working-day arithmetic: Monday to Friday, minus the criteria set's holidays.
enum WorkingDays {
    /// Working days after `from` up to and including `to`; negative when `to` is before `from`.
    static func between(_ from: Day, _ to: Day, holidays: Set<Day>) -> Int {
        if to < from { return -between(to, from, holidays: holidays) }
        var count = 0
        var day = from.ordinal + 1
        while day <= to.ordinal {
            let date = Day(ordinal: day)
            if !date.isWeekend && !holidays.contains(date) { count += 1 }
            day += 1
        }
        return count
    }
}
