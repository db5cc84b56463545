/// Escaping for text written into HTML and SVG: every `&`, `<`, `>`, `"` and `'` becomes a
/// character reference, so case data and rule text can never open an element or end an attribute.
public enum HTMLText {
    /// Text for element content or a quoted attribute value.
    public static func escape(_ text: String) -> String {
        // By UTF-8 byte, not by Character: a quote followed by a combining accent is one Character,
        // and every escaped character is ASCII, so multi-byte characters pass through untouched.
        let needsEscape: (UInt8) -> Bool = {
            $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'")
        }
        guard text.containsUTF8Byte(where: needsEscape) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
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
