import YAMLKit

/// A normalised rendering of a YAML tree for hashing: comments, layout and quoting style do not count.
enum CanonicalText {
    static func render(_ node: Node) -> String {
        var out: [UInt8] = []
        write(node, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Written as UTF-8 bytes: the escaped characters are ASCII, which never occurs inside a
    /// multi-byte character, so escaping byte by byte is escaping character by character.
    private static func write(_ node: Node, into out: inout [UInt8]) {
        switch node.content {
        case .scalar(let value, _):
            out.append(UInt8(ascii: "\""))
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    out.append(UInt8(ascii: "\\"))
                    out.append(byte)
                case UInt8(ascii: "\n"):
                    out.append(UInt8(ascii: "\\"))
                    out.append(UInt8(ascii: "n"))
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        case .sequence(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .mapping(let pairs):
            out.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(pair.key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(pair.value, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }
}

extension CanonicalText {
    /// A value as a person reads it: a scalar as written, collections in YAML flow style.
    static func flow(_ node: Node) -> String {
        switch node.content {
        case .scalar(let value, _): return value
        case .sequence(let items): return "[" + items.map(flow).joined(separator: ", ") + "]"
        case .mapping(let pairs): return "{" + pairs.map { flow($0.key) + ": " + flow($0.value) }.joined(separator: ", ") + "}"
        }
    }
}
