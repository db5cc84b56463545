@testable import CaseAudit

/// A small valid criteria set; broken variants replace single lines so positions are easy to count.
///
/// Line 21 holds the question's `applies:`; its expression starts at column 14.
enum RuleFixtures {
    static let lines = [
        "id: t",  // 1
        "title: T",  // 2
        "version: \"1\"",  // 3
        "facts:",  // 4
        "  rosh: {type: ordinal, values: [low, medium, high]}",  // 5
        "  case_type: {type: enum, values: [licence, order]}",  // 6
        "  factors: {type: set, values: [alcohol, drugs]}",  // 7
        "  cp: {type: bool}",  // 8
        "  start: {type: date}",  // 9
        "scales:",  // 10
        "  yn: {options: [yes, no], sufficient: [yes]}",  // 11
        "outcomes:",  // 12
        "  - {id: public, title: Public}",  // 13
        "criteria:",  // 14
        "  - {id: \"4.1\", outcome: public, title: Plan}",  // 15
        "questions:",  // 16
        "  - id: q1",  // 17
        "    criterion: \"4.1\"",  // 18
        "    text: A question",  // 19
        "    scale: yn",  // 20
        "    applies: cp",  // 21
    ]

    /// The base set with lines replaced (1-based) and lines appended.
    static func text(replacing replacements: [Int: String] = [:], appending extra: [String] = []) -> String {
        var result = lines
        for (line, replacement) in replacements { result[line - 1] = replacement }
        return (result + extra).joined(separator: "\n") + "\n"
    }

    static func load(_ text: String, path: String = "t.yaml") -> CriteriaSetLoader.Result {
        CriteriaSetLoader.load(files: [RuleFile(path: path, text: text)])
    }
}
