import Foundation
import Testing

@testable import zonehub

@Suite struct OpenAPITests {
    static let file = TestApp.repository.appendingPathComponent("Sources/zonehub/API/openapi.json")

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
        let document = try OpenAPIConformance.served.get().document
        #expect(document["openapi"] == .string("3.1.0"))
        let paths = try #require(document["paths"]?.members)
        let described = Set(
            paths.flatMap { path, operations in (operations.members ?? [:]).keys.map { "\($0.uppercased()) \(path)" } })
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

    /// Every `$ref` of the spec leads somewhere, and every schema it defines is used.
    @Test func everyReferenceResolvesAndEverySchemaIsUsed() throws {
        let spec = try OpenAPIConformance.served.get()
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        let references = Set(text.matches(of: /"\$ref": "([^"]+)"/).map { String($0.1) })
        let validator = JSONSchemaValidator(root: spec.document)
        #expect(references.filter { validator.resolve($0) == nil }.isEmpty)
        let schemas = try #require(spec.document["components"]?["schemas"]?.members)
        #expect(Set(schemas.keys.map { "#/components/schemas/\($0)" }).subtracting(references).isEmpty)
        #expect(references.contains("#/components/schemas/SearchResults"))
    }
}
