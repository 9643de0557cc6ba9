import Community
import Feeds
import Moderation

/// The signed-in space: a merchant's profiles and posts, a zone admin's queues.
struct DashboardPage {
    /// A merchant profile with its posts, and the last decision on each draft or removed post.
    struct MerchantSpace {
        let merchant: Merchant
        let posts: [Post]
        let decisions: [Post.ID: Decision]
        /// The last 30 days of reach: views, clicks, feed fetches and digests.
        let reach: ReachSummary
    }

    /// A zone the viewer moderates, with its queue.
    struct AdminZone {
        let zone: Zone
        let items: [ModerationQueue.Item]
    }

    let user: User
    let merchants: [MerchantSpace]
    let adminZones: [AdminZone]
    /// The person's digest subscription and its management token, when they have one.
    let digest: (subscription: Subscription, manageToken: String)?
    /// Whether the person answers pop-up booking requests somewhere (organiser or zone admin).
    var organisesPopUps = false
    /// The message after the action that brought the merchant back here.
    var flash: Flash? = nil

    func title(_ t: Language) -> String { t("Mon espace", "My space") }

    func body(_ t: Language) -> HTML {
        var sections: [HTML] = merchants.map { merchant($0, t) }
        if user.role == .merchant {
            sections.append(
                "<p><a class=\"button\" href=\"/dashboard/merchants/new\">\(t("Créer une fiche commerce", "Create a shop profile"))</a></p>"
            )
        }
        sections += adminZones.map { adminZone($0, t) }
        if organisesPopUps {
            sections.append(
                "<p><a href=\"/pop-ups/requests\">\(t("Demandes de réservation des boutiques éphémères", "Pop-up booking requests"))</a></p>"
            )
        }
        if sections.isEmpty && user.role != .resident {
            sections.append("<p>\(t("Rien à gérer pour l'instant.", "Nothing to manage yet."))</p>")
        }
        sections.append(digestSection(t))
        let password: HTML = """
            <p><a href="/dashboard/password">\(t("Changer de mot de passe", "Change password"))</a> · \
            <a href="/dashboard/email">\(t("Adresse e-mail, sessions et données", "Email address, sessions and data"))</a> · \
            <a href="/notices/preferences">\(t("Mes avis par e-mail", "My email notices"))</a> · \
            <a href="/dashboard/delete">\(t("Supprimer mon compte", "Delete my account"))</a></p>
            """
        if user.role == .merchant {
            sections.append(
                "<p><a href=\"/dashboard/pop-ups\">\(t("Mes boutiques éphémères", "My pop-up shops"))</a></p>")
        }
        return "<h1>\(t("Bonjour", "Hello")) \(user.displayName)</h1>\(flash?.html(t) ?? "")\(sections)\(password)"
    }

    /// The email digest, managed from here rather than from the link of the last mail.
    private func digestSection(_ t: Language) -> HTML {
        let heading: HTML = "<h2>\(t("Résumé par e-mail", "Email digest"))</h2>"
        guard let digest, digest.subscription.status != .unsubscribed else {
            return """
                \(heading)<p>\(t(
                    "Recevez chaque jour ou chaque semaine les nouvelles annonces des commerçants de vos zones.",
                    "Get the merchants' new posts of your zones every day or every week."))</p>
                <p><a class="button" href="/subscribe">\(t("Recevoir le résumé", "Get the digest"))</a></p>
                """
        }
        let frequency =
            digest.subscription.preferences.frequency == .daily ? t("chaque jour", "daily") : t("chaque semaine", "weekly")
        let state: String =
            digest.subscription.status == .pending
            ? t(
                "En attente : suivez le lien de confirmation reçu par e-mail.",
                "Waiting: follow the confirmation link you received by email.")
            : t("Vous recevez le résumé \(frequency).", "You receive the digest \(frequency).")
        return """
            \(heading)<p>\(state)</p>
            <p><a href="/subscriptions/manage?token=\(digest.manageToken)">\(t(
                "Choisir mes zones, mes catégories et la fréquence, ou me désabonner",
                "Choose my zones, categories and frequency, or unsubscribe"))</a></p>
            """
    }

    private func merchant(_ space: MerchantSpace, _ t: Language) -> HTML {
        let merchant = space.merchant
        let rows: [HTML] = space.posts.map { post in
            var actions: [HTML] = []
            if post.status.isEditable {
                actions.append("<a href=\"/dashboard/posts/\(post.id.rawValue)/edit\">\(t("Modifier", "Edit"))</a>")
                actions.append("<a href=\"/dashboard/posts/\(post.id.rawValue)/photos\">\(t("Photos", "Photos"))</a>")
            }
            if post.status == .draft {
                actions.append(button("/dashboard/posts/\(post.id.rawValue)/submit", t("Soumettre", "Submit")))
            }
            if post.status.isWithdrawable {
                actions.append(
                    "<a href=\"/dashboard/posts/\(post.id.rawValue)/withdraw\">\(t("Retirer…", "Withdraw…"))</a>")
            }
            return """
                <tr id="post-\(post.id.rawValue)" data-status="\(post.status.rawValue)">
                <td><a href="/posts/\(post.id.rawValue)">\(post.content.title)</a>\
                \(ReachChart.postFigures(space.reach.posts[post.id], t))</td>
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
            <a href="/dashboard/merchants/\(merchant.slug)/edit">\(t("Modifier la fiche", "Edit the profile"))</a>
            <a href="/dashboard/merchants/\(merchant.slug)/photos">\(t("Logo et photos", "Logo and photos"))</a>
            <a href="/dashboard/merchants/\(merchant.slug)/catalogue">\(t("Catalogue", "Catalogue"))</a>
            <a href="/dashboard/merchants/\(merchant.slug)/orders">\(t("Commandes", "Orders"))</a></p>
            \(table)
            \(ReachChart.section(merchant, space.reach, t))
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
            \(Wording.count(held.count, t, fr: ("publication en attente de validation", "publications en attente de validation"),
                en: ("post awaiting review", "posts awaiting review"), none: ("Aucune publication en attente de validation", "No post awaiting review")))\(lateNote)</p>
            <ul>\(items)</ul>
            <p><a href="/zones/\(zone.slug)/moderation/audit">\(t("Journal", "Audit log"))</a> · \
            <a href="/zones/\(zone.slug)/moderation/rules">\(t("Règles", "Rules"))</a> · \
            <a href="/zones/\(zone.slug)/moderation/organisers">\(t("Organisateurs des boutiques éphémères", "Pop-up organisers"))</a></p></section>
            """
    }

    private func button(_ action: String, _ label: String) -> HTML {
        "<form method=\"post\" action=\"\(action)\" class=\"inline\"><button type=\"submit\">\(label)</button></form>"
    }
}
