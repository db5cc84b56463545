/// `lint --format sarif`: a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), for
/// code-scanning services and editors. One run; one reporting descriptor per code that occurs.
public enum SARIFLog {
    public static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    public static func render(_ diagnostics: [Diagnostic]) -> String {
        var codes: [String] = []
        for diagnostic in diagnostics where !codes.contains(diagnostic.code) { codes.append(diagnostic.code) }
        codes.sort()
        let rules: [JSON] = codes.map { code in
            let summary = DiagnosticCatalog.summary(of: code)
                ?? diagnostics.first { $0.code == code }?.message ?? code
            return .object([("id", .string(code)), ("shortDescription", .object([("text", .string(summary))]))])
        }
        let results: [JSON] = diagnostics.map { diagnostic in
            var fields: [(String, JSON)] = [
                ("ruleId", .string(diagnostic.code)),
                ("ruleIndex", .int(codes.firstIndex(of: diagnostic.code) ?? 0)),
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
        return JSON.object([
            ("$schema", .string(schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", .object([
                    ("name", .string("caseaudit")), ("version", .string(CaseAuditVersion.current)),
                    ("semanticVersion", .string(CaseAuditVersion.current)),
                    ("rules", .array(rules)),
                ]))])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ]).text() + "\n"
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
