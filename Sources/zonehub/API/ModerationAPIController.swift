import Community
import Foundation
import Hummingbird
import Moderation

/// `/api/v1` endpoints for zone admins: the queue, decisions, rules, trust and the audit log.
struct ModerationAPIController {
    let zones: ZoneService
    let moderation: ModerationQueue
    let reportLimiter: RateLimiter
    /// The hub's public address, for absolute links.
    let publicURL: String
    let clock: any HubClock
    var base: String { publicURL }

    func addRoutes(to group: some RouterMethods<HubRequestContext>) {
        group.get("zones/:slug/queue", use: queue)
        group.post("zones/:slug/queue/decisions", use: bulk)
        group.post("posts/:id/decisions", use: decide)
        group.get("zones/:slug/rules", use: rules)
        group.put("zones/:slug/rules", use: setRules)
        group.put("zones/:slug/trust/:merchant", use: trust)
        group.get("zones/:slug/audit", use: audit)
        group.post("posts/:id/reports", use: report)
    }

    struct ReportRequest: Codable {
        let reason: ReportReason
        let note: String?
    }

    struct ReportAnswer: Codable {
        /// Whether this report hid the post until an admin decides.
        let hidden: Bool
    }

    func report(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try PathID.post(context)
        try await reportLimiter.allowReport(by: user, now: clock.now())
        let body = try await JSONBody.decode(ReportRequest.self, from: request, context: context)
        let hidden = try await moderation.report(id, reason: body.reason, note: body.note, by: user)
        return JSONBody.response(ReportAnswer(hidden: hidden), status: .created)
    }

    struct DecisionRequest: Codable {
        let action: DecisionAction
        let reason: ReasonCode?
        let note: String?
    }

    struct BulkRequest: Codable {
        let ids: [Int64]
        let action: DecisionAction
        let reason: ReasonCode?
    }

    struct TrustRequest: Codable {
        let setting: TrustSetting?
    }

    struct DecisionPayload: Codable {
        let id: Int64
        let post: Int64
        let action: DecisionAction
        let reason: ReasonCode?
        let note: String?
        let moderator: String
        let at: Date

        init(_ decision: Decision) {
            id = decision.id.rawValue
            post = decision.postID.rawValue
            action = decision.action
            reason = decision.reason
            note = decision.note
            moderator = decision.moderatorName
            at = decision.at
        }
    }

    struct ItemPayload: Codable {
        let post: PostPayload
        let approved: Int
        let rejected: Int
        let removed: Int
        let waitingSeconds: Int
        let overdue: Bool
        let escalated: Bool
        let history: [DecisionPayload]
    }

    struct BulkResult: Codable {
        let post: Int64
        let decision: DecisionPayload?
        let error: ErrorPayload?
    }

    struct AuditPayload: Codable {
        let at: Date
        let actor: String?
        let action: String
        let subject: String
        let details: String
    }

    func queue(_ request: Request, context: HubRequestContext) async throws -> Response {
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        let items = try await moderation.list(zone, by: context.requireUser()).map {
            ItemPayload(
                post: PostPayload($0.post, baseURL: base), approved: $0.record.approved, rejected: $0.record.rejected,
                removed: $0.record.removed, waitingSeconds: Int($0.waiting), overdue: $0.overdue,
                escalated: $0.escalated, history: $0.history.map(DecisionPayload.init))
        }
        return JSONBody.response(ListPayload(items: items, next: nil))
    }

    func decide(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try PathID.post(context)
        let body = try await JSONBody.decode(DecisionRequest.self, from: request, context: context)
        let decision = try await moderation.decide(
            id, action: body.action, reason: body.reason, note: body.note, by: user)
        return JSONBody.response(DecisionPayload(decision), status: .created)
    }

    func bulk(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        guard user.administers(zone.id) else {
            throw CommunityError.forbidden("you do not administer the zone \(zone.name)")
        }
        let body = try await JSONBody.decode(BulkRequest.self, from: request, context: context)
        guard (1...200).contains(body.ids.count) else { throw RequestField.ids.invalid("list 1 to 200 post ids") }
        let french = ErrorMiddleware.prefersFrench(request.headers[.acceptLanguage])
        let results = await moderation.decideAll(
            body.ids.map { Post.ID($0) }, action: body.action, reason: body.reason, by: user
        ).map { id, result in
            switch result {
            case .success(let decision): BulkResult(post: id.rawValue, decision: DecisionPayload(decision), error: nil)
            case .failure(let error):
                BulkResult(
                    post: id.rawValue, decision: nil,
                    error: ErrorPayload(error: error.code, message: french ? error.frenchMessage : error.message))
            }
        }
        return JSONBody.response(ListPayload(items: results, next: nil))
    }

    func rules(_ request: Request, context: HubRequestContext) async throws -> Response {
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        return JSONBody.response(try await moderation.rules(zone, by: context.requireUser()))
    }

    func setRules(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        let rules = try await JSONBody.decode(ScreeningRules.self, from: request, context: context)
        try await moderation.setRules(rules, zone: zone, by: user)
        return JSONBody.response(try await moderation.rules(zone, by: user))
    }

    func trust(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        let body = try await JSONBody.decode(TrustRequest.self, from: request, context: context)
        try await moderation.setTrust(
            body.setting, merchantSlug: context.parameters.require("merchant"), zone: zone, by: user)
        return Response(status: .noContent)
    }

    func audit(_ request: Request, context: HubRequestContext) async throws -> Response {
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        let lines = try await moderation.auditLog(zone, by: context.requireUser()).map {
            AuditPayload(
                at: $0.entry.at, actor: $0.actorName, action: $0.entry.action, subject: $0.entry.subject,
                details: $0.entry.details)
        }
        return JSONBody.response(ListPayload(items: lines, next: nil))
    }
}
