@testable import zonehub

/// Holds every API answer the HTTP tests receive to `openapi.json`: the operation must be described, the status
/// listed for it, and the body must match the schema the spec gives for that status.
struct OpenAPIConformance {
    let document: JSONValue
    private let validator: JSONSchemaValidator
    /// Each path template of the spec, split into segments (`{slug}` stands for any one segment).
    private let templates: [(path: String, segments: [Substring])]

    /// The spec as the server embeds and serves it, or why it could not be read.
    static let served = Result {
        OpenAPIConformance(
            document: try JSONValue(parsing: String(decoding: PackageResources.openapi_json, as: UTF8.self)))
    }

    init(document: JSONValue) {
        self.document = document
        validator = JSONSchemaValidator(root: document)
        templates = (document["paths"]?.members ?? [:]).keys.sorted().map { ($0, $0.split(separator: "/")) }
    }

    /// What is wrong with one answer; empty when it conforms, or when it is not an API answer.
    func failures(method: String, uri: String, status: Int, contentType: String?, body: String) -> [String] {
        let path = uri.prefix { $0 != "?" }
        guard path.hasPrefix("/api/v1/") else { return [] }
        let segments = path.dropFirst("/api/v1".count).split(separator: "/")
        // A literal segment beats a parameter, as in the router.
        let template = templates.filter { template in
            template.segments.count == segments.count
                && zip(template.segments, segments).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }.max { literals($0.segments) < literals($1.segments) }
        let operation = template.flatMap { document["paths"]?[$0.path]?[method.lowercased()] }
        guard let template, let operation else {
            // The router's own answer to a path or method it does not serve: no operation to hold it to.
            return [404, 405].contains(status) ? [] : ["\(method) \(path): no operation in openapi.json"]
        }
        let name = "\(method) \(template.path) answered \(status)"
        guard var response = operation["responses"]?[String(status)] ?? operation["responses"]?["default"] else {
            return ["\(name), a status openapi.json does not list for it"]
        }
        if case .string(let reference) = response["$ref"], let target = validator.resolve(reference) {
            response = target
        }
        guard let schema = response["content"]?["application/json"]?["schema"] else {
            return body.isEmpty ? [] : ["\(name) with a body, where openapi.json describes none"]
        }
        guard contentType?.hasPrefix("application/json") == true else {
            return ["\(name) with Content-Type \(contentType ?? "none"), not application/json"]
        }
        guard let value = try? JSONValue(parsing: body) else { return ["\(name) with a body that is not JSON"] }
        return validator.failures(value, against: schema).map { "\(name): \($0)" }
    }

    private func literals(_ segments: [Substring]) -> Int { segments.filter { !$0.hasPrefix("{") }.count }
}
