/// `--max-diagnostics N`: lets the first N diagnostics through and counts the rest, so a CI log or
/// a page of annotations stays readable. Only printing is cut: summaries and exit statuses count
/// every finding. Used from one thread (the diagnostics of a run arrive in input order).
public final class DiagnosticLimit {
    /// The most diagnostics shown; nil shows all.
    public let maximum: Int?
    /// The diagnostics held back so far.
    public private(set) var withheld = 0
    private var shown = 0

    public init(_ maximum: Int? = nil) {
        self.maximum = maximum
    }

    /// The leading part of `diagnostics` that may still be shown; the rest is counted.
    public func admit(_ diagnostics: [Diagnostic]) -> ArraySlice<Diagnostic> {
        guard let maximum else { return diagnostics[...] }
        let room = max(0, min(diagnostics.count, maximum - shown))
        shown += room
        withheld += diagnostics.count - room
        return diagnostics.prefix(room)
    }

    /// "3 more diagnostics not shown (--max-diagnostics 20)", or nil when none was held back.
    public var notice: String? {
        guard withheld > 0, let maximum else { return nil }
        return counted(withheld, "more diagnostic") + " not shown (--max-diagnostics \(maximum))"
    }
}
