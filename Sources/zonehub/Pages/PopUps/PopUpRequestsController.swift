import Community
import Foundation
import Hummingbird
import PopUps

/// The organisers' page of booking requests, where they approve or refuse them, and the zone admins' page where
/// they name and remove the zone's organisers.
struct PopUpRequestsController {
    let zones: ZoneService
    let popUps: PopUpServices
    var venues: PopUpService { popUps.venues }
    var bookings: BookingService { popUps.bookings }

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/pop-ups/requests", use: requests)
        router.post("/pop-ups/requests/:id/approve", use: approve)
        router.post("/pop-ups/requests/:id/refuse", use: refuse)
        router.get("/zones/:slug/moderation/organisers", use: organisers)
        router.post("/zones/:slug/moderation/organisers", use: name)
        router.post("/zones/:slug/moderation/organisers/revoke", use: revoke)
    }

    // MARK: Requests

    func requests(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await requestsPage(flash: Flash(request), failed: nil, context: context)
    }

    func approve(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id: PopUpBooking.ID = try PathID.id(context, .booking)
        do {
            _ = try await bookings.approve(id, by: user)
            return PageRenderer.redirect(to: Flash.requestApproved.on(PopUpEditPaths.requests))
        } catch let error as CommunityError where error.category == .conflict {
            var errors = FormErrors()
            errors.add(error)
            return try await requestsPage(flash: nil, failed: (id, "", errors), context: context)
        }
    }

    func refuse(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id: PopUpBooking.ID = try PathID.id(context, .booking)
        let form = try await FormBody.read(request, context: context)
        do {
            _ = try await bookings.refuse(id, reason: form["reason"], by: user)
            return PageRenderer.redirect(to: Flash.requestRefused.on(PopUpEditPaths.requests))
        } catch let error as CommunityError where PopUpEditController.answerable(error) {
            // The booking must be one the viewer answers before its form comes back with the error.
            _ = try await bookings.booking(id, by: user)
            var errors = FormErrors()
            errors.add(error)
            return try await requestsPage(flash: nil, failed: (id, form.text("reason"), errors), context: context)
        }
    }

    private func requestsPage(
        flash: Flash?, failed: (id: PopUpBooking.ID, reason: String, errors: FormErrors)?,
        context: HubRequestContext
    ) async throws -> Response {
        let user = try context.requireUser()
        let organised = try await venues.organisedZones(user)
        guard user.role == .hubOperator || !organised.isEmpty || !user.zoneIDs.isEmpty else {
            throw CommunityError.forbidden("only pop-up organisers answer booking requests")
        }
        let list = try await bookings.requests(by: user)
        var byID: [Zone.ID: Zone] = [:]
        for zone in try await zones.active() { byID[zone.id] = zone }
        let page = PopUpRequestsPage(requests: list, zones: byID, flash: flash, failed: failed)
        let status: HTTPResponse.Status =
            failed.map { $0.errors.general.isEmpty ? .badRequest : .conflict } ?? .ok
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: status)
    }

    // MARK: Organisers

    func organisers(_ request: Request, context: HubRequestContext) async throws -> Response {
        try await organisersPage(flash: Flash(request), email: "", errors: .init(), context: context)
    }

    func name(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let form = try await FormBody.read(request, context: context)
        let email = form["email"] ?? ""
        var errors = FormErrors()
        // Only a zone admin learns whether an address has an account.
        _ = try await venues.organisers(zoneSlug: slug, by: user)
        if email.isEmpty || !email.contains("@") {
            errors.add(CommunityField.email.invalid("enter the email address of an account"), to: "email")
        } else {
            do {
                _ = try await venues.grantOrganiser(email: email, zoneSlug: slug, by: user)
                return PageRenderer.redirect(to: Flash.organiserNamed.on(PopUpEditPaths.organisers(slug)))
            } catch let error as CommunityError where error.code == CommunityNotFound.user.code {
                errors.add(error, to: "email")
            }
        }
        return try await organisersPage(flash: nil, email: email, errors: errors, context: context)
    }

    func revoke(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let form = try await FormBody.read(request, context: context)
        try await venues.revokeOrganiser(email: form["email"] ?? "", zoneSlug: slug, by: user)
        return PageRenderer.redirect(to: Flash.organiserRevoked.on(PopUpEditPaths.organisers(slug)))
    }

    private func organisersPage(
        flash: Flash?, email: String, errors: FormErrors, context: HubRequestContext
    ) async throws -> Response {
        let user = try context.requireUser()
        let (zone, people) = try await venues.organisers(zoneSlug: try context.parameters.require("slug"), by: user)
        let page = PopUpOrganisersPage(zone: zone, organisers: people, flash: flash, email: email, errors: errors)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context,
            status: errors.isEmpty ? .ok : .badRequest, zone: ZoneLink(zone),
            crumbs: [.moderation(ZoneLink(zone), context.language)])
    }
}
