import Community
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

@Suite struct APITests {
    @Test func zonesAndPostcodeLookup() async throws {
        let app = try await TestApp()
        let zones = try await app.test { try await $0.send(.get, "/api/v1/zones") }
        let items = try #require(try decodeJSON(zones.body)["items"] as? [[String: Any]])
        #expect(
            items.compactMap { $0["slug"] as? String }.sorted() == [
                "bassin-d-arcachon", "centre-essonne", "dordogne", "oise",
            ])
        let lookup = try await app.test { try await $0.send(.get, "/api/v1/communes?q=91100") }
        let communes = try #require(try decodeJSON(lookup.body)["items"] as? [[String: Any]])
        #expect(
            communes.contains {
                $0["commune"] as? String == "Corbeil-Essonnes" && $0["zone"] as? String == "centre-essonne"
            })
    }

    @Test func aMerchantSignsInWritesSubmitsAndWithdrawsThroughTheAPI() async throws {
        let app = try await TestApp()
        _ = try await app.merchant("api@example.org")
        let session = try await app.test {
            try await $0.send(.post, "/api/v1/sessions", json: #"{"email": "API@example.org ", "password": "wrong"}"#)
        }
        #expect(session.status == .unauthorized)
        #expect(session.headers[.wwwAuthenticate] == #"Bearer realm="zonehub""#)
        #expect(try decodeJSON(session.body)["error"] as? String == "bad_credentials")
        let (token, slug) = try await app.merchant("api2@example.org")
        let me = try await app.test { try await $0.send(.get, "/api/v1/me", token: token) }
        #expect(try decodeJSON(me.body)["role"] as? String == "merchant")

        let draft = try await app.test {
            try await $0.send(
                .post, "/api/v1/posts", token: token,
                json: """
                    {"merchant": "\(slug)", "zone": "dordogne", "kind": "offer", "title": "Noix fraîches",
                     "body": "Récolte 2026", "category": "alimentation", "priceCents": 650,
                     "validUntil": "2099-12-31T23:00:00Z"}
                    """)
        }
        #expect(draft.status == .created)
        let created = try decodeJSON(draft.body)
        #expect(created["status"] as? String == "draft")
        let id = try #require(created["id"] as? Int)
        let submitted = try await app.test { try await $0.send(.post, "/api/v1/posts/\(id)/submit", token: token) }
        #expect(try decodeJSON(submitted.body)["status"] as? String == "published")
        let listed = try await app.test { try await $0.send(.get, "/api/v1/posts?zone=dordogne&category=alimentation") }
        #expect(listed.body.contains("Noix fraîches"))
        let again = try await app.test { try await $0.send(.post, "/api/v1/posts/\(id)/submit", token: token) }
        #expect(again.status == .conflict)
        let withdrawn = try await app.test { try await $0.send(.post, "/api/v1/posts/\(id)/withdraw", token: token) }
        #expect(try decodeJSON(withdrawn.body)["status"] as? String == "withdrawn")
        let gone = try await app.test { try await $0.send(.get, "/api/v1/posts?merchant=\(slug)") }
        #expect(try decodeJSON(gone.body)["items"] as? [Any] == nil || !(gone.body.contains("Noix")))
        let signOut = try await app.test { try await $0.send(.delete, "/api/v1/sessions/current", token: token) }
        #expect(signOut.status == .noContent)
        let afterSignOut = try await app.test { try await $0.send(.get, "/api/v1/me", token: token) }
        #expect(afterSignOut.status == .unauthorized)
    }

    /// Each bad request gets its status and a JSON error naming the problem; nothing is written.
    @Test func badRequestsGetClearErrorsAndChangeNothing() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("owner@example.org")
        let (otherToken, _) = try await app.merchant("other@example.org")
        let (residentToken) = try await app.account("resident@example.org", role: .resident).token
        let (adminToken) = try await app.account("admin@example.org", role: .zoneAdmin, zones: ["oise"]).token
        let post = try await app.test {
            try await $0.send(
                .post, "/api/v1/posts", token: token,
                json: """
                    {"merchant": "\(slug)", "zone": "dordogne", "kind": "news", "title": "Original", "body": "", "category": "livres"}
                    """)
        }
        let id = try #require(try decodeJSON(post.body)["id"] as? Int)
        let valid =
            #"{"merchant": "\#(slug)", "zone": "dordogne", "kind": "news", "title": "T", "body": "", "category": "livres"}"#
        let cases: [(String, HTTPRequest.Method, String, String?, String?, [UInt8]?, HTTPResponse.Status, String)] = [
            ("malformed JSON", .post, "/api/v1/posts", token, "{\"kind\": ", nil, .badRequest, "invalid_json"),
            (
                "wrong type", .post, "/api/v1/posts", token, valid.replacingOccurrences(of: "\"T\"", with: "42"), nil,
                .badRequest, "invalid_field"
            ),
            (
                "missing field", .post, "/api/v1/posts", token,
                valid.replacingOccurrences(of: "\"kind\": \"news\",", with: ""), nil, .badRequest, "missing_field"
            ),
            (
                "unknown category", .post, "/api/v1/posts", token,
                valid.replacingOccurrences(of: "livres", with: "armes"), nil, .badRequest, "invalid_field"
            ),
            (
                "oversized body", .post, "/api/v1/posts", token, nil, Array(repeating: 0x20, count: 70_000),
                .contentTooLarge, "content_too_large"
            ),
            (
                "invalid UTF-8", .post, "/api/v1/posts", token, nil, [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x7D], .badRequest,
                "invalid_utf8"
            ),
            (
                "unknown zone", .post, "/api/v1/posts", token,
                valid.replacingOccurrences(of: "dordogne", with: "atlantide"), nil, .notFound, "zone_not_found"
            ),
            (
                "unknown merchant", .post, "/api/v1/posts", token,
                valid.replacingOccurrences(of: slug, with: "personne"), nil, .notFound, "merchant_not_found"
            ),
            ("not signed in", .post, "/api/v1/posts", nil, valid, nil, .unauthorized, "unauthenticated"),
            ("forged token", .post, "/api/v1/posts", "forged", valid, nil, .unauthorized, "unauthenticated"),
            ("resident posting", .post, "/api/v1/posts", residentToken, valid, nil, .forbidden, "forbidden"),
            ("someone else's post", .put, "/api/v1/posts/\(id)", otherToken, valid, nil, .forbidden, "forbidden"),
            (
                "someone else's withdrawal", .post, "/api/v1/posts/\(id)/withdraw", otherToken, nil, nil, .forbidden,
                "forbidden"
            ),
            (
                "zone admin outside their zone", .get, "/api/v1/posts?zone=dordogne&status=held", adminToken, nil, nil,
                .forbidden, "forbidden"
            ),
            ("unknown post", .get, "/api/v1/posts/987654", nil, nil, nil, .notFound, "post_not_found"),
            ("unknown route", .get, "/api/v1/nothing", nil, nil, nil, .notFound, "not_found"),
            ("bad limit", .get, "/api/v1/posts?limit=0", nil, nil, nil, .badRequest, "invalid_limit"),
            (
                "bad status", .get, "/api/v1/posts?zone=oise&status=lost", adminToken, nil, nil, .badRequest,
                "invalid_status"
            ),
        ]
        for (name, method, uri, bearer, json, bytes, status, code) in cases {
            let answer = try await app.test { try await $0.send(method, uri, token: bearer, json: json, bytes: bytes) }
            #expect(answer.status == status, "\(name)")
            // RFC 9110: a 401 names how to authenticate, and RFC 6750 why a token sent was refused; no other answer.
            let challenge =
                bearer == nil ? #"Bearer realm="zonehub""# : #"Bearer realm="zonehub", error="invalid_token""#
            #expect(answer.headers[.wwwAuthenticate] == (status == .unauthorized ? challenge : nil), "\(name)")
            let error = try decodeJSON(answer.body)
            #expect(error["error"] as? String == code, "\(name): \(answer.body)")
            #expect((error["message"] as? String)?.isEmpty == false, "\(name)")
        }
        let stored = try #require(
            try await app.database.read { db in
                try await db.values("SELECT title FROM post") as [String]
            })
        #expect(stored == ["Original"])
        let health = try await app.test { try await $0.send(.get, "/healthz") }
        #expect(health.status == .ok)
    }
}
