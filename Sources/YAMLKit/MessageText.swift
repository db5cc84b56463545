/// Input text quoted in a message: `'text'`, cut to 60 characters with `…`, so that a long value
/// (a 1 MiB cell, a 20 MB anchor name) is not repeated in full in every message about it.
public func messageQuote(_ text: String) -> String {
    let limit = 60
    var scalars = text.unicodeScalars.prefix(limit + 1)
    guard scalars.count > limit else { return "'\(text)'" }
    scalars = scalars.prefix(limit)
    return "'" + String(String.UnicodeScalarView(scalars)) + "…'"
}

/// The characters a terminal acts on rather than shows: C0 (tab included), DEL, C1 and the line
/// and paragraph separators U+2028 and U+2029. Messages escape them, source lines under a
/// diagnostic replace them (tabs apart), and a case id may not hold one.
public func isTerminalControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
}
