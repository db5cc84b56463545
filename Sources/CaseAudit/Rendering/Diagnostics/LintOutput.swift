/// `lint`'s findings written as they are found, in one of its formats. Nothing is held but the
/// codes seen (for SARIF's rules), so memory does not grow with the number of findings.
public final class LintOutput {
    public enum Format: String, CaseIterable, Sendable {
        case text, json, sarif, github
    }

    private let format: Format
    private let sink: OutputSink
    private let formatter: DiagnosticFormatter
    private let limit: DiagnosticLimit
    private var array: JSONArrayStream?
    /// SARIF: each code once, in the order of first occurrence (its rule index).
    private var codes: [String] = []
    private var codeIndex: [String: Int] = [:]

    /// Starts the output (the JSON and SARIF opening) on `sink`; `limit` cuts what is written
    /// (`--max-diagnostics`), never what the summary counts.
    public init(
        _ format: Format, to sink: OutputSink, formatter: DiagnosticFormatter = DiagnosticFormatter(),
        limit: DiagnosticLimit = DiagnosticLimit()
    ) {
        self.format = format
        self.sink = sink
        self.formatter = formatter
        self.limit = limit
        switch format {
        case .json: array = JSONArrayStream(LintJSON.skeleton(JSONArrayStream.placeholder, LintSummary(), LintOptions(), notShown: 0), to: sink)
        case .sarif: array = JSONArrayStream(SARIFLog.skeleton(results: JSONArrayStream.placeholder, codes: [], notShown: 0), to: sink)
        case .text, .github: array = nil
        }
    }

    /// Writes diagnostics, in the order given, as far as the limit lets them.
    public func write(_ diagnostics: [Diagnostic]) {
        for diagnostic in limit.admit(diagnostics) {
            switch format {
            case .text: sink.write { formatter.format(diagnostic, into: &$0) }
            case .github: sink.write(GitHubAnnotations.render(diagnostic))
            case .json: array?.append(LintJSON.diagnostic(diagnostic))
            case .sarif:
                let index = codeIndex[diagnostic.code] ?? codes.count
                if index == codes.count {
                    codes.append(diagnostic.code)
                    codeIndex[diagnostic.code] = index
                }
                array?.append(SARIFLog.result(diagnostic, ruleIndex: index))
            }
        }
    }

    /// Ends the output: how many were not shown and the summary line (text), a notice of how many
    /// were not shown (GitHub), the summary object (JSON) or the rules (SARIF).
    public func finish(_ summary: LintSummary, _ options: LintOptions) {
        switch format {
        case .text: sink.write((limit.notice.map { $0 + "\n" } ?? "") + summary.line + "\n")
        case .github: if let notice = limit.notice { sink.write("::notice::\(notice)\n") }
        case .json: array?.finish(LintJSON.skeleton(JSONArrayStream.placeholder, summary, options, notShown: limit.withheld))
        case .sarif: array?.finish(SARIFLog.skeleton(results: JSONArrayStream.placeholder, codes: codes, notShown: limit.withheld))
        }
    }
}
