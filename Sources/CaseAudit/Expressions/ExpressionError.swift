/// A problem in one expression, at a character offset of its text.
struct ExpressionError: Error, Sendable {
    var code: String
    var message: String
    var offset: Int
    var fixIt: String?

    init(_ code: String, _ message: String, at offset: Int, fixIt: String? = nil) {
        self.code = code
        self.message = message
        self.offset = offset
        self.fixIt = fixIt
    }
}
