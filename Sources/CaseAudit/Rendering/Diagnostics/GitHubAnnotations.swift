/// `lint --format github`: GitHub Actions workflow commands, one line per diagnostic:
/// `::error file=cases/a.yaml,line=3,col=7,title=case.fact-value::message`.
public enum GitHubAnnotations {
    public static func render(_ diagnostic: Diagnostic) -> String {
        let command: String
        switch diagnostic.severity {
        case .error: command = "error"
        case .warning: command = "warning"
        case .note: command = "notice"
        }
        var properties: [String] = []
        if let location = diagnostic.location {
            properties.append("file=" + escapeProperty(location.path))
            properties.append("line=\(location.line)")
            properties.append("col=\(location.column)")
        }
        properties.append("title=" + escapeProperty(diagnostic.code))
        var message = diagnostic.message
        for note in diagnostic.notes { message += "\n" + note.message }
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))\n"
    }

    /// The documented escapes of a workflow command's message.
    static func escapeData(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {  // by scalar: "\r\n" is one Character
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Property values also escape `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", with: "%3A").replacingAll(",", with: "%2C")
    }
}
