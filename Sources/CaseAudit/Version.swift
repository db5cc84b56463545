/// The caseaudit release version.
public enum CaseAuditVersion {
    public static let current = "0.1.0"
}
