import Foundation

/// A strict little HTML parser for the report tests: elements with their attributes, text and
/// children, and every way the text is not well formed — an element closed out of order or never
/// closed, an end tag with nothing open, a duplicate attribute, an unknown character reference, a
/// stray `<`, a self-closing tag outside SVG. Only `<style>` holds raw text.
final class HTMLElement {
    enum Part {
        case text(String)
        case element(HTMLElement)
    }

    let name: String
    let attributes: [String: String]
    private(set) var parts: [Part] = []
    private(set) weak var parent: HTMLElement?

    init(name: String, attributes: [String: String], parent: HTMLElement?) {
        self.name = name
        self.attributes = attributes
        self.parent = parent
    }

    func append(_ part: Part) { parts.append(part) }

    var children: [HTMLElement] {
        parts.compactMap { if case .element(let element) = $0 { return element } else { return nil } }
    }

    /// All text inside, in document order.
    var text: String {
        parts.map { part in
            switch part {
            case .text(let text): return text
            case .element(let element): return element.text
            }
        }.joined()
    }

    /// This element and every element inside it, in document order.
    var descendantsAndSelf: [HTMLElement] { [self] + children.flatMap(\.descendantsAndSelf) }

    var ancestors: [HTMLElement] {
        var out: [HTMLElement] = []
        var current = parent
        while let element = current {
            out.append(element)
            current = element.parent
        }
        return out
    }

    /// The text nodes inside, each with the element that holds it.
    var textNodes: [(text: String, parent: HTMLElement)] {
        parts.flatMap { part -> [(text: String, parent: HTMLElement)] in
            switch part {
            case .text(let text): return [(text, self)]
            case .element(let element): return element.textNodes
            }
        }
    }
}

struct HTMLDocument {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    ]

    let root = HTMLElement(name: "#document", attributes: [:], parent: nil)
    private(set) var problems: [String] = []
    private(set) var doctype = false

    init(_ source: String) {
        let characters = Array(source)
        var index = 0
        var stack = [root]
        var text = ""

        func flushText() {
            if !text.isEmpty, let top = stack.last { top.append(.text(decode(text))) }
            text = ""
        }
        func decode(_ raw: String) -> String {
            var out = ""
            var rest = Substring(raw)
            while let amp = rest.firstIndex(of: "&") {
                out += rest[..<amp]
                guard let semicolon = rest[amp...].firstIndex(of: ";") else {
                    problems.append("bare & in \(raw.prefix(40))")
                    out += rest[amp...]
                    return out
                }
                let entity = String(rest[rest.index(after: amp)..<semicolon])
                switch entity {
                case "amp": out += "&"
                case "lt": out += "<"
                case "gt": out += ">"
                case "quot": out += "\""
                case "#39": out += "'"
                default: problems.append("unknown character reference &\(entity);")
                }
                rest = rest[rest.index(after: semicolon)...]
            }
            return out + rest
        }
        func starts(with prefix: String) -> Bool {
            let needle = Array(prefix)
            return index + needle.count <= characters.count && Array(characters[index..<index + needle.count]) == needle
        }
        func skip(past terminator: String) -> String {
            let needle = Array(terminator)
            let start = index
            while index < characters.count {
                if index + needle.count <= characters.count, Array(characters[index..<index + needle.count]) == needle {
                    index += needle.count
                    return String(characters[start..<index - needle.count])
                }
                index += 1
            }
            problems.append("unterminated \(terminator)")
            return String(characters[start...])
        }

        while index < characters.count {
            let character = characters[index]
            guard character == "<" else {
                text.append(character)
                index += 1
                continue
            }
            if starts(with: "<!--") {
                flushText()
                index += 4
                _ = skip(past: "-->")
                continue
            }
            if starts(with: "<!") {
                flushText()
                let declaration = skip(past: ">")
                if declaration.lowercased().hasPrefix("<!doctype html") { doctype = true }
                continue
            }
            let next = index + 1 < characters.count ? characters[index + 1] : " "
            if next == "/" {
                flushText()
                index += 2
                let name = skip(past: ">").trimmingCharacters(in: .whitespaces).lowercased()
                guard stack.count > 1, let top = stack.last else {
                    problems.append("</\(name)> with no element open")
                    continue
                }
                if top.name == name {
                    stack.removeLast()
                } else {
                    problems.append("</\(name)> closes <\(top.name)>")
                    if let at = stack.lastIndex(where: { $0.name == name }), at > 0 { stack.removeSubrange(at...) }
                }
                continue
            }
            guard next.isLetter else {
                problems.append("stray < before '\(next)'")
                text.append(character)
                index += 1
                continue
            }
            flushText()
            index += 1
            let tag = skip(past: ">")
            var (name, attributes, selfClosing) = Self.parseTag(tag, problems: &problems)
            attributes = attributes.mapValues(decode)
            let parent = stack.last ?? root
            let element = HTMLElement(name: name, attributes: attributes, parent: parent)
            parent.append(.element(element))
            if Self.voidElements.contains(name) { continue }
            if selfClosing {
                if !(element.ancestors.contains { $0.name == "svg" } || name == "svg") {
                    problems.append("self-closing <\(name)/> outside SVG")
                }
                continue
            }
            if name == "style" {
                element.append(.text(skip(past: "</style>")))
                continue
            }
            stack.append(element)
        }
        flushText()
        for open in stack.dropFirst() { problems.append("<\(open.name)> is never closed") }
    }

    /// Name, attributes and whether the tag ends with `/`, from the text between `<` and `>`.
    private static func parseTag(_ tag: String, problems: inout [String]) -> (String, [String: String], Bool) {
        var characters = Substring(tag)
        let selfClosing = characters.hasSuffix("/")
        if selfClosing { characters = characters.dropLast() }
        let name = String(characters.prefix { !$0.isWhitespace }).lowercased()
        var rest = characters.dropFirst(name.count)
        var attributes: [String: String] = [:]
        while true {
            rest = rest.drop { $0.isWhitespace }
            guard !rest.isEmpty else { break }
            let key = String(rest.prefix { !$0.isWhitespace && $0 != "=" }).lowercased()
            rest = rest.dropFirst(key.count)
            var value = ""
            if rest.first == "=" {
                rest = rest.dropFirst()
                if let quote = rest.first, quote == "\"" || quote == "'" {
                    rest = rest.dropFirst()
                    value = String(rest.prefix { $0 != quote })
                    rest = rest.dropFirst(value.count)
                    if rest.first == quote { rest = rest.dropFirst() } else { problems.append("unclosed quote in <\(name)>") }
                } else {
                    problems.append("unquoted attribute \(key) in <\(name)>")
                    value = String(rest.prefix { !$0.isWhitespace })
                    rest = rest.dropFirst(value.count)
                }
            }
            if key.isEmpty {
                problems.append("malformed attributes in <\(name)>")
                break
            }
            if attributes[key] != nil { problems.append("duplicate attribute \(key) in <\(name)>") }
            attributes[key] = value
        }
        return (name, attributes, selfClosing)
    }

    /// Every element, in document order.
    var elements: [HTMLElement] { root.descendantsAndSelf.dropFirst().map { $0 } }
}
