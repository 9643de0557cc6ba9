import Community
import Foundation
import Hummingbird
import Moderation

/// Zone admins' pages: the queue, decisions, rules, trust and the audit log.
struct ModerationPagesController {
    let hub: Hub

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/zones/:slug/moderation", use: queue)
        router.post("/zones/:slug/moderation/bulk", use: bulk)
        router.post("/zones/:slug/moderation/:id/:action", use: decide)
        router.get("/zones/:slug/moderation/audit", use: audit)
        router.get("/zones/:slug/moderation/rules", use: rules)
        router.post("/zones/:slug/moderation/rules", use: saveRules)
        router.post("/zones/:slug/moderation/trust", use: trust)
        router.post("/posts/:id/remove", use: remove)
        router.post("/posts/:id/report", use: report)
        router.get("/zones/:slug/transparency", use: transparency)
    }

    func report(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try PathID.post(context)
        try await hub.allowReport(by: user)
        let form = try await FormBody.read(request, context: context)
        let t = context.language
        let message: String
        do {
            try await hub.moderation.report(
                id, reason: try ReportReason.parse(form["reason"] ?? ""), note: form.text("note"), by: user)
            message = t(
                "Merci : votre signalement a été transmis aux administrateurs de la zone.",
                "Thank you: your report was passed to the zone's admins.")
        } catch let error as CommunityError where error.code == "already_reported" {
            message = t("Vous avez déjà signalé cette publication.", "You have already reported this post.")
        }
        return PageRenderer.page(
            t("Signalement", "Report"),
            """
            <h1>\(t("Signalement", "Report"))</h1><p class="notice" role="status">\(message)</p>
            <p><a href="/posts/\(id.rawValue)">\(t("Retour à la publication", "Back to the post"))</a></p>
            """,
            context: context)
    }

    /// Public: what moderation did in the zone, month by month, and why each post was refused or removed.
    func transparency(_ request: Request, context: HubRequestContext) async throws -> Response {
        let t = context.language
        let zone = try await hub.zones.zone(slug: context.parameters.require("slug"))
        let (months, statements) = try await hub.moderation.transparency(zone)
        func reasons(_ counts: [ReasonCode: Int]) -> String {
            counts.isEmpty
                ? "0"
                : counts.sorted { $0.key.rawValue < $1.key.rawValue }
                    .map { "\(ModerationViews.reason($0.key, t)) : \($0.value)" }.joined(separator: ", ")
        }
        let rows: [HTML] = months.map {
            "<tr><td>\($0.month)</td><td>\($0.published)</td><td>\($0.held)</td><td>\(reasons($0.rejected))</td><td>\(reasons($0.removed))</td></tr>"
        }
        let items: [HTML] = statements.map {
            """
            <li>\(Formats.date($0.at, t)) — \(ModerationViews.action($0.action, t)) — \(ModerationViews.reason($0.reason, t))\
            \($0.rules.isEmpty ? "" : " (" + $0.rules.joined(separator: ", ") + ")") — \(t("publication", "post")) n° \($0.postID.rawValue)</li>
            """
        }
        return PageRenderer.page(
            t("Transparence", "Transparency") + " · " + zone.name,
            """
            <h1>\(t("Transparence de la modération", "Moderation transparency")) — \(zone.name)</h1>
            <p>\(t("Ce que la modération a décidé chaque mois, et pourquoi chaque publication a été refusée ou retirée.",
                "What moderation decided each month, and why each post was refused or removed."))</p>
            <table class="transparency"><thead><tr><th>\(t("Mois", "Month"))</th><th>\(t("Publiées", "Published"))</th>\
            <th>\(t("Mises en attente", "Held"))</th><th>\(t("Refusées", "Rejected"))</th><th>\(t("Retirées", "Removed"))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <h2>\(t("Exposé des motifs", "Statements of reasons"))</h2>
            <ul class="statements">\(items)</ul>
            """, context: context)
    }

    func queue(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await hub.zones.zone(slug: context.parameters.require("slug"))
        return try await queuePage(zone, user: user, notice: nil, context: context)
    }

    private func queuePage(
        _ zone: Zone, user: User, notice: String?, context: HubRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let t = context.language
        let items = try await hub.moderation.list(zone, by: user)
        let base = "/zones/\(zone.slug)/moderation"
        let oldest: HTML =
            items.first.map {
                "<p>\(t("Plus ancienne attente", "Oldest wait")) : \(ModerationViews.waiting($0.waiting, t))</p>"
            } ?? ""
        let message: HTML = notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? ""
        let list: HTML =
            items.isEmpty
            ? "<p class=\"empty\">\(t("Aucune publication en attente.", "Nothing waiting for review."))</p>"
            : """
            <form id="bulk" method="post" action="\(base)/bulk" class="bulk">
            <select name="action"><option value="approve">\(t("Approuver la sélection", "Approve selected"))</option>\
            <option value="reject">\(t("Refuser la sélection", "Reject selected"))</option></select>
            <select name="reason" aria-label="\(t("Motif", "Reason"))">\(ModerationViews.reasonOptions(t))</select>
            <button type="submit">\(t("Appliquer", "Apply"))</button></form>
            \(items.map { ModerationViews.item($0, zone: zone, t) })
            """
        return PageRenderer.page(
            t("Modération", "Moderation") + " · " + zone.name,
            """
            <h1>\(t("File de modération", "Moderation queue")) — \(zone.name)</h1>
            <p><a href="\(base)/audit">\(t("Journal", "Audit log"))</a> · <a href="\(base)/rules">\(t("Règles", "Rules"))</a></p>
            \(message)
            <p class="count">\(items.count) \(t("publication(s) en attente", "post(s) waiting"))</p>
            \(oldest)
            \(list)
            """, context: context, status: status)
    }

    func decide(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await hub.zones.zone(slug: context.parameters.require("slug"))
        let id = try PathID.post(context)
        let form = try await FormBody.read(request, context: context)
        let action: DecisionAction
        switch context.parameters.get("action") {
        case "approve": action = .approve
        case "reject": action = .reject
        case "request-changes": action = .requestChanges
        default: throw HTTPError(.notFound)
        }
        let reason = try form["reason"].map { try ReasonCode.parse($0) }
        do {
            try await hub.moderation.decide(id, action: action, reason: reason, note: form.text("note"), by: user)
        } catch let error as CommunityError where error.category == .conflict || error.category == .invalidInput {
            return try await queuePage(
                zone, user: user, notice: UserMessages.text(error, context.language), context: context,
                status: ErrorMiddleware.status(of: error.category))
        }
        return PageRenderer.redirect(to: "/zones/\(zone.slug)/moderation")
    }

    func bulk(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await hub.zones.zone(slug: context.parameters.require("slug"))
        let form = try await FormBody.read(request, context: context)
        let action: DecisionAction = form["action"] == "reject" ? .reject : .approve
        let ids = form.all("ids").compactMap { Int64($0) }.map { Post.ID($0) }
        let reason = action == .reject ? try form["reason"].map { try ReasonCode.parse($0) } : nil
        let results = await hub.moderation.decideAll(ids, action: action, reason: reason, by: user)
        let failed = results.compactMap { id, result -> String? in
            if case .failure(let error) = result { return "#\(id): \(UserMessages.text(error, context.language))" }
            return nil
        }
        let t = context.language
        let notice =
            t(
                "\(results.count - failed.count) décision(s) enregistrée(s).",
                "\(results.count - failed.count) decision(s) recorded.")
            + (failed.isEmpty ? "" : " " + failed.joined(separator: " ; "))
        return try await queuePage(zone, user: user, notice: notice, context: context)
    }

    func remove(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try PathID.post(context)
        let form = try await FormBody.read(request, context: context)
        let reason = try ReasonCode.parse(form["reason"] ?? "")
        try await hub.moderation.decide(id, action: .remove, reason: reason, note: form.text("note"), by: user)
        return PageRenderer.redirect(to: "/posts/\(id.rawValue)")
    }

    func trust(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await hub.zones.zone(slug: context.parameters.require("slug"))
        let form = try await FormBody.read(request, context: context)
        let setting = form["setting"].flatMap(TrustSetting.init(rawValue:))
        try await hub.moderation.setTrust(setting, merchantSlug: form["merchant"] ?? "", zone: zone, by: user)
        return PageRenderer.redirect(to: "/zones/\(zone.slug)/moderation/rules")
    }

    func audit(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let t = context.language
        let zone = try await hub.zones.zone(slug: context.parameters.require("slug"))
        let lines = try await hub.moderation.auditLog(zone, by: user)
        let rows: [HTML] = lines.map { line in
            """
            <tr><td>\(Formats.dateTime(line.entry.at, t))</td><td>\(line.actorName ?? t("système", "system"))</td>\
            <td><code>\(line.entry.action)</code></td><td>\(line.entry.subject)</td><td><code>\(line.entry.details)</code></td></tr>
            """
        }
        return PageRenderer.page(
            t("Journal", "Audit log") + " · " + zone.name,
            """
            <h1>\(t("Journal de la zone", "Zone audit log")) — \(zone.name)</h1>
            <table class="audit"><thead><tr><th>\(t("Date", "Date"))</th><th>\(t("Par", "By"))</th>\
            <th>\(t("Action", "Action"))</th><th>\(t("Objet", "Subject"))</th><th>\(t("Détails", "Details"))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """, context: context)
    }

    func rules(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await hub.zones.zone(slug: context.parameters.require("slug"))
        return try await rulesPage(
            zone, rules: try await hub.moderation.rules(zone, by: user), error: nil, context: context)
    }

    func saveRules(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let zone = try await hub.zones.zone(slug: context.parameters.require("slug"))
        let form = try await FormBody.read(request, context: context)
        var rules = try await hub.moderation.rules(zone, by: user)
        do {
            rules = try RulesForm.rules(form)
            try await hub.moderation.setRules(rules, zone: zone, by: user)
        } catch let error as CommunityError where error.category == .invalidInput {
            return try await rulesPage(zone, rules: rules, error: error, context: context, status: .badRequest)
        }
        return PageRenderer.redirect(to: "/zones/\(zone.slug)/moderation/rules")
    }

    private func rulesPage(
        _ zone: Zone, rules: ScreeningRules, error: CommunityError?, context: HubRequestContext,
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let t = context.language
        let merchants = try await hub.merchants.list(zone: zone, category: nil)
        let trustRows: [HTML] = merchants.map { merchant in
            """
            <li>\(merchant.name) <form method="post" action="/zones/\(zone.slug)/moderation/trust" class="inline">\
            <input type="hidden" name="merchant" value="\(merchant.slug)">\
            <button type="submit" name="setting" value="granted" class="secondary">\(t("Faire confiance", "Trust"))</button> \
            <button type="submit" name="setting" value="revoked" class="secondary">\(t("Retirer la confiance", "Revoke trust"))</button> \
            <button type="submit" name="setting" value="" class="link">\(t("Automatique", "Automatic"))</button></form></li>
            """
        }
        return PageRenderer.page(
            t("Règles", "Rules") + " · " + zone.name,
            """
            <h1>\(t("Règles de modération", "Moderation rules")) — \(zone.name)</h1>
            \(DashboardViews.problem(error, t))
            <form method="post" action="/zones/\(zone.slug)/moderation/rules" class="stacked">
            \(RulesForm.fields(rules, t))
            <button type="submit">\(t("Enregistrer", "Save"))</button>
            </form>
            <h2>\(t("Confiance par commerçant", "Trust per merchant"))</h2>
            <ul class="trust">\(trustRows)</ul>
            """, context: context, status: status)
    }
}
