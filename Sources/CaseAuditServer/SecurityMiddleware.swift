import HTTPTypes
import Hummingbird
import Logging

/// Every request passes here: the Host check (against DNS rebinding), the size limit, the token
/// session, the CSRF cookie, and the security headers on every response. Errors become plain pages;
/// the log has the method, the route pattern and the status, never a case id, an answer or a note.
struct SecurityMiddleware: RouterMiddleware {
    typealias Context = ServeContext
    let configuration: ServeConfiguration
    let sessions: Sessions

    static let csrfCookie = "caseaudit_csrf"
    static let sessionCookie = "caseaudit_session"

    func handle(_ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response) async throws -> Response {
        var context = context
        let csrfCookie = request.cookies[Self.csrfCookie]?.value
        context.csrfIsNew = !(csrfCookie.map { RandomToken.isHex($0) } ?? false)
        context.csrf = context.csrfIsNew ? RandomToken.hex() : csrfCookie ?? ""
        context.nonce = RandomToken.hex(bytes: 16)
        let start = ContinuousClock.now
        var response: Response
        do {
            if let refused = check(request, context) {
                response = refused
            } else {
                response = try await next(request, context)
            }
        } catch let error as HTTPError {
            response = Pages.problem(error.status, error.body ?? error.status.reasonPhrase, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(type(of: error))"])
            response = Pages.problem(.internalServerError, "The server could not answer this request.", context: context)
        }
        let elapsed = ContinuousClock.now - start
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        // The time the server took, shown by browsers' developer tools and read by scripts/bench-serve.
        response.headers[.serverTiming] = "app;dur=" + String(Double(Int(milliseconds * 10)) / 10)
        context.logger.info("\(request.method) \(context.endpointPath ?? "(no route)") \(response.status.code)")
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = Self.policy(nonce: context.nonce)
        }
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.cacheControl] = "no-store"
        response.headers[.crossOriginOpenerPolicy] = "same-origin"
        if context.csrfIsNew {
            response.headers.append(HTTPField(name: .setCookie, value: "\(Self.csrfCookie)=\(context.csrf); Path=/; HttpOnly; SameSite=Strict"))
        }
        return response
    }

    /// A response that ends the request before any route, or nil to go on.
    private func check(_ request: Request, _ context: ServeContext) -> Response? {
        if configuration.token == nil, !isLocalHost(request.head.authority) {
            return Pages.problem(.misdirectedRequest, "This server answers only to 127.0.0.1, localhost and [::1].", context: context)
        }
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > configuration.maxBodyBytes {
            return Pages.problem(.contentTooLarge, "The request is larger than \(configuration.maxBodyBytes) bytes.", context: context)
        }
        if configuration.token != nil, request.uri.path != "/login", !sessions.isOpen(request.cookies[Self.sessionCookie]?.value) {
            if request.method == .get || request.method == .head {
                return Response(status: .seeOther, headers: [.location: "/login"])
            }
            return Pages.problem(.forbidden, "Log in first.", context: context)
        }
        return nil
    }

    /// The Host header's name is a loopback name (a port may follow).
    private func isLocalHost(_ authority: String?) -> Bool {
        guard let authority else { return false }
        var host = Substring(authority)
        if host.hasPrefix("[") {
            host = host.prefix { $0 != "]" }.dropFirst()
        } else if let colon = host.lastIndex(of: ":") {
            host = host[..<colon]
        }
        return ServeConfiguration.isLoopback(String(host))
    }

    /// The pages' policy: nothing from elsewhere; only the page's own nonce-marked script and style.
    static func policy(nonce: String) -> String {
        "default-src 'none'; script-src 'nonce-\(nonce)'; style-src 'nonce-\(nonce)'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    /// The report pages' policy: their inline CSS and SVG, no script at all.
    static let reportPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"
}

extension HTTPField.Name {
    // Header names HTTPTypes does not declare (literal, valid names).
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let crossOriginOpenerPolicy = HTTPField.Name("Cross-Origin-Opener-Policy")!
    static let serverTiming = HTTPField.Name("Server-Timing")!
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
}
