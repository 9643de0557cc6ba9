import Community
import Storage

/// The operators' console: find accounts, disable and enable them, lift a sign-in lockout, and give or take the
/// zones an admin administers.
struct ConsolePage {
    let query: String
    let role: Role?
    let accounts: [AccountAdministration.Account]
    let zones: [Zone]
    let notice: String?
    let problem: (any CategorizedError)?

    func title(_ t: Language) -> String { t("Console des opérateurs", "Operators' console") }

    func body(_ t: Language) -> HTML {
        let roles = Role.allCases.map { option -> HTML in
            "<option value=\"\(option.rawValue)\"\(option == role ? " selected" : "")>\(AccountViews.role(option, t))</option>"
        }
        let rows = accounts.map { row(for: $0, t) }
        let list: HTML =
            accounts.isEmpty
            ? "<p class=\"empty\">\(t("Aucun compte ne correspond.", "No account matches."))</p>"
            : "<div class=\"accounts\">\(rows.joined())</div>"
        return """
            <h1>\(title(t))</h1>
            <p><a href="/console/invitations">\(t("Inviter des administrateurs de zone et des organisateurs", "Invite zone admins and organisers"))</a></p>
            \(notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" as HTML } ?? "")\(UserMessages.alert(problem, t))
            <form method="get" action="/console" class="search">
            <label for="q">\(t("Adresse ou nom", "Address or name"))</label>
            <input id="q" name="q" value="\(query)" maxlength="200">
            <label for="role">\(t("Rôle", "Role"))</label>
            <select id="role" name="role"><option value="">\(t("Tous", "All"))</option>\(roles.joined())</select>
            <button type="submit">\(t("Chercher", "Search"))</button>
            </form>
            \(list)
            """
    }

    private func row(for account: AccountAdministration.Account, _ t: Language) -> HTML {
        let user = account.user
        let base = "/console/users/\(user.id.rawValue)"
        let administered = zones.filter { user.zoneIDs.contains($0.id) }
        let revoke = administered.map { zone -> HTML in
            """
            <form method="post" action="\(base)/revoke" class="inline"><input type="hidden" name="zone" value="\(zone.slug)">\
            <button type="submit" class="secondary">\(t("Retirer", "Remove")) \(zone.name)</button></form>
            """
        }
        let grant: HTML =
            user.role == .resident || user.role == .zoneAdmin
            ? """
            <form method="post" action="\(base)/grant" class="inline">\
            <label for="zone-\(user.id.rawValue)">\(t("Administrer la zone", "Administer zone"))</label> \
            <select id="zone-\(user.id.rawValue)" name="zone">\(zones.map { "<option value=\"\($0.slug)\">\($0.name)</option>" as HTML }.joined())</select> \
            <button type="submit">\(t("Donner", "Give"))</button></form>
            """ : ""
        let toggle: HTML =
            user.status == .disabled
            ? "<form method=\"post\" action=\"\(base)/enable\" class=\"inline\"><button type=\"submit\">\(t("Réactiver", "Enable"))</button></form>"
            : "<form method=\"post\" action=\"\(base)/disable\" class=\"inline\"><button type=\"submit\" class=\"secondary\">\(t("Désactiver", "Disable"))</button></form>"
        let shops: HTML =
            account.merchants.isEmpty
            ? ""
            : "<li>\(account.merchants.map { "<a href=\"/merchants/\($0.slug)\">\($0.profile.name)</a>" as HTML }.joined(separator: ", "))</li>"
        return """
            <article class="sign-up-item" id="user-\(user.id.rawValue)">
            <h2>\(user.email)</h2>
            <ul class="facts"><li>\(user.displayName) · \(AccountViews.role(user.role, t)) · \
            <span class="status">\(AccountViews.status(user.status, t))</span></li>\
            \(administered.isEmpty ? "" : "<li>\(t("Administre", "Administers")) : \(administered.map(\.name).joined(separator: ", "))</li>" as HTML)\
            \(shops)</ul>
            <div class="actions">\(toggle)\
            <form method="post" action="\(base)/unlock" class="inline"><button type="submit" class="secondary">\
            \(t("Lever le blocage de connexion", "Lift the sign-in lockout"))</button></form></div>
            <div class="actions">\(revoke.joined())\(grant)</div>
            </article>
            """
    }
}

/// A zone's merchants and their accounts, for the zone's admins: suspend one, or reinstate it.
struct ZoneMerchantsPage {
    let zone: Zone
    let accounts: [AccountAdministration.Account]
    let notice: String?

    func title(_ t: Language) -> String { t("Commerçants de la zone", "The zone's merchants") + " · " + zone.name }

    func body(_ t: Language) -> HTML {
        let base = "/zones/\(zone.slug)/moderation/merchants"
        let rows = accounts.map { account -> HTML in
            let user = account.user
            let action: HTML =
                user.status == .disabled
                ? "<form method=\"post\" action=\"\(base)/\(user.id.rawValue)/enable\" class=\"inline\"><button type=\"submit\">\(t("Réactiver", "Reinstate"))</button></form>"
                : "<form method=\"post\" action=\"\(base)/\(user.id.rawValue)/disable\" class=\"inline\"><button type=\"submit\" class=\"secondary\">\(t("Suspendre", "Suspend"))</button></form>"
            return """
                <article class="sign-up-item"><h2>\(user.email)</h2>
                <ul class="facts"><li>\(account.merchants.map { "<a href=\"/merchants/\($0.slug)\">\($0.profile.name)</a>" as HTML }.joined(separator: ", "))</li>\
                <li class="status">\(AccountViews.status(user.status, t))</li></ul>
                <div class="actions">\(action)</div></article>
                """
        }
        let table: HTML =
            accounts.isEmpty
            ? "<p class=\"empty\">\(t("Aucun commerçant dans cette zone.", "No merchant in this zone."))</p>"
            : rows.joined()
        return """
            <p><a href="/zones/\(zone.slug)/moderation">\(t("← Publications à modérer", "← Posts to review"))</a></p>
            <h1>\(title(t))</h1>
            \(notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" as HTML } ?? "")
            \(table)
            """
    }
}

/// Roles and account statuses in words.
enum AccountViews {
    static func role(_ role: Role, _ t: Language) -> String {
        switch role {
        case .hubOperator: t("opérateur", "operator")
        case .zoneAdmin: t("administrateur de zone", "zone admin")
        case .merchant: t("commerçant", "merchant")
        case .resident: t("habitant", "resident")
        }
    }

    static func status(_ status: AccountStatus, _ t: Language) -> String {
        switch status {
        case .active: t("actif", "active")
        case .unverified: t("adresse non confirmée", "address not confirmed")
        case .pending: t("inscription à valider", "sign-up to approve")
        case .refused: t("inscription refusée", "sign-up refused")
        case .disabled: t("désactivé", "disabled")
        }
    }
}
