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

/// Every problem found in one expression (at least one), in the order of the text.
struct ExpressionErrors: Error, Sendable {
    var all: [ExpressionError]

    init(_ errors: [ExpressionError]) {
        // Stable: two errors at one offset keep the order they were found in.
        all = errors.enumerated().sorted { ($0.element.offset, $0.offset) < ($1.element.offset, $1.offset) }.map(\.element)
    }
}
