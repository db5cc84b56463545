/// `lint --format sarif`: a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), for
/// code-scanning services and editors. One run; one reporting descriptor per code that occurs.
public enum SARIFLog {
    public static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// The log with `results` standing for the results array (written as they come) and a rule for
    /// each code, in the order the codes first occur (a result's `ruleIndex`). `notShown`: results
    /// `--max-diagnostics` left out, in the run's property bag when there are any.
    static func skeleton(results: JSON, codes: [String], notShown: Int) -> JSON {
        let rules: [JSON] = codes.map { code in
            .object([("id", .string(code)), ("shortDescription", .object([("text", .string(DiagnosticCatalog.summary(of: code) ?? code))]))])
        }
        var run: [(String, JSON)] = [
            ("columnKind", .string("unicodeCodePoints")),
            ("results", results),
        ]
        if notShown > 0 { run.append(("properties", .object([("notShown", .int(notShown))]))) }
        run.append(("tool", .object([("driver", .object([
            ("name", .string("caseaudit")), ("version", .string(CaseAuditVersion.current)),
            ("semanticVersion", .string(CaseAuditVersion.current)),
            ("rules", .array(rules)),
        ]))])))
        return JSON.object([
            ("$schema", .string(schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
    }

    /// One result; `ruleIndex` is the index of its code in the log's rules.
    static func result(_ diagnostic: Diagnostic, ruleIndex: Int) -> JSON {
        var fields: [(String, JSON)] = [
            ("ruleId", .string(diagnostic.code)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(level(diagnostic.severity))),
            ("message", .object([("text", .string(diagnostic.message))])),
        ]
        if let location = diagnostic.location { fields.append(("locations", .array([physical(location)]))) }
        let related = diagnostic.notes.enumerated().map { index, note -> JSON in
            var entry: [(String, JSON)] = [("id", .int(index))]
            if let location = note.location, case .object(let place) = physical(location) { entry += place }
            entry.append(("message", .object([("text", .string(note.message))])))
            return .object(entry)
        }
        if !related.isEmpty { fields.append(("relatedLocations", .array(related))) }
        return .object(fields)
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "note"
        }
    }

    private static func physical(_ location: SourceLocation) -> JSON {
        .object([("physicalLocation", .object([
            ("artifactLocation", .object([("uri", .string(uri(location.path)))])),
            ("region", .object([("startLine", .int(max(1, location.line))), ("startColumn", .int(max(1, location.column)))])),
        ]))])
    }

    /// A path as a URI reference: relative paths stay relative, absolute ones become `file://`;
    /// characters outside the unreserved set and `/` are percent-encoded.
    static func uri(_ path: String) -> String {
        var out = path.hasPrefix("/") ? "file://" : ""
        for byte in path.utf8 {
            let character = Character(Unicode.Scalar(byte))
            if character.isASCII, character.isLetter || character.isNumber || "-._~/".contains(character) {
                out.append(character)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
