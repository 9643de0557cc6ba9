import Community
import Foundation
import Membership
import Storage

/// An inviter's page: the form that invites someone by email, and the invitations sent with their state and a
/// "Révoquer" button while they wait. For operators (`zone` nil) every zone; for a zone's admins, theirs.
struct InvitationsPage {
    /// What was typed, shown again with the problem.
    struct Form {
        var email: String
        var role: String
        var zoneSlug: String

        static let empty = Form(email: "", role: "", zoneSlug: "")
    }

    /// One invitation as listed.
    struct Row {
        let invitation: Invitation
        let zoneName: String
        let state: InvitationState
        /// Whether the reader may revoke it (while it waits).
        let revocable: Bool
    }

    let zone: Zone?
    /// The zones the form offers.
    let zones: [Zone]
    /// The roles the reader may invite to.
    let roles: [InvitedRole]
    let rows: [Row]
    let form: Form
    let notice: String?
    let problem: (any CategorizedError)?

    /// Where the form and the revoke buttons post.
    var base: String { zone.map { "/zones/\($0.slug)/moderation/invitations" } ?? "/console/invitations" }

    func title(_ t: Language) -> String {
        t("Invitations", "Invitations") + (zone.map { " · " + $0.name } ?? "")
    }

    func body(_ t: Language) -> HTML {
        let back: HTML =
            zone.map {
                "<p><a href=\"/zones/\($0.slug)/moderation\">\(t("← Publications à modérer", "← Posts to review"))</a></p>"
            }
            ?? "<p><a href=\"/console\">\(t("← Console des opérateurs", "← Operators' console"))</a></p>"
        let list: HTML =
            rows.isEmpty
            ? "<p class=\"empty\">\(t("Aucune invitation envoyée.", "No invitation sent."))</p>"
            : rows.map { row($0, t) }.joined()
        return """
            \(back)
            <h1>\(title(t))</h1>
            \(notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" as HTML } ?? "")\(UserMessages.alert(problem, t))
            \(inviteForm(t))
            <h2>\(t("Invitations envoyées", "Invitations sent"))</h2>
            \(list)
            """
    }

    private func inviteForm(_ t: Language) -> HTML {
        let roleOptions = roles.map { role -> HTML in
            let selected: HTML = role.rawValue == form.role ? " selected" : ""
            return "<option value=\"\(role.rawValue)\"\(selected)>\(t(role.french, role.english))</option>"
        }
        let zoneField: HTML
        if zone == nil {
            let options = zones.map { zone -> HTML in
                let selected: HTML = zone.slug == form.zoneSlug ? " selected" : ""
                return "<option value=\"\(zone.slug)\"\(selected)>\(zone.name)</option>"
            }
            zoneField = """
                <label for="zone">\(t("Zone", "Zone"))</label>
                <select id="zone" name="zone" required><option value="">\(t("Choisissez…", "Choose…"))</option>\(options.joined())</select>
                """
        } else {
            zoneField = ""
        }
        return """
            <form method="post" action="\(base)" class="stacked">
            <label for="email">\(t("Adresse e-mail de la personne invitée", "The invited person's email address"))</label>
            <input id="email" name="email" type="email" required maxlength="254" autocomplete="off" value="\(form.email)">
            <label for="role">\(t("Rôle", "Role"))</label>
            <select id="role" name="role" required>\(roleOptions.joined())</select>
            \(zoneField)
            <p class="hint">\(t(
                "La personne reçoit un lien valable 7 jours, qui ne sert qu'une fois. Inviter à nouveau la même adresse remplace l'invitation en attente.",
                "The person gets a link that works for 7 days, once. Inviting the same address again replaces the pending invitation."))</p>
            <button type="submit">\(t("Envoyer l'invitation", "Send the invitation"))</button>
            </form>
            """
    }

    private func row(_ row: Row, _ t: Language) -> HTML {
        let invitation = row.invitation
        let revoke: HTML =
            row.revocable && row.state == .pending
            ? """
            <div class="actions"><form method="post" action="\(base)/\(invitation.id.rawValue)/revoke" class="inline">\
            <button type="submit" class="secondary">\(t("Révoquer", "Revoke"))</button></form></div>
            """ : ""
        let when: HTML =
            switch row.state {
            case .pending: "\(t("expire le", "expires on")) \(Formats.dateTime(invitation.expiresAt, t))"
            case .accepted: "\(t("le", "on")) \(Formats.dateTime(invitation.acceptedAt ?? invitation.createdAt, t))"
            case .revoked: "\(t("le", "on")) \(Formats.dateTime(invitation.revokedAt ?? invitation.createdAt, t))"
            case .expired: "\(t("le", "on")) \(Formats.dateTime(invitation.expiresAt, t))"
            }
        return """
            <article class="sign-up-item invitation" id="invitation-\(invitation.id.rawValue)">
            <h3>\(invitation.email)</h3>
            <ul class="facts"><li>\(t(invitation.role.french, invitation.role.english))\(zone == nil ? " · \(row.zoneName)" : "")</li>\
            <li><span class="status state-\(row.state.rawValue)">\(t(row.state.french, row.state.english))</span> \(when)</li>\
            <li>\(t("envoyée le", "sent on")) \(Formats.dateTime(invitation.createdAt, t))</li></ul>
            \(revoke)
            </article>
            """
    }
}
