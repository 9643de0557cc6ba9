import Community
import Feeds
import Foundation

/// Renders each outbox message when it is sent: confirmation and reminder mails, digests (from their recipes, with
/// the one-click unsubscription headers of RFC 8058), and moderation notices.
struct HubMailRenderer: OutboxRenderer {
    let subscriptions: any SubscriptionStore
    let zones: RecentZones
    let posts: any PostStore
    let tokens: LinkTokens
    let settings: Settings
    let clock: any HubClock

    init(
        subscriptions: any SubscriptionStore, zones: any ZoneStore, posts: any PostStore, tokens: LinkTokens,
        settings: Settings, clock: any HubClock
    ) {
        self.subscriptions = subscriptions
        self.zones = RecentZones(zones: zones, clock: clock)
        self.posts = posts
        self.tokens = tokens
        self.settings = settings
        self.clock = clock
    }

    func render(_ message: OutboxMessage) async throws -> RenderedOutboxMessage {
        switch message.payload {
        case .confirmation(let id):
            guard let subscription = try await subscriptions.subscription(id: id), subscription.status == .pending
            else {
                return .cancel("the subscription is no longer waiting for confirmation")
            }
            let expires = message.createdAt.addingTimeInterval(LinkTokens.confirmationLifetime)
            let link =
                "\(settings.publicURL)/subscriptions/confirm?token=\(tokens.token(.confirm, for: id, expires: expires))"
            let names = try await zoneNames(subscription)
            let text = """
                Bonjour,

                Quelqu'un, sans doute vous, a demandé à recevoir par courriel le résumé des annonces de \(names) \
                (\(subscription.preferences.frequency == .daily ? "chaque jour" : "chaque semaine")).

                Pour confirmer, ouvrez ce lien avant le \(FeedDates.french(expires, withTime: true)) :
                \(link)

                Si ce n'est pas vous, ne faites rien : vous ne recevrez rien d'autre.
                """
            return .send(
                mail(message, to: subscription.email, subject: "Confirmez votre abonnement : \(names)", text: text))
        case .alreadySubscribed(let id):
            guard let subscription = try await subscriptions.subscription(id: id), subscription.status == .confirmed
            else {
                return .cancel("the subscription is not active")
            }
            let text = """
                Bonjour,

                Une demande d'abonnement a été faite pour cette adresse, qui est déjà abonnée au résumé de \
                \(try await zoneNames(subscription)).

                Pour changer de zones, de catégories ou de fréquence, ou pour vous désabonner :
                \(manageURL(id))

                Si ce n'est pas vous, ne faites rien.
                """
            return .send(mail(message, to: subscription.email, subject: "Vous êtes déjà abonné·e", text: text))
        case .digest(let recipe):
            return try await digest(message, recipe)
        case .notice(let subject, let text):
            return .send(mail(message, to: message.recipient, subject: subject, text: text))
        }
    }

    private func digest(_ message: OutboxMessage, _ recipe: DigestRecipe) async throws -> RenderedOutboxMessage {
        guard let subscription = try await subscriptions.subscription(id: recipe.subscription),
            subscription.status == .confirmed
        else { return .cancel("unsubscribed") }
        let now = clock.now()
        // A post removed or withdrawn since the digest was composed is not sent.
        let chosen = Dictionary(
            uniqueKeysWithValues: try await posts.posts(ids: recipe.posts).map { ($0.id, $0) })
        let live = recipe.posts.compactMap { chosen[$0] }.filter {
            $0.status == .published && ($0.content.validUntil.map { $0 > now } ?? true)
        }
        guard !live.isEmpty else { return .cancel("nothing in the digest is still live") }
        var subscribed: [Zone] = []
        for id in subscription.preferences.zoneIDs {
            if let zone = try await zones.zone(id: id) { subscribed.append(zone) }
        }
        let content = DigestContent(
            frequency: subscription.preferences.frequency, periodStart: recipe.periodStart, zones: subscribed,
            posts: live, omitted: recipe.omitted, baseURL: settings.publicURL, manageURL: manageURL(subscription.id))
        let home = subscribed.first
        var mail = mail(
            message, to: subscription.email, subject: DigestRenderer.subject(content),
            text: DigestRenderer.text(content),
            html: DigestRenderer.html(content), fromName: home.map { "\($0.name) · zonehub" } ?? "zonehub")
        let token = tokens.token(.manage, for: subscription.id)
        let list = home?.slug ?? "hub"
        mail.headers = [
            ("List-Id", "\(MailHeader.phrase("Résumé \(home?.name ?? "zonehub")")) <\(list).digest.\(mailDomain)>"),
            (
                "List-Unsubscribe",
                "<\(settings.publicURL)/subscriptions/unsubscribe?token=\(token)>, "
                    + "<mailto:\(settings.mailFrom)?subject=unsubscribe%20\(token)>"
            ),
            ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ]
        return .send(mail)
    }

    private func mail(
        _ message: OutboxMessage, to recipient: String, subject: String, text: String, html: String? = nil,
        fromName: String = "zonehub"
    ) -> MailMessage {
        MailMessage(
            from: MailAddress(name: fromName, address: settings.mailFrom), to: recipient, subject: subject,
            date: message.createdAt,
            messageID:
                "\(message.payload.kind).\(message.id).\(Int(message.createdAt.timeIntervalSince1970))@\(mailDomain)",
            headers: html == nil ? [("Auto-Submitted", "auto-generated")] : [], text: text, html: html)
    }

    private var mailDomain: String { String(settings.mailFrom.split(separator: "@").last ?? "localhost") }

    func manageURL(_ id: Subscription.ID) -> String {
        "\(settings.publicURL)/subscriptions/manage?token=\(tokens.token(.manage, for: id))"
    }

    private func zoneNames(_ subscription: Subscription) async throws -> String {
        var names: [String] = []
        for id in subscription.preferences.zoneIDs {
            if let zone = try await zones.zone(id: id) { names.append(zone.name) }
        }
        return names.joined(separator: ", ")
    }
}
