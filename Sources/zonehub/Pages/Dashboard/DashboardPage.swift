import Community
import Moderation

/// The signed-in space: a merchant's profiles and posts, a zone admin's queues.
struct DashboardPage {
    /// A merchant profile with its posts, and the last decision on each draft or removed post.
    struct MerchantSpace {
        let merchant: Merchant
        let posts: [Post]
        let decisions: [Post.ID: Decision]
    }

    /// A zone the viewer moderates, with its queue.
    struct AdminZone {
        let zone: Zone
        let items: [ModerationQueue.Item]
    }

    let user: User
    let merchants: [MerchantSpace]
    let adminZones: [AdminZone]

    func title(_ t: Language) -> String { t("Mon espace", "My space") }

    func body(_ t: Language) -> HTML {
        var sections: [HTML] = merchants.map { merchant($0, t) }
        if user.role == .merchant {
            sections.append(
                "<p><a class=\"button\" href=\"/dashboard/merchants/new\">\(t("Créer une fiche commerce", "Create a shop profile"))</a></p>"
            )
        }
        sections += adminZones.map { adminZone($0, t) }
        if sections.isEmpty {
            sections.append("<p>\(t("Rien à gérer pour l'instant.", "Nothing to manage yet."))</p>")
        }
        let password: HTML = """
            <p><a href="/dashboard/password">\(t("Changer de mot de passe", "Change password"))</a> · \
            <a href="/dashboard/email">\(t("Adresse e-mail et sessions", "Email address and sessions"))</a></p>
            """
        if user.role == .merchant {
            sections.append(
                "<p><a href=\"/dashboard/pop-ups\">\(t("Mes boutiques éphémères", "My pop-up shops"))</a></p>")
        }
        return "<h1>\(t("Bonjour", "Hello")) \(user.displayName)</h1>\(sections)\(password)"
    }

    private func merchant(_ space: MerchantSpace, _ t: Language) -> HTML {
        let merchant = space.merchant
        let rows: [HTML] = space.posts.map { post in
            var actions: [HTML] = []
            if post.status.isEditable {
                actions.append("<a href=\"/dashboard/posts/\(post.id.rawValue)/edit\">\(t("Modifier", "Edit"))</a>")
            }
            if post.status == .draft {
                actions.append(button("/dashboard/posts/\(post.id.rawValue)/submit", t("Soumettre", "Submit")))
            }
            if post.status.isWithdrawable {
                actions.append(button("/dashboard/posts/\(post.id.rawValue)/withdraw", t("Retirer", "Withdraw")))
            }
            return """
                <tr id="post-\(post.id.rawValue)" data-status="\(post.status.rawValue)">
                <td><a href="/posts/\(post.id.rawValue)">\(post.content.title)</a></td>
                <td>\(Formats.kind(post.content.kind, t))</td>
                <td class="status">\(Formats.status(post.status, t))\(decisionNote(space.decisions[post.id], t))</td>
                <td class="actions">\(actions.joined(separator: " "))</td></tr>
                """
        }
        let table: HTML =
            rows.isEmpty
            ? "<p class=\"empty\">\(t("Aucune publication pour l'instant.", "No posts yet."))</p>"
            : """
            <table class="posts-table"><thead><tr><th>\(t("Titre", "Title"))</th><th>\(t("Type", "Kind"))</th>\
            <th>\(t("État", "Status"))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
            """
        return """
            <section class="merchant-space" data-merchant="\(merchant.slug)">
            <h2><a href="/merchants/\(merchant.slug)">\(merchant.name)</a></h2>
            <p><a class="button" href="/dashboard/posts/new?merchant=\(merchant.slug)">\(t("Nouvelle publication", "New post"))</a>
            <a href="/dashboard/merchants/\(merchant.slug)/edit">\(t("Modifier la fiche", "Edit the profile"))</a></p>
            \(table)
            </section>
            """
    }

    /// Why the admins sent a post back or refused it, as its merchant reads it.
    private func decisionNote(_ decision: Decision?, _ t: Language) -> HTML {
        guard let decision, decision.action != .approve else { return "" }
        let reason = decision.reason.map { " — " + ModerationViews.reason($0, t) } ?? ""
        let note = decision.note.map { " : « \($0) »" } ?? ""
        return "<br><span class=\"decision\">\(ModerationViews.action(decision.action, t))\(reason)\(note)</span>"
    }

    private func adminZone(_ admin: AdminZone, _ t: Language) -> HTML {
        let zone = admin.zone
        let held = admin.items.map(\.post)
        let late = admin.items.filter(\.overdue).count
        let lateNote: HTML = late == 0 ? "" : " <strong class=\"overdue\">\(late) \(t("en retard", "overdue"))</strong>"
        let items: [HTML] = held.map {
            "<li><a href=\"/posts/\($0.id.rawValue)\">\($0.content.title)</a> — \($0.merchantName)</li>"
        }
        return """
            <section class="admin-zone" data-zone="\(zone.slug)"><h2>\(zone.name)</h2>
            <p><a class="button" href="/zones/\(zone.slug)/moderation">\(t("File de modération", "Moderation queue"))</a> \
            \(held.count) \(t("publication(s) en attente de validation", "post(s) awaiting review"))\(lateNote)</p>
            <ul>\(items)</ul>
            <p><a href="/zones/\(zone.slug)/moderation/audit">\(t("Journal", "Audit log"))</a> · \
            <a href="/zones/\(zone.slug)/moderation/rules">\(t("Règles", "Rules"))</a></p></section>
            """
    }

    private func button(_ action: String, _ label: String) -> HTML {
        "<form method=\"post\" action=\"\(action)\" class=\"inline\"><button type=\"submit\">\(label)</button></form>"
    }
}
