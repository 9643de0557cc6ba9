import Catalogue
import Community
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Orders
import Testing

@testable import zonehub

/// A hub with a fromagerie (its owner, a comté, a brie and a bûche) and a rival merchant with a product of its
/// own, for the order API's tests. Unchecked: its router is built once and never changed, and the tests' request
/// closures read the shop's products and tokens.
struct OrderAPIShop: @unchecked Sendable {
    let app: TestApp
    let owner: User
    let ownerToken: String
    let slug: String
    let rivalToken: String
    let rivalSlug: String
    let comte: Product
    let brie: Product
    let buche: Product
    let rivalProduct: Product

    init(onDisk: Bool = false) async throws {
        app = try await TestApp(onDisk: onDisk)
        (ownerToken, slug) = try await app.merchant("fromagerie@example.org")
        owner = try #require(try await app.hub.accounts.user(email: "fromagerie@example.org"))
        (rivalToken, rivalSlug) = try await app.merchant("boulangerie@example.org")
        let rival = try #require(try await app.hub.accounts.user(email: "boulangerie@example.org"))
        let catalogue = app.hub.catalogue
        comte = try await catalogue.add(
            ProductDetails(name: "Comté 18 mois", priceCents: 2890, unit: .kilogram), merchantSlug: slug, by: owner)
        brie = try await catalogue.add(
            ProductDetails(name: "Brie de Meaux", priceCents: 2450, unit: .kilogram), merchantSlug: slug, by: owner)
        buche = try await catalogue.add(
            ProductDetails(name: "Bûche de Noël", priceCents: 3200, unit: .piece), merchantSlug: slug, by: owner)
        rivalProduct = try await catalogue.add(
            ProductDetails(name: "Baguette", priceCents: 120, unit: .piece), merchantSlug: rivalSlug, by: rival)
    }

    static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// A window's body, starting `hours` from now and `length` hours long.
    func windowJSON(inHours hours: Double, capacity: Int = 5, length: Double = 2) -> String {
        let start = Date().addingTimeInterval(hours * 3600)
        return """
            {"startsAt": "\(Self.iso(start))", "endsAt": "\(Self.iso(start.addingTimeInterval(length * 3600)))", \
            "capacity": \(capacity)}
            """
    }

    /// A window offered through the service, starting `hours` from now.
    func window(inHours hours: Double, capacity: Int = 5) async throws -> CollectionWindow {
        let start = Date().addingTimeInterval(hours * 3600)
        return try await app.hub.orders.addWindow(
            WindowDetails(startsAt: start, endsAt: start.addingTimeInterval(7200), capacity: capacity),
            merchantSlug: slug, by: owner)
    }

    /// A campaign's body: three units of `product` (the bûche by default), closing `closingInHours` from now and
    /// collected a day later.
    func campaignJSON(product: Int64? = nil, closingInHours: Double = 48) -> String {
        let closes = Date().addingTimeInterval(closingInHours * 3600)
        return """
            {"title": "Bûches de Noël", "description": "À retirer le 24 décembre.", \
            "closesAt": "\(Self.iso(closes))", "collectFrom": "\(Self.iso(closes.addingTimeInterval(86_400)))", \
            "collectUntil": "\(Self.iso(closes.addingTimeInterval(86_400 + 8 * 3600)))", \
            "products": [{"product": \(product ?? buche.id.rawValue), "quantity": 3}]}
            """
    }

    /// The `id` of each item of a list answer.
    func ids(_ body: String) throws -> [Int?] {
        (try decodeJSON(body)["items"] as? [[String: Any]] ?? []).map { $0["id"] as? Int }
    }

    /// The statuses of every request the shop received, sorted.
    func statuses() async throws -> [String] {
        try await app.hub.orders.requests(merchantSlug: slug, by: owner).map(\.status.rawValue).sorted()
    }
}

extension TestClientProtocol {
    /// `send` with an `Accept-Language` header; the answer is held to `openapi.json` as `send` does.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, token: String, json: String, language: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields) {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(token)"
        headers[.contentType] = "application/json"
        headers[.acceptLanguage] = language
        let answer = try await execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: json)) {
            (status: $0.status, body: String(buffer: $0.body), headers: $0.headers)
        }
        let failures = try OpenAPIConformance.served.get().failures(
            method: method.rawValue, uri: uri, status: answer.status.code, contentType: answer.headers[.contentType],
            body: answer.body)
        for failure in failures { Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation) }
        return answer
    }
}
