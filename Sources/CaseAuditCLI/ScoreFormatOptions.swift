import ArgumentParser
import CaseAudit

/// `--format` and `--level` of a scorecard (`score`, `history show`).
public struct ScoreFormatOptions: ParsableArguments {
    @Option(help: "Output format.")
    public var format: ScoreFormat = .text

    @Option(help: "Detail of the text and Markdown formats.")
    public var level: ScoreText.Level = .question

    public init() {}

    /// The scorecard in the chosen format; nil for HTML, which each command writes its own way.
    public func render(_ result: ScoreResult) -> String? {
        switch format {
        case .json: ScoreJSON.render(result)
        case .csv: ScoreCSV.render(result)
        case .markdown: ScoreMarkdown.render(result, level: level)
        case .text: ScoreText.render(result, level: level)
        case .html: nil
        }
    }
}
