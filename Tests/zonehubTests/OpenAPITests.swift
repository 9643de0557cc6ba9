import Foundation
import Testing

@testable import zonehub

@Suite struct OpenAPITests {
    static let file = TestApp.repository.appendingPathComponent("Sources/zonehub/API/openapi.json")

    static func document() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(PackageResources.openapi_json)) as? [String: Any])
    }

    /// Every API route is described, and every described operation exists.
    @Test func theSpecDescribesExactlyTheRoutesServed() async throws {
        let app = try await TestApp()
        let served = Set(
            app.router.routes.compactMap { route -> String? in
                let path = route.path.description
                guard path.hasPrefix("/api/v1/") else { return nil }
                let templated = path.dropFirst("/api/v1".count).split(separator: "/").map {
                    $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0)
                }
                return "\(route.method.rawValue) /\(templated.joined(separator: "/"))"
            })
        let document = try Self.document()
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let described = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        #expect(served == described)
        #expect(served.count >= 16)
    }

    /// The file in the repository is what the server sends, byte for byte, with the headers it always had.
    @Test func theSpecFileIsServedAsIs() async throws {
        let app = try await TestApp()
        let answer = try await app.test { try await $0.send(.get, "/api/v1/openapi.json") }
        #expect(answer.status == .ok)
        #expect(answer.headers[.contentType] == "application/json; charset=utf-8")
        #expect(answer.headers[.cacheControl] == nil)
        #expect(Data(answer.body.utf8) == (try Data(contentsOf: Self.file)))
    }

    /// Every schema `$ref` of the spec leads to a schema, and every schema it defines is used.
    @Test func everyReferenceResolvesAndEverySchemaIsUsed() throws {
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        let references = Set(text.matches(of: /"#\/components\/schemas\/(\w+)"/).map { String($0.1) })
        let schemas = try #require((try Self.document()["components"] as? [String: Any])?["schemas"] as? [String: Any])
        #expect(references == Set(schemas.keys))
        #expect(references.contains("SearchResults"))
    }
}
