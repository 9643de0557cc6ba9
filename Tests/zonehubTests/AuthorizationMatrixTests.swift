import Community
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

/// Every role against every moderation and post action, in its own zone and another: each forbidden cell answers
/// 401 (anonymous) or 403 and changes nothing; the allowed cells succeed.
@Suite struct AuthorizationMatrixTests {
    enum Actor: String, CaseIterable {
        case anonymous, resident, otherMerchant, owner, adminOfOtherZone, adminOfZone, hubOperator
    }

    struct Action {
        let name: String
        let method: HTTPRequest.Method
        let uri: String
        let body: String?
        let allowed: Set<Actor>
    }

    @Test func everyForbiddenCellIsRefusedAndChangesNothing() async throws {
        let app = try await TestApp()
        var setup: [Actor: String] = [:]
        setup[.resident] = try await app.account("resident@example.org", role: .resident).token
        setup[.otherMerchant] = try await app.merchant("autre@example.org", zone: "oise").token
        let (ownerToken, slug) = try await app.merchant("owner@example.org", zone: "oise")
        setup[.owner] = ownerToken
        setup[.adminOfOtherZone] = try await app.account("dordogne@example.org", role: .zoneAdmin, zones: ["dordogne"])
            .token
        setup[.adminOfZone] = try await app.account("oise@example.org", role: .zoneAdmin, zones: ["oise"]).token
        setup[.hubOperator] = try await app.account("op@example.org", role: .hubOperator).token
        let tokens = setup

        func submit(_ title: String) async throws -> Int {
            let body =
                #"{"merchant": "\#(slug)", "zone": "oise", "kind": "news", "title": "\#(title)", "body": "", "category": "livres", "submit": true}"#
            let answer = try await app.test { try await $0.send(.post, "/api/v1/posts", token: ownerToken, json: body) }
            return try #require(try decodeJSON(answer.body)["id"] as? Int)
        }
        let held = try await submit("En attente")
        let published = try await submit("Publiée")
        let operatorUser = try #require(try await app.hub.accounts.user(token: tokens[.hubOperator]!))
        try await app.hub.moderation.decide(Post.ID(Int64(published)), action: .approve, by: operatorUser)

        let admins: Set<Actor> = [.adminOfZone, .hubOperator]
        let content = #"{"kind": "news", "title": "Modifiée", "body": "", "category": "livres"}"#
        let rules = try await app.test {
            try await $0.send(.get, "/api/v1/zones/oise/rules", token: tokens[.hubOperator])
        }.body
        let actions = [
            Action(name: "see the queue", method: .get, uri: "/api/v1/zones/oise/queue", body: nil, allowed: admins),
            Action(name: "see the rules", method: .get, uri: "/api/v1/zones/oise/rules", body: nil, allowed: admins),
            Action(
                name: "see the audit log", method: .get, uri: "/api/v1/zones/oise/audit", body: nil, allowed: admins),
            Action(
                name: "change the rules", method: .put, uri: "/api/v1/zones/oise/rules",
                body: rules.replacingOccurrences(of: "\"weeklyQuota\":10", with: "\"weeklyQuota\":3"), allowed: admins),
            Action(
                name: "grant trust", method: .put, uri: "/api/v1/zones/oise/trust/\(slug)",
                body: #"{"setting": "granted"}"#, allowed: admins),
            Action(
                name: "approve", method: .post, uri: "/api/v1/posts/\(held)/decisions", body: #"{"action": "approve"}"#,
                allowed: admins),
            Action(
                name: "reject", method: .post, uri: "/api/v1/posts/\(held)/decisions",
                body: #"{"action": "reject", "reason": "other"}"#, allowed: admins),
            Action(
                name: "request changes", method: .post, uri: "/api/v1/posts/\(held)/decisions",
                body: #"{"action": "request_changes"}"#, allowed: admins),
            Action(
                name: "remove", method: .post, uri: "/api/v1/posts/\(published)/decisions",
                body: #"{"action": "remove", "reason": "misleading"}"#, allowed: admins),
            Action(
                name: "bulk approve", method: .post, uri: "/api/v1/zones/oise/queue/decisions",
                body: #"{"ids": [\#(held)], "action": "approve"}"#, allowed: admins),
            Action(
                name: "edit the post", method: .put, uri: "/api/v1/posts/\(published)", body: content,
                allowed: [.owner, .hubOperator]),
            Action(
                name: "withdraw the post", method: .post, uri: "/api/v1/posts/\(published)/withdraw", body: nil,
                allowed: [.owner, .hubOperator]),
        ]

        let before = try await app.database.read { db in
            try await db.values("SELECT status || title FROM post ORDER BY id") as [String]
        }
        let auditBefore = try await app.hub.audit.entries(zoneID: nil, limit: 10_000).count
        var cells = 0
        for action in actions {
            for actor in Actor.allCases where !action.allowed.contains(actor) {
                let answer = try await app.test {
                    try await $0.send(action.method, action.uri, token: tokens[actor], json: action.body)
                }
                let expected: HTTPResponse.Status = actor == .anonymous ? .unauthorized : .forbidden
                #expect(answer.status == expected, "\(actor.rawValue) may not \(action.name): \(answer.body)")
                cells += 1
            }
        }
        #expect(cells == 60)
        let after = try await app.database.read { db in
            try await db.values("SELECT status || title FROM post ORDER BY id") as [String]
        }
        #expect(after == before)
        #expect(try await app.hub.audit.entries(zoneID: nil, limit: 10_000).count == auditBefore)

        #expect(try await app.database.read { db in try await db.value("SELECT count(*) FROM report") as Int? } == 0)
        for actor in Actor.allCases {
            let answer = try await app.test {
                try await $0.send(
                    .post, "/api/v1/posts/\(published)/reports", token: tokens[actor], json: #"{"reason": "spam"}"#)
            }
            #expect(answer.status == (actor == .anonymous ? .unauthorized : .created), "\(actor.rawValue) reports")
        }
        let twice = try await app.test {
            try await $0.send(
                .post, "/api/v1/posts/\(published)/reports", token: tokens[.resident], json: #"{"reason": "spam"}"#)
        }
        #expect(twice.status == .conflict)
        #expect(try decodeJSON(twice.body)["error"] as? String == "already_reported")
        #expect(try await app.hub.posts.post(Post.ID(Int64(published)), viewer: operatorUser).status == .held)

        for action in actions
        where action.method == .get || action.name == "change the rules" || action.name == "grant trust" {
            for actor in action.allowed {
                let answer = try await app.test {
                    try await $0.send(action.method, action.uri, token: tokens[actor], json: action.body)
                }
                #expect(answer.status.code < 300, "\(actor.rawValue) may \(action.name): \(answer.body)")
            }
        }
        let approve = try await app.test {
            try await $0.send(
                .post, "/api/v1/posts/\(held)/decisions", token: tokens[.adminOfZone], json: #"{"action": "approve"}"#)
        }
        #expect(approve.status == .created)
        let late = try await app.test {
            try await $0.send(
                .post, "/api/v1/posts/\(held)/decisions", token: tokens[.hubOperator],
                json: #"{"action": "reject", "reason": "other"}"#)
        }
        #expect(late.status == .conflict)
        #expect(try decodeJSON(late.body)["error"] as? String == "already_decided")
        #expect((try decodeJSON(late.body)["message"] as? String)?.hasPrefix("oise already decided") == true)
    }

    @Test func badModerationRequestsGetClearErrors() async throws {
        let app = try await TestApp()
        let admin = try await app.account("oise@example.org", role: .zoneAdmin, zones: ["oise"]).token
        let cases: [(HTTPRequest.Method, String, String?, HTTPResponse.Status, String)] = [
            (.post, "/api/v1/posts/4242/decisions", #"{"action": "approve"}"#, .notFound, "post_not_found"),
            (.post, "/api/v1/posts/1/decisions", #"{"action": "bless"}"#, .badRequest, "invalid_field"),
            (
                .post, "/api/v1/posts/1/decisions", #"{"action": "reject", "reason": "vibes"}"#, .badRequest,
                "invalid_field"
            ),
            (.get, "/api/v1/zones/atlantide/queue", nil, .notFound, "zone_not_found"),
            (
                .put, "/api/v1/zones/oise/rules",
                #"{"holdFirstPosts": -1, "trustAfterApproved": 3, "maxLinks": 3, "weeklyQuota": 10, "holdOnContactChange": true, "watchedTerms": []}"#,
                .badRequest, "invalid_holdFirstPosts"
            ),
            (.put, "/api/v1/zones/oise/trust/personne", #"{"setting": "granted"}"#, .notFound, "merchant_not_found"),
            (
                .post, "/api/v1/zones/oise/queue/decisions", #"{"ids": [], "action": "approve"}"#, .badRequest,
                "invalid_ids"
            ),
        ]
        for (method, uri, body, status, code) in cases {
            let answer = try await app.test { try await $0.send(method, uri, token: admin, json: body) }
            #expect(answer.status == status, "\(uri) \(body ?? "")")
            #expect(try decodeJSON(answer.body)["error"] as? String == code, "\(uri): \(answer.body)")
        }
    }
}
