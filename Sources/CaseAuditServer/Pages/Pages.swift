import CaseAudit
import HTTPTypes
import Hummingbird

/// The page frame and the small pages (problems, login). Every text from a case, a file or the set
/// goes through ``h(_:)``.
enum Pages {
    /// Escapes text for HTML content and attribute values.
    static func h(_ text: String) -> String { HTMLText.escape(text) }

    /// A whole page: the navigation, the style under the nonce, and `body`.
    static func page(_ title: String, current: String? = nil, setLine: String? = nil, context: ServeContext, body: String) -> String {
        let links = [("/cases", "Cases"), ("/new", "New case"), ("/score", "Scores"), ("/gaps", "Gaps"), ("/report", "Report")]
        let nav = links.map { href, label in
            "<a href=\"\(href)\"\(href == current ? " aria-current=\"page\"" : "")>\(label)</a>"
        }.joined()
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <link rel="icon" href="data:,">
        <title>\(h(title)) · caseaudit</title>
        <style nonce="\(context.nonce)">\(PageStyle.css)</style>
        </head>
        <body>
        <header class="top"><strong>caseaudit</strong><nav>\(nav)</nav>\(setLine.map { "<span class=\"set\">\(h($0))</span>" } ?? "")</header>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// A page saying what went wrong, with the status.
    static func problem(_ status: HTTPResponse.Status, _ message: String, context: ServeContext) -> Response {
        html(page("\(status.code) \(status.reasonPhrase)", context: context, body: """
            <h1>\(h(status.reasonPhrase))</h1>
            <div class="banner error">\(h(message))</div>
            <p><a href="/cases">Back to the cases</a></p>
            """), status: status)
    }

    /// The hidden CSRF field every form carries.
    static func csrfField(_ context: ServeContext) -> String {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(context.csrf)\">"
    }

    static func login(context: ServeContext, failed: Bool) -> Response {
        html(page("Log in", context: context, body: """
            <h1>Log in</h1>
            \(failed ? "<div class=\"banner error\">That is not the token this server was started with.</div>" : "")
            <p>This server holds case records. Enter the token it was started with (<code>--token</code> or <code>--token-file</code>).</p>
            <form method="post" action="/login">
            \(csrfField(context))
            <label class="field">Token <input type="password" name="token" autocomplete="current-password" required autofocus></label>
            <p><button type="submit">Log in</button></p>
            </form>
            """), status: failed ? .forbidden : .ok)
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
