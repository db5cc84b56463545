import Foundation
import Testing

@Suite("JSON Schema validator")
struct JSONSchemaValidatorTests {
    /// The smallest SARIF log with one located result, as the lint renderer is expected to write.
    static let minimalLog = """
        {"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"message":{"text":"m"},\
        "ruleId":"a.b","level":"error","locations":[{"physicalLocation":{"artifactLocation":{"uri":"cases/a.yaml"},\
        "region":{"startLine":3,"startColumn":7}}}]}]}]}
        """

    /// One way to break `minimalLog`, and the single error it must cause.
    struct Breakage: Sendable, CustomTestStringConvertible {
        let testDescription: String
        let replacing: String
        let with: String
        let pointer: String
        let problem: String
    }

    static let result = "/runs/0/results/0"
    static let region = result + "/locations/0/physicalLocation/region"

    static let breakages: [Breakage] = [
        Breakage(
            testDescription: "wrong version", replacing: #""version":"2.1.0""#, with: #""version":"2.0.0""#,
            pointer: "/version", problem: #""2.0.0" is not one of "2.1.0""#),
        Breakage(
            testDescription: "missing runs", replacing: minimalLog, with: #"{"version":"2.1.0"}"#,
            pointer: "(root)", problem: #"missing required property "runs""#),
        Breakage(
            testDescription: "unknown result property", replacing: #""ruleId":"a.b""#,
            with: #""ruleId":"a.b","severity":"high""#,
            pointer: result + "/severity", problem: "is not allowed here (additionalProperties is false)"),
        Breakage(
            testDescription: "level outside the enum", replacing: #""level":"error""#, with: #""level":"fatal""#,
            pointer: result + "/level", problem: #""fatal" is not one of "none", "note", "warning", "error""#),
        Breakage(
            testDescription: "startLine below its minimum", replacing: #""startLine":3"#, with: #""startLine":0"#,
            pointer: region + "/startLine", problem: "0 is less than the minimum 1"),
        Breakage(
            testDescription: "fractional startColumn", replacing: #""startColumn":7"#, with: #""startColumn":1.5"#,
            pointer: region + "/startColumn", problem: "expected integer, found 1.5"),
        Breakage(
            testDescription: "message with neither text nor id", replacing: #"{"text":"m"}"#,
            with: #"{"markdown":"m"}"#, pointer: result + "/message",
            problem: #"matches none of the anyOf alternatives: [0] \#(result)/message: missing required property "text"; "#
                + #"[1] \#(result)/message: missing required property "id""#),
        Breakage(
            testDescription: "non-string uri", replacing: #""uri":"cases/a.yaml""#, with: #""uri":42"#,
            pointer: result + "/locations/0/physicalLocation/artifactLocation/uri",
            problem: "expected string, found 42"),
        Breakage(
            testDescription: "uri with a space", replacing: #""uri":"cases/a.yaml""#, with: #""uri":"cases/a b.yaml""#,
            pointer: result + "/locations/0/physicalLocation/artifactLocation/uri",
            problem: #""cases/a b.yaml" is not a valid uri-reference"#),
    ]

    static func sarifValidator() throws -> JSONSchemaValidator {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/sarif-schema-2.1.0", withExtension: "json"))
        return try JSONSchemaValidator(schemaData: Data(contentsOf: url))
    }

    /// The errors `instance` has against the inline `schema`.
    func errors(_ schema: String, _ instance: String) throws -> [String] {
        try JSONSchemaValidator(schemaData: Data(schema.utf8)).validate(Data(instance.utf8))
    }

    // MARK: The SARIF schema

    @Test("a minimal SARIF log validates clean against the SARIF 2.1.0 schema")
    func minimalLogIsValid() throws {
        #expect(try Self.sarifValidator().validate(Data(Self.minimalLog.utf8)) == [])
    }

    @Test("a broken SARIF log is rejected with one error at the right place", arguments: breakages)
    func brokenLogIsRejected(_ breakage: Breakage) throws {
        #expect(Self.minimalLog.contains(breakage.replacing))
        let log = Self.minimalLog.replacingOccurrences(of: breakage.replacing, with: breakage.with)
        let errors = try Self.sarifValidator().validate(Data(log.utf8))
        #expect(errors.count == 1, "\(errors)")
        let error = try #require(errors.first)
        #expect(error.hasPrefix(breakage.pointer + ": "), "\(error)")
        #expect(error.contains(breakage.problem), "\(error)")
    }

    // MARK: Keywords on inline schemas

    @Test("a type array admits each listed type, null included, and nothing else")
    func typeArrayWithNull() throws {
        let schema = #"{"type":["array","null"]}"#
        #expect(try errors(schema, "null") == [])
        #expect(try errors(schema, "[1]") == [])
        #expect(try errors(schema, #""x""#) == [#"(root): expected array or null, found "x""#])
    }

    @Test("booleans and numbers are told apart although JSONSerialization gives NSNumber for both")
    func booleansAreNotNumbers() throws {
        #expect(try errors(#"{"type":"boolean"}"#, "true") == [])
        #expect(try errors(#"{"type":"boolean"}"#, "1") == ["(root): expected boolean, found 1"])
        #expect(try errors(#"{"type":"integer"}"#, "false") == ["(root): expected integer, found false"])
        #expect(try errors(#"{"type":"number"}"#, "true") == ["(root): expected number, found true"])
        #expect(try errors(#"{"enum":[1]}"#, "true") == ["(root): true is not one of 1"])
        #expect(try errors(#"{"uniqueItems":true}"#, "[1, true, 0, false]") == [])
    }

    @Test("integer admits whole numbers only")
    func integers() throws {
        let schema = #"{"type":"integer"}"#
        #expect(try errors(schema, "-3") == [])
        #expect(try errors(schema, "2.0") == [])
        #expect(try errors(schema, "1.5") == ["(root): expected integer, found 1.5"])
    }

    @Test("$ref follows local pointers, recursively, and ignores its siblings")
    func references() throws {
        let schema = """
            {"definitions":{"node":{"type":"object","additionalProperties":false,
              "properties":{"next":{"$ref":"#/definitions/node"},"weight":{"$ref":"#/definitions/positive"}}},
             "positive":{"type":"integer","minimum":1}},
             "$ref":"#/definitions/node","type":"string"}
            """
        #expect(try errors(schema, #"{"next":{"next":{"weight":2}}}"#) == [])
        #expect(try errors(schema, #"{"next":{"next":{"weight":0,"x":1}}}"#) == [
            "/next/next/weight: 0 is less than the minimum 1",
            #"/next/next/x: property "x" is not allowed here (additionalProperties is false)"#,
        ])
    }

    @Test("pattern is unanchored unless the pattern anchors itself, and skips non-strings")
    func patterns() throws {
        #expect(try errors(#"{"pattern":"b+"}"#, #""abbc""#) == [])
        #expect(try errors(#"{"pattern":"b+"}"#, #""ac""#) == [#"(root): "ac" does not match the pattern b+"#])
        #expect(try errors(#"{"pattern":"^[a-z]{2}$"}"#, #""abc""#).count == 1)
        #expect(try errors(#"{"pattern":"b+"}"#, "42") == [])
    }

    @Test("uniqueItems compares items structurally, with 1 and 1.0 equal")
    func uniqueItems() throws {
        let schema = #"{"type":"array","uniqueItems":true}"#
        #expect(try errors(schema, #"[1, 2, "1", [1], {"a":1}]"#) == [])
        #expect(try errors(schema, "[1, 2, 1.0]") == ["(root): items 0 and 2 are equal, but uniqueItems is true"])
        #expect(try errors(schema, #"[{"a":[1]}, {"a":[1]}]"#).count == 1)
    }

    @Test("formats: uri needs a scheme, uri-reference only URI characters, date-time RFC 3339")
    func formats() throws {
        let uri = #"{"format":"uri"}"#
        #expect(try errors(uri, #""https://example.org/a?b=c#d""#) == [])
        #expect(try errors(uri, #""cases/a.yaml""#).count == 1)
        let reference = #"{"format":"uri-reference"}"#
        #expect(try errors(reference, #""cases/a%20b.yaml""#) == [])
        #expect(try errors(reference, #""file:///tmp/x""#) == [])
        #expect(try errors(reference, #""C:\\cases\\a.yaml""#).count == 1)
        #expect(try errors(reference, #""a\tb""#).count == 1)
        let dateTime = #"{"format":"date-time"}"#
        #expect(try errors(dateTime, #""2024-02-29T23:59:60.5Z""#) == [])
        #expect(try errors(dateTime, #""2024-02-29T01:00:00+05:30""#) == [])
        #expect(try errors(dateTime, #""2024-13-01T00:00:00Z""#).count == 1)
        #expect(try errors(dateTime, #""2024-01-01 00:00:00Z""#).count == 1)
        #expect(try errors(dateTime, #""2024-01-01T00:00:00""#).count == 1)
    }

    @Test("oneOf needs exactly one matching alternative")
    func oneOf() throws {
        let schema = #"{"oneOf":[{"required":["a"]},{"required":["b"]}]}"#
        #expect(try errors(schema, #"{"a":1}"#) == [])
        #expect(try errors(schema, #"{"a":1,"b":2}"#) == ["(root): matches alternatives [0], [1] of oneOf; exactly one must match"])
        #expect(try errors(schema, "{}").count == 1)
    }

    @Test("pointers escape ~ and / in property names")
    func pointerEscaping() throws {
        #expect(try errors(#"{"additionalProperties":false}"#, #"{"a/b~c":1}"#) == [
            #"/a~1b~0c: property "a/b~c" is not allowed here (additionalProperties is false)"#
        ])
    }

    @Test("a schema with a keyword, format or $ref the validator cannot honour is refused")
    func unsupportedSchemas() {
        for schema in [
            #"{"exclusiveMinimum":true}"#, #"{"format":"email"}"#, ##"{"$ref":"#/definitions/missing"}"##,
            #"{"pattern":"("}"#, #"{"type":"float"}"#, "[]",
        ] {
            #expect(throws: JSONSchemaValidator.SchemaError.self, "\(schema)") {
                try JSONSchemaValidator(schemaData: Data(schema.utf8))
            }
        }
    }

    @Test("an instance that is not JSON throws")
    func invalidInstance() throws {
        let validator = try JSONSchemaValidator(schemaData: Data("{}".utf8))
        #expect(throws: (any Error).self) { try validator.validate(Data("{".utf8)) }
    }
}
