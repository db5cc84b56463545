/// What `caseaudit report` puts in the report, and in which format.
public struct ReportOptions: Sendable {
    /// The report's file format.
    public enum Format: String, Sendable, CaseIterable {
        /// One self-contained HTML file: inline CSS and SVG charts, each with its data table.
        case html
        /// The same sections as Markdown, with tables in place of charts.
        case markdown
    }

    public var format: Format
    /// The heading; nil: "Case audit report".
    public var title: String?
    /// The report's date, printed only when given (the output never reads the clock).
    public var date: Day?
    /// Facts (indexes) to break the outcome and criterion scores down by.
    public var by: [Int]
    /// Facts (indexes) of the sample profile.
    public var profile: [Int]
    /// A fact (index) to group the per-case gaps by, e.g. the offender manager.
    public var gapsBy: Int?
    /// Print the assessors' notes beside the gaps.
    public var includeNotes: Bool
    /// End with the per-case gaps (false: the figures only, e.g. `score --format html`).
    public var includesGaps: Bool
    /// Earlier rounds to compare with (`--history DB`): each outcome's and criterion's trend.
    public var history: ReportHistory?

    public init(
        format: Format = .html, title: String? = nil, date: Day? = nil, by: [Int] = [], profile: [Int],
        gapsBy: Int? = nil, includeNotes: Bool = false, includesGaps: Bool = true, history: ReportHistory? = nil
    ) {
        self.history = history
        self.format = format
        self.title = title
        self.date = date
        self.by = by
        self.profile = profile
        self.gapsBy = gapsBy
        self.includeNotes = includeNotes
        self.includesGaps = includesGaps
    }

    /// The heading the report uses.
    var heading: String { title ?? "Case audit report" }
}
