/// `caseaudit history list`: the recorded rounds, in round order.
public enum HistoryText {
    public static func list(_ rounds: [StoredRound]) -> String {
        guard !rounds.isEmpty else { return "No rounds recorded.\n" }
        var table = TextTable(["Round", "Date", "Criteria set", "Version", "SHA-256", "Cases", "Errors", "Ids"],
                              alignments: [.left, .left, .left, .left, .left, .right, .right, .left])
        for round in rounds {
            table.add([round.stamp.label.oneLine(), round.stamp.date?.description ?? "–", round.stamp.setID, round.stamp.setVersion,
                       String(round.stamp.setHash.prefix(12)), String(round.cases), String(round.errors),
                       round.pseudonymised ? "pseudonyms" : "as read"])
        }
        return table.render()
    }
}
