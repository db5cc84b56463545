/// Input text quoted in a message: `'text'`, cut to 60 characters with `…`, so that a long value
/// (a 1 MiB cell, a 20 MB anchor name) is not repeated in full in every message about it.
public func messageQuote(_ text: String) -> String {
    let limit = 60
    var scalars = text.unicodeScalars.prefix(limit + 1)
    guard scalars.count > limit else { return "'\(text)'" }
    scalars = scalars.prefix(limit)
    return "'" + String(String.UnicodeScalarView(scalars)) + "…'"
}
