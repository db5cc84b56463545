import Hummingbird

/// The request context of `caseaudit serve`: the browser's CSRF token and the response's script
/// and style nonce, set by ``SecurityMiddleware``.
public struct ServeContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The token every form of this browser carries (its `caseaudit_csrf` cookie).
    var csrf = ""
    /// True when the request had no valid CSRF cookie: a new one is set, and no POST is accepted.
    var csrfIsNew = true
    /// The nonce that lets the page's own inline script and style run under the CSP.
    var nonce = ""

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
    }
}
