/// A recorded round, as `caseaudit history list` shows it.
public struct StoredRound: Sendable, Equatable {
    public var stamp: RoundStamp
    public var setTitle: String
    public var cases: Int
    /// Case files (inputs) the round was read from.
    public var inputs: Int
    /// Errors reading the cases (rejected values were left out of the figures).
    public var errors: Int
    /// True when the stored case ids are pseudonyms.
    public var pseudonymised: Bool

    public init(stamp: RoundStamp, setTitle: String, cases: Int, inputs: Int, errors: Int, pseudonymised: Bool) {
        self.stamp = stamp
        self.setTitle = setTitle
        self.cases = cases
        self.inputs = inputs
        self.errors = errors
        self.pseudonymised = pseudonymised
    }
}
