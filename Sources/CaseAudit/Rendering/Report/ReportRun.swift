/// The report job: a scoring pass over the cases, then a gaps pass over the same stream, written
/// to one output as they go. Diagnostics are reported once, from the scoring pass.
public enum ReportRun {
    /// Writes the report of `stream` to `sink` and returns what the scoring pass read (for the exit
    /// status). Same cases and options, same bytes: nothing depends on the clock or on hashing order.
    public static func run(
        _ stream: CaseStream, _ options: ReportOptions, to sink: OutputSink, report: ([Diagnostic]) -> Void
    ) -> CaseStream.Summary {
        let result = ScoreRun.run(stream, by: options.by, profile: options.profile, report: report)
        switch options.format {
        case .html:
            sink.write(ReportHTML.opening(result, options, inputs: stream.inputs.count))
            if options.includesGaps {
                var writer = ReportGapsHTML(sink, includeNotes: options.includeNotes)
                _ = GapsRun.run(stream, by: options.gapsBy.map { [$0] } ?? [], to: &writer, report: { _ in })
            }
            sink.write(ReportHTML.closing(options))
        case .markdown:
            sink.write(ReportMarkdown.opening(result, options, inputs: stream.inputs.count))
            if options.includesGaps {
                var writer = ReportGapsMarkdown(sink, includeNotes: options.includeNotes)
                _ = GapsRun.run(stream, by: options.gapsBy.map { [$0] } ?? [], to: &writer, report: { _ in })
            }
        }
        return result.summary
    }
}
