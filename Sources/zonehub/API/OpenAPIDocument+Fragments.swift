import Foundation

extension OpenAPIDocument {
    /// The document as served: the core paths with each feature's own paths and schemas merged in.
    static let served: String = merged(core, with: [popUps, object(directory) ?? [:]])

    /// Adds each fragment's `paths` and `schemas` to `base`, earlier ones winning; a fragment that is not JSON is
    /// a programming error caught by the OpenAPI tests, which compare the result with the routes.
    static func merged(_ base: String, with fragments: [[String: Any]]) -> String {
        guard var document = object(base) else { return base }
        var paths = document["paths"] as? [String: Any] ?? [:]
        var components = document["components"] as? [String: Any] ?? [:]
        var schemas = components["schemas"] as? [String: Any] ?? [:]
        for fragment in fragments {
            paths.merge(fragment["paths"] as? [String: Any] ?? [:]) { current, _ in current }
            schemas.merge(fragment["schemas"] as? [String: Any] ?? [:]) { current, _ in current }
        }
        components["schemas"] = schemas
        document["paths"] = paths
        document["components"] = components
        guard
            let data = try? JSONSerialization.data(
                withJSONObject: document, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else { return base }
        return String(decoding: data, as: UTF8.self)
    }

    private static func object(_ text: String) -> [String: Any]? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    }
}
