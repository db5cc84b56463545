import CaseAudit
import CaseAuditServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// `caseaudit serve` over HTTP: a real server on an ephemeral loopback port, a temporary directory.
@Suite("caseaudit serve")
struct ServerTests {
    /// A licence case with RoSH high and one factor; of its three applicable hand-answered
    /// questions (screening, plan, the alcohol factor) one is answered. The plan's delivery waits
    /// on the plan's answer; the child-protection questions do not apply; plan.timely is computed.
    static let c1 = """
        case: C-1
        assessor: AB
        facts:
          case_type: licence
          rosh: high
          child_protection_concerns: false
          factors: [alcohol]
          sentence_date: 2013-04-02
          plan_date: 2013-04-10
          offender_manager: OM-1
          gender: female
          age: 30
        answers:
          rosh.screening_sufficient: yes

        """

    /// The fields of a complete new case, as the form sends them (scripts off: hidden rows too).
    static let n1Fields: [(String, String)] = [
        ("version", "absent"), ("case", "N-1"), ("assessor", "Ann O'Neil"),
        ("fact:case_type", "community_order"), ("fact:rosh", "medium"), ("fact:child_protection_concerns", "true"),
        ("fact:factors", "accommodation"), ("fact:factors", "alcohol"), ("fact:sentence_date", "2013-04-02"),
        ("fact:plan_date", "2013-04-30"), ("fact:offender_manager", "OM 2"), ("fact:gender", ""), ("fact:age", "41"),
        ("answer:rosh.screening_sufficient", "yes"), ("answer:rmp.sufficient", "not_sufficient"),
        ("answer:interv.factor_delivered[alcohol]", "no"), ("answer:interv.factor_delivered[thinking_behaviour]", ""),
        ("answer:interv.factor_delivered[accommodation]", "yes"), ("answer:rmp.actions_delivered", "partly"),
        ("answer:cp.attention", "yes"), ("answer:cp.known_to_childrens_services", "no"),
        ("note:rosh.screening_sufficient", ""), ("note:rmp.sufficient", "No contingency plan: \"see OASys\"\r\nChecked twice."),
        ("action", "save"),
    ]

    /// N-1 as saved: the documented format (docs/case-format.md, "Files written by caseaudit serve").
    static let n1File = """
        case: N-1
        assessor: "Ann O'Neil"
        facts:
          case_type: community_order
          rosh: medium
          child_protection_concerns: true
          factors: [alcohol, accommodation]
          sentence_date: 2013-04-02
          plan_date: 2013-04-30
          offender_manager: "OM 2"
          age: 41
        answers:
          rosh.screening_sufficient: yes
          rmp.sufficient: not_sufficient
          interv.factor_delivered:
            alcohol: no
            accommodation: yes
          rmp.actions_delivered: partly
          cp.attention: yes
          cp.known_to_childrens_services: no
        notes:
          rmp.sufficient: "No contingency plan: \\"see OASys\\"\\nChecked twice."

        """

    @Test("the list shows each case with assessor, offender manager, completeness and lint status; files that cannot be read are listed")
    func list() async throws {
        let fixture = try ServerFixture(files: ["C-1.yaml": Self.c1, "broken.yaml": "case: [\n"])
        defer { fixture.remove() }
        try await fixture.serve { client in
            let response = try await client.get("/cases")
            #expect(response.status == .ok)
            let page = response.text
            #expect(page.contains("<a href=\"/cases/C-1\">C-1</a></td><td>AB</td><td>OM-1</td><td class=\"num\">1/3</td>"))
            // lint: rmp.sufficient and the alcohol factor unanswered, and the plan's delivery waiting
            // on the plan's answer: 3 warnings and no error, since the case is only incomplete.
            #expect(page.contains("<td><span class=\"badge warn\">3 warnings</span></td>"))
            #expect(page.contains("Problems reading files"))
            #expect(page.contains("broken.yaml:2:1"))
            let filtered = try await client.get("/cases?status=clean")
            #expect(!filtered.text.contains("/cases/C-1"))
            let byAssessor = try await client.get("/cases?assessor=AB&status=incomplete")
            #expect(byAssessor.text.contains("/cases/C-1"))
        }
    }

    @Test("a case opens as a form: facts first, answers checked, questions that do not apply hidden with the reason, undecided ones explained")
    func open() async throws {
        let fixture = try ServerFixture(files: ["C-1.yaml": Self.c1])
        defer { fixture.remove() }
        try await fixture.serve { client in
            let page = try await client.get("/cases/C-1").text
            let facts = try #require(page.range(of: "<h2>Facts</h2>"))
            let firstQuestion = try #require(page.range(of: "id=\"q-rosh.screening_sufficient\""))
            #expect(facts.upperBound < firstQuestion.lowerBound)
            #expect(page.contains("<option value=\"high\" selected>high</option>"))
            #expect(page.contains("name=\"answer:rosh.screening_sufficient\" value=\"yes\" checked"))
            #expect(page.contains("<div class=\"q\" id=\"q-cp.attention\" data-state=\"not_applicable\" hidden>"))
            #expect(page.contains("the question applies when child_protection_concerns"))
            #expect(page.contains("data-state=\"depends\""))
            #expect(page.contains("<tr data-element=\"alcohol\"><td>alcohol</td>"))
            #expect(page.contains("<tr data-element=\"accommodation\" hidden>"))
            #expect(page.contains("Computed from the facts: Yes"))  // 6 working days from 2 to 10 April 2013
            #expect(page.contains("1 of 3 applicable questions answered"))
        }
    }

    @Test("saving writes the documented bytes atomically, lints clean, scores as caseaudit score, and leaves out answers the facts do not ask for")
    func save() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.serve { client in
            let csrf = try await client.csrf()
            let response = try await client.post("/new", [("csrf", csrf.token)] + Self.n1Fields, cookie: csrf.cookie)
            #expect(response.status == .seeOther)
            #expect(response.headers[.location] == "/cases/N-1?saved=1")
            #expect(try fixture.files() == ["N-1.yaml"])
            #expect(try fixture.read("N-1.yaml") == Self.n1File)
            let linted = CaseDirectory.lint(file: fixture.directory.appendingPathComponent("N-1.yaml").path, schema: CaseSchema(fixture.set))
            #expect(linted.diagnostics.isEmpty, "\(linted.diagnostics.map(\.message))")
            let reopened = try await client.get("/cases/N-1?saved=1", cookie: csrf.cookie).text
            #expect(reopened.contains("finds no problems"))
            #expect(reopened.contains("name=\"answer:rmp.actions_delivered\" value=\"partly\" checked"))
            // The score page is `caseaudit score --format html` of the directory.
            let stream = CaseStream(schema: CaseSchema(fixture.set), inputs: CaseInputs.expand([fixture.directory.path]).inputs)
            let sink = OutputSink.memory()
            _ = ReportRun.run(stream, ReportOptions(profile: Aggregate.defaultProfile(fixture.set), includesGaps: false), to: sink) { _ in }
            let score = try await client.get("/score", cookie: csrf.cookie)
            #expect(score.text == sink.collected)
            // By hand: public = mean of screening 1/1, plan 0/1, factors 1/2, delivery 1/1 (partly is above the
            // line), timely 0/1 (20 working days), cp.attention 1/1 (also scores public) = (100+0+50+100+0+100)/6 = 58.3 %.
            let result = ScoreRun.run(stream, profile: []) { _ in }
            let publicIndex = try #require(fixture.set.outcomes.firstIndex { $0.id == "public" })
            let publicScore = try #require(result.scorecard.outcomes.first { $0.index == publicIndex }?.score)
            #expect(abs(publicScore - 3.5 / 6) < 1e-9)  // scores are fractions
        }
    }

    @Test("without scripts, Update shows the questions for the facts given and writes nothing; answers the facts no longer ask for are left out on saving")
    func updateAndPrune() async throws {
        let fixture = try ServerFixture(files: ["C-1.yaml": Self.c1])
        defer { fixture.remove() }
        try await fixture.serve { client in
            let csrf = try await client.csrf()
            let version = try #require(Self.version(in: try await client.get("/cases/C-1", cookie: csrf.cookie).text))
            var fields: [(String, String)] = [("csrf", csrf.token), ("version", version), ("case", "C-1"), ("assessor", "AB"),
                ("fact:case_type", "licence"), ("fact:rosh", "low"), ("fact:child_protection_concerns", "false"),
                ("fact:factors", "alcohol"), ("answer:rosh.screening_sufficient", "yes"), ("answer:rmp.sufficient", "yes"),
                ("answer:interv.factor_delivered[alcohol]", "yes"), ("action", "update")]
            let updated = try await client.post("/cases/C-1", fields, cookie: csrf.cookie)
            #expect(updated.status == .ok)
            #expect(updated.text.contains("<div class=\"q\" id=\"q-rmp.sufficient\" data-state=\"not_applicable\" hidden>"))
            #expect(try fixture.read("C-1.yaml") == Self.c1)
            fields[fields.count - 1] = ("action", "save")
            let saved = try await client.post("/cases/C-1", fields, cookie: csrf.cookie)
            #expect(saved.headers[.location] == "/cases/C-1?saved=1&dropped=rmp.sufficient")
            #expect(!(try fixture.read("C-1.yaml")).contains("rmp.sufficient"))
        }
    }

    @Test("a save over a file changed since the form was opened is refused with a clear message, and both versions are kept")
    func conflict() async throws {
        let fixture = try ServerFixture(files: ["C-1.yaml": Self.c1])
        defer { fixture.remove() }
        try await fixture.serve { client in
            let csrf = try await client.csrf()
            let version = try #require(Self.version(in: try await client.get("/cases/C-1", cookie: csrf.cookie).text))
            let theirs = Self.c1.replacingOccurrences(of: "assessor: AB", with: "assessor: XY")
            try fixture.write("C-1.yaml", theirs)
            let response = try await client.post("/cases/C-1", [
                ("csrf", csrf.token), ("version", version), ("case", "C-1"), ("assessor", "AB"), ("fact:rosh", "high"),
                ("answer:rosh.screening_sufficient", "no"), ("action", "save"),
            ], cookie: csrf.cookie)
            #expect(response.status == .conflict)
            #expect(response.text.contains("was changed after you opened this form"))
            #expect(try fixture.read("C-1.yaml") == theirs)
            let files = try fixture.files()
            #expect(files.count == 2)
            let kept = try #require(files.first { $0.hasPrefix("C-1.yaml.conflict-") })
            #expect(try fixture.read(kept) == "case: C-1\nassessor: AB\nfacts:\n  rosh: high\nanswers:\n  rosh.screening_sufficient: no\n")
            // The list still shows one C-1, with no duplicate-id problem.
            let list = try await client.get("/cases", cookie: csrf.cookie).text
            #expect(list.components(separatedBy: "href=\"/cases/C-1\"").count == 2)
            #expect(!list.contains("duplicate"))
            // A new case whose id is taken is refused too.
            let again = try await client.post("/new", [("csrf", csrf.token), ("version", "absent"), ("case", "C-1"), ("action", "save")],
                                              cookie: csrf.cookie)
            #expect(again.status == .unprocessableContent)
            #expect(again.text.contains("a case with this id is already in C-1.yaml"))
        }
    }

    @Test("ids that would leave the directory are refused: ../, encoded, absolute")
    func traversal() async throws {
        let fixture = try ServerFixture(files: ["C-1.yaml": Self.c1])
        defer { fixture.remove() }
        let outside = fixture.directory.deletingLastPathComponent().appendingPathComponent("evil.yaml")
        try await fixture.serve { client in
            for uri in ["/cases/..%2F..%2Fetc%2Fpasswd", "/cases/%2e%2e%2fC-1", "/cases/%2Fetc%2Fpasswd", "/cases/..", "/cases/.%2E"] {
                let response = try await client.get(uri)
                #expect(response.status == .badRequest, "\(uri)")
            }
            for uri in ["/cases/../../etc/passwd", "/cases//etc/passwd"] {
                let response = try await client.get(uri)
                #expect(response.status == .notFound || response.status == .badRequest, "\(uri)")
                #expect(!response.text.contains("root:"))
            }
            let csrf = try await client.csrf()
            for id in ["../evil", "/tmp/evil", "..%2Fevil", "a/b"] {
                let response = try await client.post("/new", [("csrf", csrf.token), ("version", "absent"), ("case", id), ("action", "save")],
                                                     cookie: csrf.cookie)
                #expect(response.status == .unprocessableContent, "\(id)")
            }
            let posted = try await client.post("/cases/..%2Fevil", [("csrf", csrf.token), ("case", "../evil"), ("action", "save")], cookie: csrf.cookie)
            #expect(posted.status == .badRequest)
        }
        #expect(!FileManager.default.fileExists(atPath: outside.path))
        #expect(try fixture.files() == ["C-1.yaml"])
    }

    @Test("a POST without the CSRF token, with a forged one, or without the cookie is refused and writes nothing")
    func csrf() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.serve { client in
            let csrf = try await client.csrf()
            let missing = try await client.post("/new", Self.n1Fields, cookie: csrf.cookie)
            #expect(missing.status == .forbidden)
            let forged = try await client.post("/new", [("csrf", String(repeating: "a", count: 64))] + Self.n1Fields, cookie: csrf.cookie)
            #expect(forged.status == .forbidden)
            let noCookie = try await client.post("/new", [("csrf", csrf.token)] + Self.n1Fields, cookie: nil)
            #expect(noCookie.status == .forbidden)
            let live = try await client.post("/applicability", [("fact:rosh", "low")], cookie: csrf.cookie)
            #expect(live.status == .forbidden)
        }
        #expect(try fixture.files().isEmpty)
    }

    @Test("a body over the limit is refused with 413")
    func oversized() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        try await fixture.serve(fixture.configuration(maxBodyBytes: 4096)) { client in
            let csrf = try await client.csrf()
            let response = try await client.post(
                "/new", [("csrf", csrf.token), ("note:rmp.sufficient", String(repeating: "x", count: 5000))] + Self.n1Fields, cookie: csrf.cookie)
            #expect(response.status == .contentTooLarge)
        }
        #expect(try fixture.files().isEmpty)
    }

    @Test("binding an address other machines can reach needs a token: refused at start-up without one")
    func nonLoopbackNeedsToken() throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        for host in ["0.0.0.0", "192.168.1.20", "::", "example.org"] {
            #expect(throws: ServeConfiguration.Refusal.self) { _ = try CaseServer.application(fixture.configuration(host: host)) }
        }
        #expect(throws: ServeConfiguration.Refusal.self) { _ = try CaseServer.application(fixture.configuration(host: "0.0.0.0", token: "short")) }
        _ = try CaseServer.application(fixture.configuration(host: "0.0.0.0", token: "a-long-enough-token"))
        for host in ["127.0.0.1", "127.1.2.3", "localhost", "::1"] { _ = try CaseServer.application(fixture.configuration(host: host)) }
    }

    @Test("with a token, every page needs the session cookie that logging in gives")
    func token() async throws {
        let fixture = try ServerFixture(files: ["C-1.yaml": Self.c1])
        defer { fixture.remove() }
        try await fixture.serve(fixture.configuration(token: "correct horse battery")) { client in
            let first = try await client.get("/cases/C-1")
            #expect(first.status == .seeOther)
            #expect(first.headers[.location] == "/login")
            let login = try await client.get("/login")
            let set = try #require(login.headers[values: .setCookie].first { $0.hasPrefix("caseaudit_csrf=") })
            let token = String(set.dropFirst("caseaudit_csrf=".count).prefix { $0 != ";" })
            let wrong = try await client.post("/login", [("csrf", token), ("token", "wrong horse battery")], cookie: "caseaudit_csrf=\(token)")
            #expect(wrong.status == .forbidden)
            let right = try await client.post("/login", [("csrf", token), ("token", "correct horse battery")], cookie: "caseaudit_csrf=\(token)")
            #expect(right.status == .seeOther)
            let session = try #require(right.headers[values: .setCookie].first { $0.hasPrefix("caseaudit_session=") })
            let cookie = "caseaudit_csrf=\(token); " + String(session.prefix { $0 != ";" })
            #expect(try await client.get("/cases/C-1", cookie: cookie).status == .ok)
            #expect(try await client.get("/cases/C-1", cookie: "caseaudit_csrf=\(token); caseaudit_session=\(String(repeating: "0", count: 64))").status == .seeOther)
        }
    }

    @Test("every page carries the security headers; its only script and style run by the page's nonce; nothing is fetched from elsewhere")
    func headers() async throws {
        let fixture = try ServerFixture(files: ["C-1.yaml": Self.c1])
        defer { fixture.remove() }
        try await fixture.serve { client in
            for uri in ["/cases", "/cases/C-1", "/new", "/gaps", "/score", "/report", "/cases/nope"] {
                let response = try await client.get(uri)
                let policy = try #require(response.headers[.contentSecurityPolicy], "\(uri)")
                #expect(policy.contains("default-src 'none'") && policy.contains("frame-ancestors 'none'"), "\(uri)")
                #expect(response.headers[.init("Referrer-Policy")!] == "no-referrer")
                #expect(response.headers[.xContentTypeOptions] == "nosniff")
                #expect(response.headers[.cacheControl] == "no-store")
                #expect(!response.text.contains("http://") && !response.text.contains("https://"), "\(uri)")
                if let nonce = policy.firstMatch(of: /script-src 'nonce-([0-9a-f]+)'/)?.output.1, uri.hasPrefix("/cases/C") {
                    #expect(response.text.contains("<script nonce=\"\(nonce)\">"))
                    #expect(response.text.components(separatedBy: "<script").count == 2)
                }
            }
            #expect(try await client.get("/cases/nope").status == .notFound)
            #expect(try await client.get("/cases", cookie: nil).status == .ok)
        }
    }

    @Test("answers and notes never reach the log")
    func logs() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let lines = LogLines()
        let logger = Logger(label: "test") { _ in LogCapture(lines: lines) }
        let application = try CaseServer.application(fixture.configuration(), logger: logger)
        try await application.test(.live) { client in
            let csrf = try await client.csrf()
            var fields = [("csrf", csrf.token)] + Self.n1Fields
            fields.append(("note:cp.attention", "SECRET-NOTE-TEXT"))
            #expect(try await client.post("/new", fields, cookie: csrf.cookie).status == .seeOther)
            _ = try await client.get("/cases/N-1", cookie: csrf.cookie)
        }
        let logged = lines.all.joined(separator: "\n")
        #expect(logged.contains("POST /new 303"))
        for secret in ["SECRET-NOTE-TEXT", "contingency", "N-1", "not_sufficient", "OM 2"] { #expect(!logged.contains(secret), "\(secret)") }
    }

    static func version(in page: String) -> String? {
        page.firstMatch(of: /name="version" value="([^"]+)"/).map { String($0.output.1) }
    }
}

/// Log lines captured in memory.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

struct LogCapture: LogHandler {
    let lines: LogLines
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lines.append("\(event.level) \(event.message) \(metadata.merging(event.metadata ?? [:]) { $1 })")
    }
}
