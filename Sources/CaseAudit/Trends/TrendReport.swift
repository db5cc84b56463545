/// What `caseaudit history trend` prints: the rounds, and each trend over them.
public struct TrendReport: Sendable {
    public var rounds: [RoundStamp]
    public var trends: [Trend]

    public init(rounds: [RoundStamp], trends: [Trend]) {
        self.rounds = rounds
        self.trends = trends
    }
}
