import Community
import Foundation
import Hummingbird

/// A zone admin's answer to one request of a queue: approve it, or refuse it with a reason told to the person.
enum QueueDecision {
    case approve
    case refuse(reason: String)
}

/// The frame the zone admins' queues of requests share (sign-ups, listing claims): the queue of the zone the path
/// names, and a decision posted to `…/:id/:decision` that shows the queue again with what was done, or with the
/// problem that stopped it. Each queue brings its page and what a decision does.
struct ZoneRequestQueue<Item> {
    /// The queue's page of `zone` as `user` sees it, after a decision's `notice` or with its `problem`.
    typealias Page = (
        _ zone: Zone, _ user: User, _ notice: String?, _ problem: CommunityError?, _ context: HubRequestContext,
        _ status: HTTPResponse.Status
    ) async throws -> Response

    let zones: ZoneService
    /// What an id or a decision that names no request of the queue answers.
    let missing: any MissingThing
    let page: Page

    /// The queue, for a signed-in user.
    func show(context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        return try await page(zone, user, nil, nil, context, .ok)
    }

    /// Reads the request's id, the decision (`approve`, or `refuse` with the form's `reason`) and hands them to
    /// `decide`, which returns the notice to show; a refusal the person can act on (invalid input, a conflict) is
    /// shown on the queue with its status.
    func decide(
        _ request: Request, context: HubRequestContext,
        _ decide: (Identifier<Item>, QueueDecision, Zone, User) async throws -> String
    ) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        let id: Identifier<Item> = try PathID.identifier(context, missing: missing)
        let body = try await FormBody.read(request, context: context)
        let decision: QueueDecision
        switch try context.parameters.require("decision") {
        case "approve": decision = .approve
        case "refuse": decision = .refuse(reason: body.text("reason"))
        default: throw missing.notFound
        }
        do {
            let notice = try await decide(id, decision, zone, user)
            return try await page(zone, user, notice, nil, context, .ok)
        } catch let error as CommunityError where error.category == .invalidInput || error.category == .conflict {
            return try await page(zone, user, nil, error, context, ErrorMiddleware.status(of: error.category))
        }
    }
}
