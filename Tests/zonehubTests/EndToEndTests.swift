import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The real binary, started as an operator would, driven over real HTTP.
@Suite(.serialized) struct EndToEndTests {
    struct Answer {
        let status: Int
        let body: String
    }

    func request(_ method: String, _ url: URL, token: String? = nil, json: String? = nil) async throws -> Answer {
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.httpBody = Data(json.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        return Answer(
            status: (response as? HTTPURLResponse)?.statusCode ?? 0, body: String(decoding: data, as: UTF8.self))
    }

    @Test func aMerchantGoesFromSignInToAPublishedPostReadBackFromTheZonePage() async throws {
        let database = try await Binary.hubWithZones().database
        let added = try await Binary.running([
            "users", "add", "--email", "cave@example.org", "--role", "merchant", "--db", database,
        ])
        let password = try #require(
            added.output.split(separator: "\n").first { $0.hasPrefix("initial password: ") }?
                .dropFirst("initial password: ".count))
        let server = try RunningServer(database: database)
        let api = server.baseURL.appendingPathComponent("api/v1")

        let session = try await request(
            "POST", api.appendingPathComponent("sessions"),
            json: #"{"email": "cave@example.org", "password": "\#(password)"}"#)
        #expect(session.status == 201)
        let token = try #require(try decodeJSON(session.body)["token"] as? String)

        let merchant = try await request(
            "POST", api.appendingPathComponent("merchants"), token: token,
            json: """
                {"name": "Cave de Bergerac", "description": "Vins du Bergeracois.", "categories": ["alimentation"],
                 "commune": "Bergerac", "postcode": "24100", "address": "2 place Gambetta", "links": [], "zones": ["dordogne"]}
                """)
        #expect(merchant.status == 201)
        let slug = try #require(try decodeJSON(merchant.body)["slug"] as? String)

        let post = try await request(
            "POST", api.appendingPathComponent("posts"), token: token,
            json: """
                {"merchant": "\(slug)", "zone": "dordogne", "kind": "offer", "title": "Monbazillac 2020 à prix doux",
                 "body": "Six bouteilles achetées, la septième offerte.", "category": "alimentation", "priceCents": 1490,
                 "submit": true}
                """)
        #expect(post.status == 201)
        #expect(try decodeJSON(post.body)["status"] as? String == "published")

        let zonePage = try await request("GET", server.baseURL.appendingPathComponent("zones/dordogne"))
        #expect(zonePage.status == 200)
        #expect(zonePage.body.contains("Monbazillac 2020 à prix doux"))
        #expect(zonePage.body.contains("14,90 €"))
        #expect(try await request("GET", server.baseURL.appendingPathComponent("healthz")).body == "ok")
    }
}
