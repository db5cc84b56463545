/// The report job: one pass over the cases scores them and keeps their gaps (by group, in a
/// ``GapStore``); then the figures and the per-case gaps are written to one output.
public enum ReportRun {
    /// Writes the report of `stream` to `sink` and returns what the pass read (for the exit
    /// status). Same cases and options, same bytes: nothing depends on the clock or on hashing order.
    public static func run(
        _ stream: CaseStream, _ options: ReportOptions, to sink: OutputSink, report: ([Diagnostic]) -> Void
    ) -> CaseStream.Summary {
        let set = stream.schema.set
        let result: ScoreResult
        let store = GapStore<GroupPath>()
        var groups: [GroupPath: GapsRun.Group] = [:]
        var gaps = GapsRun.Summary()
        let by = options.gapsBy.map { [$0] } ?? []
        if options.includesGaps {
            var aggregate = Aggregate(set, by: options.by, profile: options.profile)
            gaps.read = GapsRun.collect(
                stream, by: by, keeps: true, aggregate: aggregate, report: report,
                merge: { part in
                    gaps.gaps += part.gaps
                    gaps.casesWithGaps += part.casesWithGaps
                    GapsRun.keep(part, in: store, &groups)
                }, scores: { aggregate.merge($0) })
            result = ScoreRun.result(aggregate, gaps.read)
        } else {
            result = ScoreRun.run(stream, by: options.by, profile: options.profile, report: report)
        }
        func writeGaps(_ writer: some GapWriter) {
            guard options.includesGaps else { return }
            var writer = writer
            writer.begin(set)
            GapsRun.write(store, groups, by: by, set, to: &writer)
            writer.end(gaps)
        }
        switch options.format {
        case .html:
            sink.write(ReportHTML.opening(result, options, inputs: stream.inputs.count))
            writeGaps(ReportGapsHTML(sink, includeNotes: options.includeNotes))
            sink.write(ReportHTML.closing(options))
        case .markdown:
            sink.write(ReportMarkdown.opening(result, options, inputs: stream.inputs.count))
            writeGaps(ReportGapsMarkdown(sink, includeNotes: options.includeNotes))
        }
        return result.summary
    }
}

extension ReportRun {
    /// The report's figures (no per-case gaps) for an already-scored result, e.g. a stored round.
    public static func figures(_ result: ScoreResult, _ options: ReportOptions, inputs: Int) -> String {
        var options = options
        options.includesGaps = false
        switch options.format {
        case .html: return ReportHTML.opening(result, options, inputs: inputs) + ReportHTML.closing(options)
        case .markdown: return ReportMarkdown.opening(result, options, inputs: inputs)
        }
    }
}
