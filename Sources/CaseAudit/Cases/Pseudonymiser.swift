import Crypto
import YAMLKit

/// Replaces case ids with keyed hashes (HMAC-SHA-256), so shared outputs do not carry the ids of
/// people's records while whoever holds the key can still match a pseudonym to its case.
/// The same id and key always give the same pseudonym; without the key it cannot be reversed.
public struct Pseudonymiser: Sendable {
    /// The secret (kept as bytes: swift-crypto's key type is not Sendable).
    private let key: [UInt8]

    /// The smallest key accepted, in bytes.
    public static let minimumKeyBytes = 16

    /// A pseudonymiser with this secret; nil when it is shorter than ``minimumKeyBytes``.
    public init?(key bytes: [UInt8]) {
        guard bytes.count >= Self.minimumKeyBytes else { return nil }
        key = bytes
    }

    /// The pseudonymiser keyed by a file's content (its bytes as they are), or a usage diagnostic.
    public static func load(keyFile path: String) -> Result<Pseudonymiser, Diagnostic> {
        switch YAMLLoader.read(path: path) {
        case .failure(let error):
            // A usage error, not a YAML one: the key is read as bytes, never parsed.
            return .failure(Diagnostic(.error, code: "usage.pseudonymise-key", "the key file: " + error.message, at: nil))
        case .success(let source):
            guard let pseudonymiser = Pseudonymiser(key: Array(source.bytes)) else {
                return .failure(Diagnostic(
                    .error, code: "usage.pseudonymise-key",
                    "the key file '\(path)' holds \(source.bytes.count) bytes; a key needs \(minimumKeyBytes) or more",
                    at: nil))
            }
            return .success(pseudonymiser)
        }
    }

    /// `P-` and the first 12 hex digits (48 bits) of HMAC-SHA-256(key, id).
    public func pseudonym(for id: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Array(id.utf8), using: SymmetricKey(data: key))
        return "P-" + code.prefix(6).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }
}
