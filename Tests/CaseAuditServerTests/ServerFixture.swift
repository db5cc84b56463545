import CaseAudit
import CaseAuditServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A temporary case directory served on an ephemeral loopback port, and a browser-like session:
/// its CSRF cookie and the form fields.
struct ServerFixture {
    let directory: URL
    let set: CriteriaSet

    /// The worked-example set of docs/rules-format.md (the library tests' fixture).
    static func miniSet() throws -> CriteriaSet {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CaseAuditTests/Fixtures/rules/mini.yaml").path
        return try #require(CriteriaSetLoader.load(path: path).set)
    }

    init(set: CriteriaSet? = nil, files: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("caseaudit-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        self.set = try set ?? Self.miniSet()
        for (name, text) in files { try write(name, text) }
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }

    func configuration(host: String = "127.0.0.1", token: String? = nil, maxBodyBytes: Int = 1 << 20) -> ServeConfiguration {
        ServeConfiguration(caseDirectory: directory.path, set: set, host: host, port: 0, token: token, maxBodyBytes: maxBodyBytes)
    }

    /// Runs `body` against a live server on an ephemeral loopback port.
    func serve(_ configuration: ServeConfiguration? = nil, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let application = try CaseServer.application(configuration ?? self.configuration())
        try await application.test(.live) { client in try await body(client) }
    }
}

extension TestClientProtocol {
    func get(_ uri: String, cookie: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        if let cookie { headers[.cookie] = cookie }
        return try await execute(uri: uri, method: .get, headers: headers, body: nil)
    }

    /// POSTs form fields, url-encoded, with a cookie header.
    func post(_ uri: String, _ fields: [(String, String)], cookie: String?) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    /// A first visit: the CSRF token the server hands out, as a cookie header and the form value.
    func csrf() async throws -> (cookie: String, token: String) {
        let response = try await get("/cases")
        let set = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("caseaudit_csrf=") })
        let token = String(set.dropFirst("caseaudit_csrf=".count).prefix { $0 != ";" })
        return ("caseaudit_csrf=\(token)", token)
    }

    static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
}
