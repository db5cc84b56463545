import ArgumentParser
import CaseAudit

/// The formats of `score`, `history show` and `history trend`.
public enum ScoreFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text, json, csv, markdown, html
}

extension ScoreText.Level: ExpressibleByArgument {}

/// `--date 2014-02-01`: exactly YYYY-MM-DD, a real calendar date.
extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}
