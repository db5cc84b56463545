import CaseAudit
import GRDB

/// A set's origin as the `rounds.set_origin` column writes it: `embedded:NAME` or `disk:PATH`.
enum StoredOrigin {
    static func text(_ origin: SetOrigin) -> String {
        switch origin {
        case .embedded(let name): return "embedded:" + name
        case .disk(let path): return "disk:" + path
        }
    }

    static func origin(_ text: String) -> SetOrigin {
        if text.hasPrefix("embedded:") { return .embedded(String(text.dropFirst("embedded:".count))) }
        return .disk(String(text.dropFirst(text.hasPrefix("disk:") ? "disk:".count : 0)))
    }

    /// The set stored with a round, loaded again from its rule text; nil when it no longer loads.
    static func load(_ db: Database, round: Int64) throws -> CriteriaSet? {
        let files = try Row.fetchAll(db, sql: "SELECT path, content FROM rule_files WHERE round_id = ? ORDER BY position", arguments: [round])
            .map { RuleFile(path: $0["path"], bytes: Array(($0["content"] as String).utf8)) }
        guard let stamp = try Row.fetchOne(db, sql: "SELECT set_sha256, set_origin FROM rounds WHERE id = ?", arguments: [round]),
              let set = CriteriaSetLoader.load(files: files, origin: origin(stamp["set_origin"])).set,
              set.contentHash == stamp["set_sha256"] as String
        else { return nil }
        return set
    }
}
