import Foundation

/// A JSON Schema (draft-04) validator for tests, covering the keywords the SARIF 2.1.0 schema uses.
///
/// The schema is compiled once. A keyword or `format` the validator does not implement is an
/// error at `init`, so a clean validation never means a constraint was silently skipped.
///
/// Validated: `type`, `properties`, `required`, `additionalProperties`, `items`, `enum`,
/// `$ref` (local `#/…` pointers; siblings ignored, as draft-04 says), `minimum`, `maximum`,
/// `minItems`, `uniqueItems`, `pattern` (unanchored, ICU syntax), `format` (`uri`,
/// `uri-reference`, `date-time`), `anyOf`, `oneOf`.
/// Annotations, ignored: `$schema`, `id`, `title`, `description`, `default`, `definitions`.
struct JSONSchemaValidator: Sendable {
    /// Why a schema could not be compiled.
    struct SchemaError: Error, CustomStringConvertible {
        let description: String
    }

    private let root: Schema
    private let references: [String: Schema]

    init(schemaData: Data) throws {
        let document = try JSONValue(parsing: schemaData)
        var compiler = Compiler(document: document)
        root = try compiler.compile(document, at: "#")
        references = try compiler.compileReferences()
    }

    /// The ways `instance` breaks the schema, each as "<JSON pointer>: <problem>"; empty when valid.
    /// Throws only when `instance` is not JSON.
    func validate(_ instance: Data) throws -> [String] {
        failures(of: try JSONValue(parsing: instance), against: root, at: "").map(\.description)
    }
}

// MARK: - JSON values

extension JSONSchemaValidator {
    /// A parsed JSON value. Numbers are `Double`s: exact for integers up to 2^53.
    fileprivate enum JSONValue: Equatable, Sendable {
        case null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array([JSONValue])
        case object([String: JSONValue])

        /// Parses with `JSONSerialization`; scalars are allowed at the top level.
        init(parsing data: Data) throws {
            try self.init(foundation: JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed))
        }

        private init(foundation object: Any) throws {
            switch object {
            case is NSNull:
                self = .null
            case let number as NSNumber:
                // JSONSerialization gives NSNumber for booleans too. They are instances of a class
                // of their own (`__NSCFBoolean`, on Darwin and Linux); `as? Bool` would accept 0 and 1.
                self = Self.isBoolean(number) ? .bool(number.boolValue) : .number(number.doubleValue)
            case let string as String:
                self = .string(string)
            case let array as [Any]:
                self = .array(try array.map(JSONValue.init(foundation:)))
            case let object as [String: Any]:
                self = .object(try object.mapValues(JSONValue.init(foundation:)))
            default:
                throw SchemaError(description: "unexpected \(type(of: object)) from JSONSerialization")
            }
        }

        private static func isBoolean(_ number: NSNumber) -> Bool {
            ObjectIdentifier(type(of: number)) == ObjectIdentifier(type(of: NSNumber(value: true)))
        }

        /// Whether the value is an instance of `type`; an integer is a number with no fraction.
        func matches(_ type: JSONType) -> Bool {
            switch (type, self) {
            case (.null, .null), (.boolean, .bool), (.number, .number), (.string, .string),
                 (.array, .array), (.object, .object):
                true
            case (.integer, .number(let number)):
                number.isFinite && number.rounded(.towardZero) == number
            default:
                false
            }
        }

        /// A short rendering for messages: scalars literally, containers by kind.
        var summary: String {
            switch self {
            case .null: "null"
            case .bool(let bool): String(bool)
            case .number(let number): Self.render(number)
            case .string(let string): "\"\(string)\""
            case .array: "an array"
            case .object: "an object"
            }
        }

        static func render(_ number: Double) -> String {
            number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        }
    }

    /// The primitive types of draft-04 `type`.
    fileprivate enum JSONType: String, Sendable {
        case array, boolean, integer, null, number, object, string
    }
}

// MARK: - Compiled schema

extension JSONSchemaValidator {
    /// A compiled schema: its assertions, in a fixed order.
    fileprivate struct Schema: Sendable {
        var keywords: [Keyword]
    }

    /// One assertion of a schema.
    fileprivate enum Keyword: Sendable {
        case reference(String)
        case type([JSONType])
        case enumeration([JSONValue])
        case required([String])
        case properties([String: Schema])
        /// Properties not in `declared`: checked against `schema`, or forbidden when it is nil.
        case additionalProperties(declared: Set<String>, schema: Schema?)
        case minItems(Int)
        case uniqueItems
        case items(Schema)
        case minimum(Double)
        case maximum(Double)
        case pattern(String, NSRegularExpression)
        case format(String, NSRegularExpression)
        case anyOf([Schema])
        case oneOf([Schema])
    }

    /// Turns schema JSON into `Schema`s, collecting and then compiling every `$ref` target.
    fileprivate struct Compiler {
        let document: JSONValue
        private var pendingReferences: [String] = []

        init(document: JSONValue) {
            self.document = document
        }

        private static let annotations: Set = ["$schema", "id", "title", "description", "default", "definitions"]
        private static let assertions: Set = [
            "type", "enum", "required", "properties", "additionalProperties", "minItems", "uniqueItems",
            "items", "minimum", "maximum", "pattern", "format", "anyOf", "oneOf",
        ]

        /// The syntax each supported `format` must match, anchored.
        private static let formats: [String: String] = {
            let uriCharacter = #"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})"#
            return [
                // RFC 3986 URI-reference: only unreserved, reserved and percent-encoded characters.
                "uri-reference": "^\(uriCharacter)*$",
                // RFC 3986 URI: a scheme, then the same characters.
                "uri": "^[A-Za-z][A-Za-z0-9+.\\-]*:\(uriCharacter)*$",
                // RFC 3339 date-time, with field ranges.
                "date-time": "^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt]"
                    + "(?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\\.[0-9]+)?"
                    + "(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$",
            ]
        }()

        mutating func compile(_ node: JSONValue, at path: String) throws -> Schema {
            guard case .object(let object) = node else { throw error(path, "a schema must be an object") }
            if let reference = object["$ref"] {
                let target = try string(reference, at: path + "/$ref")
                pendingReferences.append(target)
                return Schema(keywords: [.reference(target)])
            }
            let unknown = object.keys.filter { !Self.annotations.contains($0) && !Self.assertions.contains($0) }
            if let keyword = unknown.sorted().first { throw error(path, "unsupported keyword \"\(keyword)\"") }

            var keywords: [Keyword] = []
            if let types = object["type"] {
                keywords.append(.type(try typeList(types, at: path + "/type")))
            }
            if case .array(let values)? = object["enum"] {
                keywords.append(.enumeration(values))
            } else if object["enum"] != nil {
                throw error(path + "/enum", "must be an array")
            }
            if let names = object["required"] {
                keywords.append(.required(try strings(names, at: path + "/required")))
            }
            var declared: Set<String> = []
            if let properties = object["properties"] {
                let members = try members(properties, at: path + "/properties")
                declared = Set(members.keys)
                keywords.append(.properties(try members.reduce(into: [:]) { compiled, member in
                    compiled[member.key] = try compile(member.value, at: path + "/properties/" + member.key)
                }))
            }
            switch object["additionalProperties"] {
            case nil, .bool(true)?: break
            case .bool(false)?: keywords.append(.additionalProperties(declared: declared, schema: nil))
            case let schema?:
                let compiled = try compile(schema, at: path + "/additionalProperties")
                keywords.append(.additionalProperties(declared: declared, schema: compiled))
            }
            if let count = object["minItems"] {
                keywords.append(.minItems(try nonNegativeInteger(count, at: path + "/minItems")))
            }
            switch object["uniqueItems"] {
            case nil, .bool(false)?: break
            case .bool(true)?: keywords.append(.uniqueItems)
            default: throw error(path + "/uniqueItems", "must be a boolean")
            }
            if let items = object["items"] {
                keywords.append(.items(try compile(items, at: path + "/items")))
            }
            if let bound = object["minimum"] {
                keywords.append(.minimum(try number(bound, at: path + "/minimum")))
            }
            if let bound = object["maximum"] {
                keywords.append(.maximum(try number(bound, at: path + "/maximum")))
            }
            if let pattern = object["pattern"] {
                let source = try string(pattern, at: path + "/pattern")
                keywords.append(.pattern(source, try regex(source, at: path + "/pattern")))
            }
            if let format = object["format"] {
                let name = try string(format, at: path + "/format")
                guard let syntax = Self.formats[name] else { throw error(path, "unsupported format \"\(name)\"") }
                keywords.append(.format(name, try regex(syntax, at: path + "/format")))
            }
            if let alternatives = object["anyOf"] {
                keywords.append(.anyOf(try schemas(alternatives, at: path + "/anyOf")))
            }
            if let alternatives = object["oneOf"] {
                keywords.append(.oneOf(try schemas(alternatives, at: path + "/oneOf")))
            }
            return Schema(keywords: keywords)
        }

        /// Compiles the target of every `$ref` met so far, and of those they lead to.
        mutating func compileReferences() throws -> [String: Schema] {
            var compiled: [String: Schema] = [:]
            while let reference = pendingReferences.popLast() {
                guard compiled[reference] == nil else { continue }
                compiled[reference] = try compile(try resolve(reference), at: reference)
            }
            return compiled
        }

        /// The node a local reference (`#` or `#/a/b`, RFC 6901 escapes) points at.
        private func resolve(_ reference: String) throws -> JSONValue {
            guard reference.hasPrefix("#") else { throw error(reference, "only local $ref pointers are supported") }
            let tokens = reference.dropFirst().split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            return try tokens.reduce(document) { node, token in
                let key = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
                switch node {
                case .object(let object):
                    if let child = object[key] { return child }
                case .array(let array):
                    if let index = Int(key), array.indices.contains(index) { return array[index] }
                default:
                    break
                }
                throw error(reference, "$ref does not resolve")
            }
        }

        // MARK: Keyword values

        private func typeList(_ value: JSONValue, at path: String) throws -> [JSONType] {
            let names = if case .string(let name) = value { [name] } else { try strings(value, at: path) }
            return try names.map { name in
                guard let type = JSONType(rawValue: name) else { throw error(path, "unknown type \"\(name)\"") }
                return type
            }
        }

        private mutating func schemas(_ value: JSONValue, at path: String) throws -> [Schema] {
            guard case .array(let nodes) = value, !nodes.isEmpty else { throw error(path, "must be a non-empty array") }
            var compiled: [Schema] = []
            for (index, node) in nodes.enumerated() {
                compiled.append(try compile(node, at: "\(path)/\(index)"))
            }
            return compiled
        }

        private func members(_ value: JSONValue, at path: String) throws -> [String: JSONValue] {
            guard case .object(let object) = value else { throw error(path, "must be an object") }
            return object
        }

        private func strings(_ value: JSONValue, at path: String) throws -> [String] {
            guard case .array(let values) = value else { throw error(path, "must be an array of strings") }
            return try values.map { try string($0, at: path) }
        }

        private func string(_ value: JSONValue, at path: String) throws -> String {
            guard case .string(let string) = value else { throw error(path, "must be a string") }
            return string
        }

        private func number(_ value: JSONValue, at path: String) throws -> Double {
            guard case .number(let number) = value else { throw error(path, "must be a number") }
            return number
        }

        private func nonNegativeInteger(_ value: JSONValue, at path: String) throws -> Int {
            guard value.matches(.integer), case .number(let number) = value, number >= 0, let count = Int(exactly: number)
            else { throw error(path, "must be a non-negative integer") }
            return count
        }

        private func regex(_ source: String, at path: String) throws -> NSRegularExpression {
            do {
                return try NSRegularExpression(pattern: source)
            } catch {
                throw self.error(path, "invalid regular expression \(source)")
            }
        }

        private func error(_ path: String, _ message: String) -> SchemaError {
            SchemaError(description: "\(path): \(message)")
        }
    }
}

// MARK: - Validation

extension JSONSchemaValidator {
    /// One problem with an instance: where (an RFC 6901 pointer) and what.
    private struct Failure: CustomStringConvertible {
        let pointer: String
        let message: String

        var description: String { "\(pointer.isEmpty ? "(root)" : pointer): \(message)" }
    }

    private func failures(of value: JSONValue, against schema: Schema, at pointer: String) -> [Failure] {
        schema.keywords.flatMap { failures(of: value, against: $0, at: pointer) }
    }

    private func failures(of value: JSONValue, against keyword: Keyword, at pointer: String) -> [Failure] {
        func fail(_ message: String, at place: String = pointer) -> [Failure] {
            [Failure(pointer: place, message: message)]
        }
        switch (keyword, value) {
        case (.reference(let reference), _):
            guard let target = references[reference] else { return fail("unresolved $ref \(reference)") }
            return failures(of: value, against: target, at: pointer)

        case (.type(let types), _):
            guard !types.contains(where: value.matches) else { return [] }
            return fail("expected \(types.map(\.rawValue).joined(separator: " or ")), found \(value.summary)")

        case (.enumeration(let allowed), _):
            guard !allowed.contains(value) else { return [] }
            return fail("\(value.summary) is not one of \(allowed.map(\.summary).joined(separator: ", "))")

        case (.required(let names), .object(let object)):
            return names.filter { object[$0] == nil }.flatMap { fail("missing required property \"\($0)\"") }

        case (.properties(let properties), .object(let object)):
            return object.keys.sorted().flatMap { name -> [Failure] in
                guard let schema = properties[name], let member = object[name] else { return [] }
                return failures(of: member, against: schema, at: pointer + "/" + Self.escape(name))
            }

        case (.additionalProperties(let declared, let schema), .object(let object)):
            return object.keys.sorted().filter { !declared.contains($0) }.flatMap { name -> [Failure] in
                let place = pointer + "/" + Self.escape(name)
                guard let schema, let member = object[name] else {
                    return fail("property \"\(name)\" is not allowed here (additionalProperties is false)", at: place)
                }
                return failures(of: member, against: schema, at: place)
            }

        case (.minItems(let minimum), .array(let items)):
            return items.count >= minimum ? [] : fail("has \(items.count) items, fewer than minItems \(minimum)")

        case (.uniqueItems, .array(let items)):
            for (later, item) in items.enumerated() {
                if let earlier = items[..<later].firstIndex(of: item) {
                    return fail("items \(earlier) and \(later) are equal, but uniqueItems is true")
                }
            }
            return []

        case (.items(let schema), .array(let items)):
            return items.enumerated().flatMap { failures(of: $1, against: schema, at: "\(pointer)/\($0)") }

        case (.minimum(let bound), .number(let number)):
            return number >= bound ? [] : fail("\(value.summary) is less than the minimum \(JSONValue.render(bound))")

        case (.maximum(let bound), .number(let number)):
            return number <= bound ? [] : fail("\(value.summary) is greater than the maximum \(JSONValue.render(bound))")

        case (.pattern(let source, let regex), .string(let string)):
            return Self.matches(regex, string) ? [] : fail("\(value.summary) does not match the pattern \(source)")

        case (.format(let name, let regex), .string(let string)):
            return Self.matches(regex, string) ? [] : fail("\(value.summary) is not a valid \(name)")

        case (.anyOf(let alternatives), _):
            let outcomes = alternatives.map { failures(of: value, against: $0, at: pointer) }
            guard !outcomes.contains(where: \.isEmpty) else { return [] }
            return fail("matches none of the anyOf alternatives: " + Self.summarize(outcomes))

        case (.oneOf(let alternatives), _):
            let outcomes = alternatives.map { failures(of: value, against: $0, at: pointer) }
            let matching = outcomes.indices.filter { outcomes[$0].isEmpty }
            switch matching.count {
            case 1: return []
            case 0: return fail("matches none of the oneOf alternatives: " + Self.summarize(outcomes))
            default:
                let list = matching.map { "[\($0)]" }.joined(separator: ", ")
                return fail("matches alternatives \(list) of oneOf; exactly one must match")
            }

        default:
            // A keyword for another type of instance (e.g. `minimum` on a string) does not apply.
            return []
        }
    }

    /// Why each alternative failed: "[0] …; [1] …".
    private static func summarize(_ outcomes: [[Failure]]) -> String {
        outcomes.enumerated().map { index, failures in
            "[\(index)] " + failures.map(\.description).joined(separator: ", ")
        }.joined(separator: "; ")
    }

    /// Whether `regex` matches anywhere in `string` (JSON Schema patterns are unanchored).
    private static func matches(_ regex: NSRegularExpression, _ string: String) -> Bool {
        regex.firstMatch(in: string, range: NSRange(string.startIndex..., in: string)) != nil
    }

    /// An RFC 6901 reference token for `name`.
    private static func escape(_ name: String) -> String {
        name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
