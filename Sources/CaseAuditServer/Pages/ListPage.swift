import CaseAudit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The case list: id, assessor, offender manager, completeness, lint status and last change of
/// every case in the directory, filtered by assessor and status; then files that could not be read.
struct ListPage {
    enum Status: String, CaseIterable {
        case any, incomplete, complete, errors, warnings, clean

        var words: String {
            switch self {
            case .any: return "any status"
            case .incomplete: return "incomplete"
            case .complete: return "complete"
            case .errors: return "with errors"
            case .warnings: return "with warnings"
            case .clean: return "lint clean"
            }
        }

        func matches(_ entry: CaseDirectory.Entry) -> Bool {
            switch self {
            case .any: return true
            case .incomplete: return entry.answered < entry.applicable
            case .complete: return entry.answered == entry.applicable
            case .errors: return entry.errors > 0
            case .warnings: return entry.warnings > 0
            case .clean: return entry.errors == 0 && entry.warnings == 0
            }
        }
    }

    let directory: CaseDirectory
    let set: CriteriaSet
    let root: String
    let assessor: String?
    let status: Status

    func render(context: ServeContext) -> String {
        let h = Pages.h
        let manager = set.fact(named: "offender_manager")
        let assessors = Set(directory.entries.compactMap(\.assessor)).sorted()
        let shown = directory.entries.filter { entry in
            status.matches(entry) && (assessor.map { $0.isEmpty || entry.assessor == $0 } ?? true)
        }
        var out = "<h1>Cases in \(h(root))</h1>\n"
        out += "<form class=\"filters\" method=\"get\" action=\"/cases\">"
        out += "<label class=\"field\">Assessor <select name=\"assessor\"><option value=\"\">everyone</option>"
        for name in assessors { out += "<option\(name == assessor ? " selected" : "")>\(h(name))</option>" }
        out += "</select></label><label class=\"field\">Status <select name=\"status\">"
        for option in Status.allCases {
            out += "<option value=\"\(option.rawValue)\"\(option == status ? " selected" : "")>\(option.words)</option>"
        }
        out += "</select></label><button type=\"submit\" class=\"secondary\">Filter</button>"
        out += "<span class=\"muted\">\(shown.count) of \(directory.entries.count) cases</span>"
        out += "<a href=\"/new\">New case</a></form>\n"
        out += "<table><thead><tr><th>Case</th><th>Assessor</th>"
        if manager != nil { out += "<th>Offender manager</th>" }
        out += "<th>Answered</th><th>Lint</th><th>Last changed</th><th>File</th></tr></thead><tbody>\n"
        for entry in shown {
            let link = CaseFileStore.isValidID(entry.id) ? "<a href=\"/cases/\(h(entry.id))\">\(h(entry.id))</a>" : h(entry.id)
            out += "<tr><td>\(link)</td><td>\(h(entry.assessor ?? ""))</td>"
            if let manager { out += "<td>\(h(entry.facts[manager].map { $0.text(set.facts[manager]) } ?? ""))</td>" }
            out += "<td class=\"num\">\(entry.answered)/\(entry.applicable)</td><td>\(Self.lint(errors: entry.errors, warnings: entry.warnings))</td>"
            out += "<td>\(Self.time(entry.modified))</td><td class=\"muted\">\(h(relative(entry.path)))"
            if entry.casesInFile > 1 { out += " (\(entry.casesInFile) cases)" }
            out += "</td></tr>\n"
        }
        out += "</tbody></table>\n"
        if shown.isEmpty { out += "<p class=\"muted\">No cases to show.</p>\n" }
        if !directory.files.isEmpty {
            out += "<h2>Problems reading files</h2><p class=\"hint\">As <code>caseaudit lint</code> reports them.</p><ul class=\"findings\">\n"
            for file in directory.files {
                for diagnostic in file.diagnostics {
                    let place = diagnostic.location.map { "\(relative($0.path)):\($0.line):\($0.column)" } ?? ""
                    out += "<li class=\"\(diagnostic.severity)\">\(h(place)): \(h(diagnostic.message)) [\(h(diagnostic.code))]</li>\n"
                }
            }
            out += "</ul>\n"
        }
        return out
    }

    private func relative(_ path: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// "2 errors, 1 warning", or "clean".
    static func lint(errors: Int, warnings: Int) -> String {
        var parts: [String] = []
        if errors > 0 { parts.append("<span class=\"badge error\">\(errors) error\(errors == 1 ? "" : "s")</span>") }
        if warnings > 0 { parts.append("<span class=\"badge warn\">\(warnings) warning\(warnings == 1 ? "" : "s")</span>") }
        return parts.isEmpty ? "<span class=\"badge ok\">clean</span>" : parts.joined(separator: " ")
    }

    /// Seconds since 1970 as `YYYY-MM-DD HH:MM UTC`.
    static func time(_ seconds: Int) -> String {
        var value = time_t(seconds)
        var parts = tm()
        gmtime_r(&value, &parts)
        func two(_ number: Int32) -> String { number < 10 ? "0\(number)" : "\(number)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min)) UTC"
    }
}
