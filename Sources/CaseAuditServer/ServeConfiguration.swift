import CaseAudit

/// How `caseaudit serve` runs: the directory it edits, the set, where it listens, and the token
/// that guards it.
public struct ServeConfiguration: Sendable {
    public var caseDirectory: String
    public var set: CriteriaSet
    public var host: String
    /// 0: any free port (the one chosen is reported when the server is running).
    public var port: Int
    /// When set, every request needs a session opened with it at `/login`.
    public var token: String?
    /// The largest request body accepted, in bytes.
    public var maxBodyBytes: Int

    public static let defaultHost = "127.0.0.1"
    public static let defaultPort = 8317
    public static let defaultMaxBodyBytes = 1 << 20
    /// The shortest token accepted.
    public static let minimumTokenLength = 16

    public init(
        caseDirectory: String, set: CriteriaSet, host: String = defaultHost, port: Int = defaultPort, token: String? = nil,
        maxBodyBytes: Int = defaultMaxBodyBytes
    ) {
        self.caseDirectory = caseDirectory
        self.set = set
        self.host = host
        self.port = port
        self.token = token
        self.maxBodyBytes = maxBodyBytes
    }

    /// Why the server refuses to start.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Refuses a non-loopback address without a token, and a token too short to guess at.
    public func validate() throws(Refusal) {
        if let token, token.count < Self.minimumTokenLength {
            throw Refusal(description: "the token must be \(Self.minimumTokenLength) characters or more")
        }
        if token == nil, !Self.isLoopback(host) {
            throw Refusal(description: "serving on \(host), which other machines can reach, needs --token or --token-file: case records are personal data")
        }
        guard (0...65535).contains(port) else { throw Refusal(description: "--port must be 0 to 65535") }
        guard maxBodyBytes > 0 else { throw Refusal(description: "the request size limit must be positive") }
    }

    /// Loopback addresses: `127.0.0.0/8`, `::1` and `localhost`.
    public static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" || host == "[::1]" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { part in UInt8(part).map { _ in true } ?? false }
    }
}
