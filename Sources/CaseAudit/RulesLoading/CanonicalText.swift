import YAMLKit

/// A normalised rendering of a YAML tree for hashing: comments, layout and quoting style do not count.
enum CanonicalText {
    static func render(_ node: Node) -> String {
        var out = ""
        write(node, into: &out)
        return out
    }

    private static func write(_ node: Node, into out: inout String) {
        switch node.content {
        case .scalar(let value, _):
            out += "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                default: out.unicodeScalars.append(scalar)
                }
            }
            out += "\""
        case .sequence(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                write(item, into: &out)
            }
            out += "]"
        case .mapping(let pairs):
            out += "{"
            for (index, pair) in pairs.enumerated() {
                if index > 0 { out += "," }
                write(pair.key, into: &out)
                out += ":"
                write(pair.value, into: &out)
            }
            out += "}"
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
