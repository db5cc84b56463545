import CaseAudit
import GRDB

/// The criteria set stored with a round: its chain of rule files (the set's own, then every
/// base's), each file with the origin of the set it belongs to.
enum StoredSet {
    static func write(_ db: Database, round: Int64, _ chain: SetChain) throws {
        let statement = try db.cachedStatement(sql: "INSERT INTO rule_files (round_id, position, origin, path, content) VALUES (?, ?, ?, ?, ?)")
        let files = chain.members.flatMap { member in member.files.map { (member.origin, $0) } }
        for (position, (origin, file)) in files.enumerated() {
            try statement.execute(arguments: [round, position, origin.text, file.path, String(decoding: file.bytes, as: UTF8.self)])
        }
    }

    /// The set stored with a round, loaded again from its stored text alone; nil when it does not
    /// load, or not to the hash recorded.
    static func load(_ db: Database, round: Int64) throws -> CriteriaSet? {
        var members: [SetChain.Member] = []
        for row in try Row.fetchAll(db, sql: "SELECT origin, path, content FROM rule_files WHERE round_id = ? ORDER BY position", arguments: [round]) {
            let origin = SetOrigin(text: row["origin"])
            let file = RuleFile(path: row["path"], bytes: Array((row["content"] as String).utf8))
            if members.last?.origin == origin {
                members[members.count - 1].files.append(file)
            } else {
                members.append(SetChain.Member(origin: origin, files: [file]))
            }
        }
        guard let hash = try String.fetchOne(db, sql: "SELECT set_sha256 FROM rounds WHERE id = ?", arguments: [round]),
              let set = SetChain(members: members).load().set, set.contentHash == hash
        else { return nil }
        return set
    }
}
