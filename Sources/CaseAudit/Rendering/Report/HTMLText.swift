/// Escaping for text written into HTML and SVG: every `&`, `<`, `>`, `"` and `'` becomes a
/// character reference, so case data and rule text can never open an element or end an attribute.
public enum HTMLText {
    /// Text for element content or a quoted attribute value.
    public static func escape(_ text: String) -> String {
        // By scalar, not by character: a quote followed by a combining accent is one Character.
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An `id` (or fragment) made of letters, digits, `-` and `_` only; any other character becomes
    /// `_` followed by its code point in hex, so distinct texts give distinct ids.
    public static func id(_ prefix: String, _ text: String) -> String {
        var out = prefix
        for scalar in text.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-": out.unicodeScalars.append(scalar)
            default: out += "_" + String(scalar.value, radix: 16)
            }
        }
        return out
    }
}
