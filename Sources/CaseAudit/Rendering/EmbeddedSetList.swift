/// The table `caseaudit rules list` prints: each embedded set's name, id, version, title and
/// counts, the default marked.
public enum EmbeddedSetList {
    public static func render() -> String {
        var table = TextTable(["name", "id", "version", "questions", "title"], alignments: [.left, .left, .left, .right, .left])
        for name in EmbeddedCriteriaSets.names {
            guard let result = EmbeddedCriteriaSets.load(named: name) else { continue }
            let marker = name == DefaultCriteriaSet.name ? " (default)" : ""
            if let set = result.set {
                table.add([name + marker, set.id, set.version, String(set.questions.count), set.title])
            } else {
                let errors = result.diagnostics.count(of: .error)
                table.add([name + marker, "–", "–", "–", "does not load: \(errors) error\(errors == 1 ? "" : "s") (caseaudit rules check \(name))"])
            }
        }
        return table.render()
    }
}
