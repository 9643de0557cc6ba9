import Foundation

/// A JSON value read with `JSONDecoder`, which keeps `true` apart from `1` (`JSONSerialization` gives both as
/// `NSNumber` on Linux, and a bridged `NSNumber` passes for a `Bool`).
enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    init(parsing text: String) throws { self = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }

    subscript(key: String) -> JSONValue? { members?[key] }

    /// The members of an object (nil for any other value).
    var members: [String: JSONValue]? {
        guard case .object(let members) = self else { return nil }
        return members
    }

    /// The JSON Schema type names this value has ("integer" numbers are also "number"s).
    var types: Set<String> {
        switch self {
        case .null: ["null"]
        case .bool: ["boolean"]
        case .number(let value): value.rounded() == value ? ["number", "integer"] : ["number"]
        case .string: ["string"]
        case .array: ["array"]
        case .object: ["object"]
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let value): value.rounded() == value && abs(value) < 1e15 ? "\(Int64(value))" : "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let values): "[\(values.map(\.description).joined(separator: ", "))]"
        case .object(let members): "{\(members.keys.sorted().joined(separator: ", "))}"
        }
    }
}

/// Checks values against the part of JSON Schema 2020-12 (the dialect of OpenAPI 3.1) that `openapi.json` uses.
/// A keyword outside that part is reported as a failure, never skipped, so the spec cannot outgrow its checker.
struct JSONSchemaValidator {
    /// The document that `$ref`s point into.
    let root: JSONValue

    /// Keywords that only annotate, so check nothing.
    static let annotations: Set<String> = ["description", "default", "example", "examples", "title", "deprecated"]

    /// One line per failure, each starting with the place in `value` (`$.items[0].slug`); empty when it conforms.
    func failures(_ value: JSONValue, against schema: JSONValue, at place: String = "$") -> [String] {
        switch schema {
        case .bool(true): return []
        case .bool(false): return ["\(place): not described by the schema"]
        case .object(let keywords):
            return keywords.sorted { $0.key < $1.key }.flatMap { check($0.key, $0.value, value, keywords, place) }
        default: return ["\(place): the schema is not an object: \(schema)"]
        }
    }

    private func check(
        _ keyword: String, _ argument: JSONValue, _ value: JSONValue, _ schema: [String: JSONValue], _ place: String
    ) -> [String] {
        switch (keyword, argument, value) {
        case ("$ref", .string(let reference), _):
            guard let target = resolve(reference) else { return ["\(place): $ref \(reference) leads nowhere"] }
            return failures(value, against: target, at: place)
        case ("type", _, _):
            return value.types.isDisjoint(with: argument.strings)
                ? ["\(place): \(value) is not of type \(argument)"] : []
        case ("enum", .array(let options), _):
            return options.contains(value) ? [] : ["\(place): \(value) is not one of \(argument)"]
        case ("properties", .object(let properties), .object(let members)):
            return properties.sorted { $0.key < $1.key }.flatMap { name, schema in
                members[name].map { failures($0, against: schema, at: "\(place).\(name)") } ?? []
            }
        case ("required", .array, .object(let members)):
            return argument.strings.filter { members[$0] == nil }.map { "\(place): \($0) is required" }
        case ("additionalProperties", _, .object(let members)):
            let declared = schema["properties"]?.members ?? [:]
            return members.sorted { $0.key < $1.key }.filter { declared[$0.key] == nil }.flatMap {
                failures($0.value, against: argument, at: "\(place).\($0.key)")
            }
        case ("items", _, .array(let elements)):
            return elements.indices.flatMap { failures(elements[$0], against: argument, at: "\(place)[\($0)]") }
        case ("minItems", .number(let bound), .array(let elements)):
            return Double(elements.count) >= bound ? [] : ["\(place): fewer than \(argument) items"]
        case ("maxItems", .number(let bound), .array(let elements)):
            return Double(elements.count) <= bound ? [] : ["\(place): more than \(argument) items"]
        case ("minLength", .number(let bound), .string(let text)):
            return Double(text.unicodeScalars.count) >= bound ? [] : ["\(place): shorter than \(argument)"]
        case ("maxLength", .number(let bound), .string(let text)):
            return Double(text.unicodeScalars.count) <= bound ? [] : ["\(place): longer than \(argument)"]
        case ("minimum", .number(let bound), .number(let number)):
            return number >= bound ? [] : ["\(place): \(value) is less than \(argument)"]
        case ("maximum", .number(let bound), .number(let number)):
            return number <= bound ? [] : ["\(place): \(value) is more than \(argument)"]
        case ("pattern", .string(let pattern), .string(let text)):
            return text.range(of: pattern, options: .regularExpression) != nil
                ? [] : ["\(place): \(value) does not match \(pattern)"]
        case ("format", .string(let format), .string(let text)):
            return Self.has(format: format, text) ? [] : ["\(place): \(value) is not a known \(format)"]
        case ("allOf", .array(let schemas), _):
            return schemas.flatMap { failures(value, against: $0, at: place) }
        case ("anyOf", .array(let schemas), _):
            return schemas.contains { failures(value, against: $0).isEmpty }
                ? [] : ["\(place): \(value) matches none of anyOf"]
        case ("oneOf", .array(let schemas), _):
            let matches = schemas.filter { failures(value, against: $0).isEmpty }.count
            return matches == 1 ? [] : ["\(place): \(value) matches \(matches) of oneOf, not exactly one"]
        case ("properties", .object, _), ("required", .array, _), ("additionalProperties", _, _), ("items", _, _),
            ("minItems", .number, _), ("maxItems", .number, _), ("minLength", .number, _), ("maxLength", .number, _),
            ("minimum", .number, _), ("maximum", .number, _), ("pattern", .string, _), ("format", .string, _):
            return []  // applies to another type of value: `type` says whether this one may be there
        default:
            return Self.annotations.contains(keyword) ? [] : ["\(place): this checker does not know \(keyword)"]
        }
    }

    /// The value a local reference (`#/components/schemas/Zone`) points at.
    func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#") else { return nil }
        return reference.dropFirst().split(separator: "/").reduce(root as JSONValue?) { value, token in
            value?[token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")]
        }
    }

    /// The formats the spec uses; another format name is a failure, so that a new one gets a check.
    static func has(format: String, _ text: String) -> Bool {
        let pattern: String? =
            switch format {
            case "date-time": #"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$"#
            case "date": #"^\d{4}-\d\d-\d\d$"#
            case "uri": #"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$"#
            case "email": #"^[^@\s]+@[^@\s]+$"#
            default: nil
            }
        return pattern.map { text.range(of: $0, options: .regularExpression) != nil } ?? false
    }
}

extension JSONValue {
    /// The strings of an array (`"a"` alone counts as `["a"]`).
    fileprivate var strings: Set<String> {
        switch self {
        case .string(let text): [text]
        case .array(let values): Set(values.compactMap { if case .string(let text) = $0 { text } else { nil } })
        default: []
        }
    }
}
