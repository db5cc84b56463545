/// A ``ReportHistory`` as the JSON document `caseaudit history report-data` prints and `caseaudit
/// report --history` reads back (the core command line links no SQLite): `current` (absent when the
/// report's sample is not a stored round), `renames` and `subjects`, each with its `level`, `id` and
/// `rounds` in round order. Subjects are written by level, then id, so the same history gives the
/// same bytes. The fields are listed in docs/history.md.
extension ReportHistory: Codable {
    private enum CodingKeys: String, CodingKey {
        case current, renames, subjects
    }

    /// One outcome's or criterion's rounds.
    private struct Subject: Codable {
        var level: String
        var id: String
        var rounds: [Trend.Round]
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var rounds: [TrendSubject: [Trend.Round]] = [:]
        for subject in try container.decode([Subject].self, forKey: .subjects) {
            guard let key = TrendSubject(level: subject.level, id: subject.id) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .subjects, in: container, debugDescription: "unknown level '\(subject.level)'")
            }
            rounds[key] = subject.rounds
        }
        self.init(
            rounds: rounds, current: try container.decodeIfPresent(String.self, forKey: .current),
            renames: try container.decode([String: String].self, forKey: .renames))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(current, forKey: .current)
        try container.encode(renames, forKey: .renames)
        let subjects = rounds.map { Subject(level: $0.key.level, id: $0.key.id, rounds: $0.value) }
            .sorted { ($0.level, $0.id) < ($1.level, $1.id) }
        try container.encode(subjects, forKey: .subjects)
    }
}
