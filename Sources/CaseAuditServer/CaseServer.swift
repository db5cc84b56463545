import CaseAudit
import HTTPTypes
import Hummingbird
import Logging

/// `caseaudit serve`: the case list, the case form with live applicability, saving with conflict
/// detection, new cases, and the score, gaps and report pages of a case directory. Each route reads
/// the directory afresh through the library (scan, lint, evaluate, render), so what the pages show
/// is what the commands print.
public enum CaseServer {
    /// The application, or a refusal (a non-loopback address without a token). `onRunning` gets
    /// the port the server listens on.
    public static func application(
        _ configuration: ServeConfiguration, logger: Logger? = nil, onRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws(ServeConfiguration.Refusal) -> some ApplicationProtocol {
        try configuration.validate()
        let sessions = Sessions()
        let routes = Routes(configuration: configuration, sessions: sessions, schema: CaseSchema(configuration.set))
        let router = Router(context: ServeContext.self)
        router.add(middleware: SecurityMiddleware(configuration: configuration, sessions: sessions))
        router.get("/") { _, _ in Pages.redirect("/cases") }
        router.get("/login") { _, context in routes.loginPage(context) }
        router.post("/login") { request, context in try await routes.login(request, context) }
        router.get("/cases") { request, context in routes.list(request, context) }
        router.get("/cases/{id}") { request, context in try routes.open(request, context) }
        router.post("/cases/{id}") { request, context in try await routes.submit(request, context, id: context.parameters.get("id") ?? "") }
        router.get("/new") { _, context in routes.blank(context) }
        router.post("/new") { request, context in try await routes.submit(request, context, id: nil) }
        router.post("/applicability") { request, context in try await routes.applicability(request, context) }
        router.get("/score") { _, _ in routes.report(includesGaps: false) }
        router.get("/report") { _, _ in routes.report(includesGaps: true) }
        router.get("/gaps") { _, context in routes.gaps(context) }
        var logger = logger ?? Logger(label: "caseaudit-serve")
        logger[metadataKey: "cases"] = nil
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger)
    }
}

/// The route handlers: thin over the library.
struct Routes: Sendable {
    let configuration: ServeConfiguration
    let sessions: Sessions
    var set: CriteriaSet { configuration.set }
    /// Made once: it holds the set's indexes and "did you mean" candidates.
    let schema: CaseSchema
    var store: CaseFileStore { CaseFileStore(directory: configuration.caseDirectory) }
    var setLine: String { "\(set.id) \(set.version)" }

    // MARK: Login

    func loginPage(_ context: ServeContext) -> Response {
        configuration.token == nil ? Pages.redirect("/cases") : Pages.login(context: context, failed: false)
    }

    func login(_ request: Request, _ context: ServeContext) async throws -> Response {
        let fields = try await form(request, context)
        guard let token = configuration.token else { return Pages.redirect("/cases") }
        guard let given = fields.last(where: { $0.name == "token" })?.value, RandomToken.equal(given, token) else {
            context.logger.notice("login refused")
            return Pages.login(context: context, failed: true)
        }
        var response = Pages.redirect("/cases")
        response.headers.append(HTTPField(
            name: .setCookie, value: "\(SecurityMiddleware.sessionCookie)=\(sessions.start()); Path=/; HttpOnly; SameSite=Strict"))
        return response
    }

    // MARK: The list

    func list(_ request: Request, _ context: ServeContext) -> Response {
        let query = request.uri.queryParameters
        let status = query["status"].flatMap { ListPage.Status(rawValue: String($0)) } ?? .any
        let page = ListPage(
            directory: CaseDirectory.scan(configuration.caseDirectory, schema: schema), set: set, root: configuration.caseDirectory,
            assessor: query["assessor"].map(String.init), status: status)
        return Pages.html(Pages.page("Cases", current: "/cases", setLine: setLine, context: context, body: page.render(context: context)))
    }

    // MARK: The form

    func blank(_ context: ServeContext) -> Response {
        let record = CaseFormFields.read([], schema: schema).record
        let page = FormPage(
            set: set, record: record, state: CaseFormState(set: set, record: record), mode: .new, version: CaseFileStore.absent)
        return formResponse(page, context)
    }

    func open(_ request: Request, _ context: ServeContext) throws -> Response {
        let (entry, _) = try caseEntry(context.parameters.get("id") ?? "")
        let version = CaseFileStore.version(of: entry.path)
        let linted = CaseDirectory.lint(file: entry.path, schema: schema)
        guard let record = linted.records.first(where: { $0.id == entry.id }) else {
            throw HTTPError(.notFound, message: "The case is no longer in \(relative(entry.path)).")
        }
        var findings = CaseFormFields.locate(linted.diagnostics, in: record)
        if !entry.isEditable { findings[nil] = nil }  // those of the file's other cases
        var page = FormPage(
            set: set, record: record, state: CaseFormState(set: set, record: record),
            mode: .existing(file: relative(entry.path), editable: entry.isEditable, casesInFile: entry.casesInFile), version: version)
        page.findings = findings
        let query = request.uri.queryParameters
        if query["saved"] != nil {
            var text = "Saved to \(Pages.h(relative(entry.path))). "
            let errors = linted.diagnostics.count(of: .error), warnings = linted.diagnostics.count(of: .warning)
            text += errors + warnings == 0 ? "<code>caseaudit lint</code> finds no problems."
                : "<code>caseaudit lint</code> finds \(errors) error\(errors == 1 ? "" : "s") and \(warnings) warning\(warnings == 1 ? "" : "s"), shown beside the fields."
            page.banners.append(.init(kind: errors > 0 ? .warn : .ok, html: text))
            if let dropped = query["dropped"], !dropped.isEmpty {
                page.banners.append(.init(kind: .warn, html: "Answers to questions that do not apply to these facts were left out: "
                    + Pages.h(dropped.split(separator: ",").joined(separator: ", ")) + "."))
            }
        }
        return formResponse(page, context)
    }

    /// POST of the form: `action=update` shows it again for the facts given (the no-script path);
    /// `action=save` writes the case file.
    func submit(_ request: Request, _ context: ServeContext, id: String?) async throws -> Response {
        let fields = try await form(request, context)
        let action = fields.last(where: { $0.name == "action" })?.value ?? "update"
        let version = fields.last(where: { $0.name == "version" })?.value ?? CaseFileStore.absent
        var reading = CaseFormFields.read(fields, schema: schema)
        let mode: FormPage.Mode
        let path: String?
        if let id {
            let (entry, _) = try caseEntry(id)
            mode = .existing(file: relative(entry.path), editable: entry.isEditable, casesInFile: entry.casesInFile)
            path = entry.isEditable ? entry.path : nil
            if reading.record.id != id {
                reading.problems[.caseID, default: []].append("the id of a saved case cannot be changed in the form")
                reading.record.id = id
            }
            reading.problems[.caseID] = reading.problems[.caseID]?.filter { $0 != "a case needs an id" }
        } else {
            mode = .new
            path = action == "save" ? newCasePath(&reading) : nil
        }
        let state = CaseFormState(set: set, record: reading.record)
        var page = FormPage(set: set, record: reading.record, state: state, mode: mode, version: version)
        page.problems = reading.problems
        guard action == "save" else { return formResponse(page, context) }
        guard let path, reading.problems.values.allSatisfy(\.isEmpty) else {
            page.banners.append(.init(kind: .error, html: path == nil && id != nil
                ? "This case cannot be saved from the form: its file holds other cases too, or is CSV."
                : "Not saved: correct the fields marked below."))
            return formResponse(page, context, status: .unprocessableContent)
        }
        let pruned = state.withoutUnaskedAnswers(in: set)
        let text = CaseYAMLWriter.document(pruned.record, set)
        let outcome: CaseFileStore.Outcome
        do {
            outcome = try store.save(text, to: path, expected: version)
        } catch {
            context.logger.error("save failed")
            throw HTTPError(.internalServerError, message: "The case could not be written to \(relative(path)): \(error.reason).")
        }
        switch outcome {
        case .saved:
            context.logger.info("case saved")
            var location = "/cases/\(reading.record.id)?saved=1"
            if !pruned.dropped.isEmpty { location += "&dropped=" + Self.percentEncoded(pruned.dropped.joined(separator: ",")) }
            return Pages.redirect(location)
        case .conflict(let kept):
            context.logger.notice("save refused: the file changed since the form was opened")
            return conflict(path: path, kept: kept, id: reading.record.id, isNew: id == nil, context)
        }
    }

    /// The file a new case is saved to, or nil after marking the id field.
    private func newCasePath(_ reading: inout CaseFormFields.Reading) -> String? {
        let id = reading.record.id
        guard !id.isEmpty else { return nil }
        guard let path = store.newFile(for: id) else {
            reading.problems[.caseID, default: []].append(
                "a new case's id is 1 to 64 letters, digits, '-', '_' and '.', starting with a letter or digit (it names the file)")
            return nil
        }
        if let existing = CaseDirectory.scan(configuration.caseDirectory, schema: schema).entry(id: id) {
            reading.problems[.caseID, default: []].append("a case with this id is already in \(relative(existing.path))")
            return nil
        }
        return path
    }

    private func conflict(path: String, kept: String, id: String, isNew: Bool, _ context: ServeContext) -> Response {
        let h = Pages.h
        let body = """
            <h1>Not saved: the case changed on disk</h1>
            <div class="banner error">\(h(relative(path))) \(isNew ? "was created" : "was changed") after you opened this form — by another \
            assessor, or in an editor. Nothing was overwritten.</div>
            <p>Both versions are kept:</p>
            <ul><li>the version on disk: <code>\(h(relative(path)))</code></li>
            <li>yours: <code>\(h(relative(kept)))</code> (no command reads it as a case file)</li></ul>
            <p>Compare the two, then <a href="/cases/\(h(id))">open the current version</a>, enter your changes again and save.
            Delete <code>\(h(relative(kept)))</code> when you are done.</p>
            """
        return Pages.html(Pages.page("Conflict", setLine: setLine, context: context, body: body), status: .conflict)
    }

    /// The form script's request: which questions apply to the facts and answers as they stand.
    func applicability(_ request: Request, _ context: ServeContext) async throws -> Response {
        let fields = try await form(request, context)
        let record = CaseFormFields.read(fields, schema: schema).record
        let text = ApplicabilityJSON.render(CaseFormState(set: set, record: record), set: set)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private func formResponse(_ page: FormPage, _ context: ServeContext, status: HTTPResponse.Status = .ok) -> Response {
        let title = page.record.id.isEmpty ? "New case" : "Case \(page.record.id)"
        let current: String? = if case .new = page.mode { "/new" } else { nil }
        return Pages.html(Pages.page(title, current: current, setLine: setLine, context: context, body: page.render(context: context)), status: status)
    }

    // MARK: Score, gaps, report

    /// `score --format html` (figures only) or `report` (with the per-case gaps, without notes).
    func report(includesGaps: Bool) -> Response {
        let sink = OutputSink.memory()
        let options = ReportOptions(profile: Aggregate.defaultProfile(set), includesGaps: includesGaps)
        _ = ReportRun.run(stream(), options, to: sink, report: { _ in })
        return Pages.html(sink.collected, headers: [.contentSecurityPolicy: SecurityMiddleware.reportPolicy])
    }

    /// `caseaudit gaps` as text.
    func gaps(_ context: ServeContext) -> Response {
        let sink = OutputSink.memory()
        var writer = GapsText(sink, includeNotes: true)
        _ = GapsRun.run(stream(), by: [], to: &writer, report: { _ in })
        let body = "<h1>Gaps</h1><p class=\"hint\">As <code>caseaudit gaps \(Pages.h(configuration.caseDirectory))</code> prints them.</p>"
            + "<pre class=\"gaps\">\(Pages.h(sink.collected))</pre>"
        return Pages.html(Pages.page("Gaps", current: "/gaps", setLine: setLine, context: context, body: body))
    }

    private func stream() -> CaseStream {
        CaseStream(schema: schema, inputs: CaseInputs.expand([configuration.caseDirectory]).inputs)
    }

    // MARK: Helpers

    /// The case a route names: a valid id, present in the directory.
    private func caseEntry(_ id: String) throws -> (CaseDirectory.Entry, CaseDirectory) {
        guard CaseFileStore.isValidID(id) else {
            throw HTTPError(.badRequest, message: "That is not a case id the form can open.")
        }
        let directory = CaseDirectory.scan(configuration.caseDirectory, schema: schema)
        guard let entry = directory.entry(id: id) else { throw HTTPError(.notFound, message: "There is no case \(id) in the directory.") }
        return (entry, directory)
    }

    /// A POST's fields, after the size limit, the media type, the origin and the CSRF token.
    private func form(_ request: Request, _ context: ServeContext) async throws -> [(name: String, value: String)] {
        // Browsers say where a form comes from: Sec-Fetch-Site, and Origin (`null` under this
        // server's no-referrer policy). Either naming another site refuses it; the CSRF token decides.
        let site = request.headers[.secFetchSite]
        let origin = request.headers[.origin]
        if site == "cross-site" || site == "same-site"
            || (origin != nil && origin != "null" && origin != request.head.authority.map { "http://" + $0 }) {
            throw HTTPError(.forbidden, message: "The form was sent from another site.")
        }
        guard request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            throw HTTPError(.unsupportedMediaType, message: "Forms are sent as application/x-www-form-urlencoded.")
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: configuration.maxBodyBytes)
        } catch {
            throw HTTPError(.contentTooLarge, message: "The request is larger than \(configuration.maxBodyBytes) bytes.")
        }
        let fields: [(name: String, value: String)]
        do {
            fields = try FormBody.parse(body.readableBytesView)
        } catch {
            throw HTTPError(.badRequest, message: "The form could not be read.")
        }
        guard !context.csrfIsNew, let sent = fields.last(where: { $0.name == "csrf" })?.value, RandomToken.equal(sent, context.csrf) else {
            throw HTTPError(.forbidden, message: "The form's security token is missing or wrong. Reload the page and try again.")
        }
        return fields
    }

    private func relative(_ path: String) -> String {
        let root = configuration.caseDirectory
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    private static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ","):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
