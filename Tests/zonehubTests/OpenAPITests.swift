import Foundation
import Testing

@testable import zonehub

@Suite struct OpenAPITests {
    /// Every API route is described, and every described operation exists.
    @Test func theDocumentDescribesExactlyTheRoutesServed() async throws {
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
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(OpenAPIDocument.served.utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let described = Set(paths.flatMap { path, operations in operations.keys.map { "\($0.uppercased()) \(path)" } })
        #expect(served == described)
        #expect(served.count >= 16)
    }

    @Test func theDocumentIsServed() async throws {
        let app = try await TestApp()
        let answer = try await app.test { try await $0.send(.get, "/api/v1/openapi.json") }
        #expect(answer.status == .ok)
        #expect(answer.body == OpenAPIDocument.served)
    }
}
