/// `caseaudit rules diff` as text (and, with `markdown: true`, as Markdown): the structure first,
/// then the score impact when cases were given.
public enum DiffText {
    public static func render(_ diff: SetDiff, impact: ScoreImpact?, markdown: Bool = false) -> String {
        var out = markdown ? "# Criteria set diff\n\n" : ""
        let code: (String) -> String = { markdown ? "`\($0)`" : $0 }
        out += "Old: \(code(diff.old.id)) \(diff.old.version), \(diff.old.title) (sha256 \(diff.old.contentHash.prefix(12)))\(markdown ? "  " : "")\n"
        out += "New: \(code(diff.new.id)) \(diff.new.version), \(diff.new.title) (sha256 \(diff.new.contentHash.prefix(12)))\n"
        if !diff.hasChanges { out += "\nThe two sets have the same structure.\n" }

        func heading(_ text: String) { out += markdown ? "\n## \(text)\n\n" : "\n\(text)\n" }
        func property(_ change: PropertyChange, indent: String) {
            let before = change.old.map(shorten) ?? "(not set)"
            let after = change.new.map(shorten) ?? "(not set)"
            if markdown {
                out += "\(indent)- `\(change.key)`: \(escape(before)) → \(escape(after))\n"
            } else {
                out += "\(indent)\(change.key):\n\(indent)  - \(before)\n\(indent)  + \(after)\n"
            }
        }
        if !diff.identity.isEmpty {
            heading("Identity")
            for change in diff.identity { property(change, indent: markdown ? "" : "  ") }
        }
        for change in [ItemChange.Change.removed, .renamed, .changed, .added] {
            let items = diff.items.filter { $0.change == change }
            if items.isEmpty { continue }
            heading("\(change.rawValue.capitalized) (\(items.count))")
            for item in items {
                let name: String
                switch change {
                case .removed: name = code(item.oldID ?? "")
                case .renamed: name = "\(code(item.oldID ?? "")) → \(code(item.newID ?? ""))"
                case .changed, .added: name = code(item.newID ?? "")
                }
                out += (markdown ? "- " : "  ") + "\(item.kind.rawValue) \(name)\n"
                for change in item.properties { property(change, indent: markdown ? "  " : "    ") }
            }
        }
        if !diff.scoring.isEmpty {
            heading("Scoring")
            for change in diff.scoring { property(change, indent: markdown ? "" : "  ") }
        }
        if let impact { out += render(impact, markdown: markdown) }
        return out
    }

    private static func render(_ impact: ScoreImpact, markdown: Bool) -> String {
        var out = markdown ? "\n## Score impact\n\n" : "\nScore impact over \(impact.cases) cases (old → new; largest movers first)\n"
        if markdown { out += "The same \(impact.cases) cases scored under both sets; largest movers first.\n" }
        func table(_ title: String, _ headers: [String], _ rows: [[String]], unchanged: Int) {
            if markdown {
                out += "\n### \(title)\n\n"
                if rows.isEmpty { out += "No change.\n"; return }
                out += "| " + headers.joined(separator: " | ") + " |\n|" + headers.map { _ in "---" }.joined(separator: "|") + "|\n"
                for row in rows { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
                if unchanged > 0 { out += "\n\(unchanged) unchanged.\n" }
            } else {
                out += "\n\(title)\n"
                if rows.isEmpty { out += "  no change\n"; return }
                var text = TextTable(headers, alignments: headers.indices.map { $0 == 0 || $0 == headers.count - 1 ? .left : .right })
                for row in rows { text.add(row) }
                out += text.render(indent: "  ")
                if unchanged > 0 { out += "  (\(unchanged) unchanged)\n" }
            }
        }
        func figures(_ pair: FigurePair) -> [String] {
            [figure(pair.oldScore, pair.oldBase), figure(pair.newScore, pair.newBase), pair.difference.map(points) ?? "–"]
        }
        func name(_ old: String?, _ new: String?) -> String {
            switch (old, new) {
            case let (old?, new?) where old != new: return "\(old) → \(new)"
            case let (old?, nil): return "\(old) (removed)"
            case let (nil, new?): return "\(new) (added)"
            default: return new ?? old ?? ""
            }
        }
        for (title, groups) in [("Outcomes", impact.outcomes), ("Criteria", impact.criteria)] {
            let moved = groups.filter { $0.figures.moved }
            table(title, [title == "Outcomes" ? "outcome" : "criterion", "old (n)", "new (n)", "change", "title"],
                  moved.map { [name($0.oldID, $0.newID)] + figures($0.figures) + [$0.title] }, unchanged: groups.count - moved.count)
        }
        let moved = impact.questions.filter { $0.figures.moved || $0.changedCases > 0 }
        table("Questions", ["question", "old (n)", "new (n)", "change", "cases changed", "how"],
              moved.map { question in
                  [name(question.oldID, question.newID)] + figures(question.figures)
                      + [question.oldID == nil || question.newID == nil ? "–" : String(question.changedCases), question.transitions.map { "\($0.from.words) → \($0.to.words) \($0.count)" }.joined(separator: "; ")]
              }, unchanged: impact.questions.count - moved.count)
        return out
    }

    static func figure(_ score: Double?, _ base: Int?) -> String {
        guard let base else { return "–" }
        return "\(Percent.text(score)) (\(base))"
    }

    static func points(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths > 0 ? "+" : tenths < 0 ? "−" : "±"
        return "\(sign)\(abs(tenths) / 10).\(abs(tenths) % 10)"
    }

    /// Long values (holidays, long texts) cut for the terminal.
    private static func shorten(_ text: String) -> String {
        text.count > 160 ? String(text.prefix(159)) + "…" : text
    }

    /// A table cell's text: `|` escaped, line breaks as spaces (each scalar, so a CR LF keeps its CR).
    private static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "|": escaped += "\\|"
            case "\n": escaped += " "
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
