import Foundation
import Testing

@testable import zonehub

/// The checker that holds the HTTP tests' API answers to `openapi.json`: it accepts what conforms and names
/// what does not, so that a drifted schema fails a test.
@Suite struct JSONSchemaValidatorTests {
    static let document = #"""
        {"components": {"schemas": {
          "Item": {"type": "object", "required": ["id", "name"], "additionalProperties": false, "properties": {
            "id": {"type": "integer", "minimum": 1},
            "name": {"type": "string", "maxLength": 5, "description": "shown to people"},
            "kind": {"type": "string", "enum": ["shop", "stall"]},
            "postcode": {"type": "string", "pattern": "^[0-9]{5}$"},
            "at": {"type": ["string", "null"], "format": "date-time"},
            "tags": {"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 2},
            "error": {"oneOf": [{"$ref": "#/components/schemas/Error"}, {"type": "null"}]}
          }},
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}}
        }}}
        """#

    func validator() throws -> JSONSchemaValidator { JSONSchemaValidator(root: try JSONValue(parsing: Self.document)) }

    func failures(_ json: String, _ reference: String = "#/components/schemas/Item") throws -> [String] {
        try validator().failures(try JSONValue(parsing: json), against: .object(["$ref": .string(reference)]))
    }

    @Test func aConformingValuePasses() throws {
        let item =
            #"{"id": 3, "name": "Épi", "kind": "shop", "postcode": "24100", "at": "2026-12-06T20:43:49Z", "#
            + #""tags": ["bio"], "error": {"error": "not_found", "more": 1}}"#
        #expect(try failures(item) == [])
        #expect(try failures(#"{"id": 1, "name": "a", "at": null, "error": null}"#) == [])
    }

    @Test(arguments: [
        (#"{"id": "3", "name": "a"}"#, "$.id: \"3\" is not of type \"integer\""),
        (#"{"id": true, "name": "a"}"#, "$.id: true is not of type \"integer\""),
        (#"{"id": 1.5, "name": "a"}"#, "$.id: 1.5 is not of type \"integer\""),
        (#"{"id": 0, "name": "a"}"#, "$.id: 0 is less than 1"),
        (#"{"name": "a"}"#, "$: id is required"),
        (#"{"id": 1, "name": "abcdef"}"#, "$.name: longer than 5"),
        (#"{"id": 1, "name": "a", "colour": "red"}"#, "$.colour: not described by the schema"),
        (#"{"id": 1, "name": "a", "kind": "van"}"#, #"$.kind: "van" is not one of ["shop", "stall"]"#),
        (#"{"id": 1, "name": "a", "postcode": "2410"}"#, #"$.postcode: "2410" does not match ^[0-9]{5}$"#),
        (#"{"id": 1, "name": "a", "at": "06/12/2026"}"#, #"$.at: "06/12/2026" is not a known date-time"#),
        (#"{"id": 1, "name": "a", "at": 5}"#, #"$.at: 5 is not of type ["string", "null"]"#),
        (#"{"id": 1, "name": "a", "tags": []}"#, "$.tags: fewer than 1 items"),
        (#"{"id": 1, "name": "a", "tags": ["x", 2]}"#, #"$.tags[1]: 2 is not of type "string""#),
        (#"{"id": 1, "name": "a", "error": {"code": 1}}"#, "$.error: {code} matches 0 of oneOf, not exactly one"),
        (#"[1]"#, #"$: [1] is not of type "object""#),
    ])
    func aValueThatDriftsFromItsSchemaIsNamed(json: String, failure: String) throws {
        #expect(try failures(json) == [failure])
    }

    @Test func aReferenceThatLeadsNowhereOrAnUnknownKeywordFails() throws {
        #expect(try failures("{}", "#/components/schemas/Shop") == ["$: $ref #/components/schemas/Shop leads nowhere"])
        let validator = try validator()
        let unknown = validator.failures(.number(1), against: .object(["multipleOf": .number(2)]))
        #expect(unknown == ["$: this checker does not know multipleOf"])
        #expect(validator.failures(.null, against: .object(["format": .string("hostname")])) == [])
        #expect(JSONSchemaValidator.has(format: "hostname", "example.org") == false)
    }

    /// A real answer checked against the served spec, then against a copy of it where the zone schema has lost a
    /// property: the drift is caught.
    @Test func aRealAnswerFailsOnceItsSchemaDrifts() async throws {
        let app = try await TestApp()
        let answer = try await app.test { try await $0.send(.get, "/api/v1/zones/dordogne") }
        let spec = try OpenAPIConformance.served.get()
        func failures(_ spec: OpenAPIConformance, status: Int = 200) -> [String] {
            spec.failures(
                method: "GET", uri: "/api/v1/zones/dordogne?x=1", status: status,
                contentType: answer.headers[.contentType], body: answer.body)
        }
        #expect(failures(spec) == [])
        var zone = try #require(spec.document["components"]?["schemas"]?["Zone"]?.members)
        var properties = try #require(zone["properties"]?.members)
        properties["locale"] = nil
        zone["properties"] = .object(properties)
        var document = try #require(spec.document.members)
        var components = try #require(document["components"]?.members)
        var schemas = try #require(components["schemas"]?.members)
        schemas["Zone"] = .object(zone)
        components["schemas"] = .object(schemas)
        document["components"] = .object(components)
        #expect(
            failures(OpenAPIConformance(document: .object(document))) == [
                "GET /zones/{slug} answered 200: $.locale: not described by the schema"
            ])
        #expect(
            failures(spec, status: 418) == [
                "GET /zones/{slug} answered 418, a status openapi.json does not list for it"
            ])
        #expect(
            spec.failures(method: "GET", uri: "/api/v1/zones", status: 200, contentType: "text/html", body: "<p>")
                == ["GET /zones answered 200 with Content-Type text/html, not application/json"])
        #expect(
            spec.failures(method: "GET", uri: "/api/v1/nowhere", status: 200, contentType: nil, body: "")
                == ["GET /api/v1/nowhere: no operation in openapi.json"])
    }
}
