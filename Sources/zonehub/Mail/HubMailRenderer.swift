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
    private let templates = DigestTemplates()

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

    func render(_ batch: [OutboxMessage]) async -> [Result<RenderedOutboxMessage, any Error>] {
        let reads: BatchReads
        do {
            reads = try await read(for: batch)
        } catch {
            return batch.map { _ in .failure(error) }
        }
        return batch.map { message in Result { try render(message, reads) } }
    }

    /// What a batch's messages are made of, read once for the whole batch.
    private struct BatchReads {
        var subscriptions: [Subscription.ID: Subscription] = [:]
        var posts: [Post.ID: Post] = [:]
        var zones: [Zone.ID: Zone] = [:]
    }

    private func read(for batch: [OutboxMessage]) async throws -> BatchReads {
        var subscriptionIDs: [Subscription.ID] = []
        var postIDs: Set<Post.ID> = []
        for message in batch {
            switch message.payload {
            case .confirmation(let id), .alreadySubscribed(let id): subscriptionIDs.append(id)
            case .digest(let recipe):
                subscriptionIDs.append(recipe.subscription)
                postIDs.formUnion(recipe.posts)
            case .notice: break
            }
        }
        var reads = BatchReads()
        for subscription in try await subscriptions.subscriptions(ids: subscriptionIDs) {
            reads.subscriptions[subscription.id] = subscription
        }
        for post in try await posts.posts(ids: Array(postIDs)) { reads.posts[post.id] = post }
        for id in Set(reads.subscriptions.values.flatMap(\.preferences.zoneIDs)) {
            reads.zones[id] = try await zones.zone(id: id)
        }
        return reads
    }

    private func render(_ message: OutboxMessage, _ reads: BatchReads) throws -> RenderedOutboxMessage {
        switch message.payload {
        case .confirmation(let id):
            guard let subscription = reads.subscriptions[id], subscription.status == .pending else {
                return .cancel("the subscription is no longer waiting for confirmation")
            }
            let expires = message.createdAt.addingTimeInterval(LinkTokens.confirmationLifetime)
            let link =
                "\(settings.publicURL)/subscriptions/confirm?token=\(tokens.token(.confirm, for: id, expires: expires))"
            let names = zoneNames(subscription, reads)
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
            guard let subscription = reads.subscriptions[id], subscription.status == .confirmed else {
                return .cancel("the subscription is not active")
            }
            let text = """
                Bonjour,

                Une demande d'abonnement a été faite pour cette adresse, qui est déjà abonnée au résumé de \
                \(zoneNames(subscription, reads)).

                Pour changer de zones, de catégories ou de fréquence, ou pour vous désabonner :
                \(manageURL(id))

                Si ce n'est pas vous, ne faites rien.
                """
            return .send(mail(message, to: subscription.email, subject: "Vous êtes déjà abonné·e", text: text))
        case .digest(let recipe):
            return digest(message, recipe, reads)
        case .notice(let subject, let text):
            return .send(mail(message, to: message.recipient, subject: subject, text: text))
        }
    }

    private func digest(_ message: OutboxMessage, _ recipe: DigestRecipe, _ reads: BatchReads)
        -> RenderedOutboxMessage
    {
        guard let subscription = reads.subscriptions[recipe.subscription], subscription.status == .confirmed
        else { return .cancel("unsubscribed") }
        let now = clock.now()
        // A post removed or withdrawn since the digest was composed is not sent.
        let live = recipe.posts.compactMap { reads.posts[$0] }.filter {
            $0.status == .published && ($0.content.validUntil.map { $0 > now } ?? true)
        }
        guard !live.isEmpty else { return .cancel("nothing in the digest is still live") }
        let subscribed = subscription.preferences.zoneIDs.compactMap { reads.zones[$0] }
        let token = tokens.token(.manage, for: subscription.id)
        let manage = manageURL(token: token)
        // Subscribers with the same zones and posts share one rendering; only their manage link differs.
        let template = templates.template(
            for: DigestContent(
                frequency: subscription.preferences.frequency, periodStart: recipe.periodStart, zones: subscribed,
                posts: live, omitted: recipe.omitted, baseURL: settings.publicURL, manageURL: manage))
        let home = subscribed.first
        var mail = mail(
            message, to: subscription.email, subject: template.subject, text: template.text(manageURL: manage),
            html: template.html(manageURL: manage), fromName: home.map { "\($0.name) · \(hubName)" } ?? hubName)
        let list = home?.slug ?? "hub"
        mail.headers = [
            ("List-Id", "\(MailHeader.phrase("Résumé \(home?.name ?? hubName)")) <\(list).digest.\(mailDomain)>"),
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
        fromName: String? = nil
    ) -> MailMessage {
        MailMessage(
            from: MailAddress(name: fromName ?? hubName, address: settings.mailFrom), to: recipient, subject: subject,
            date: message.createdAt,
            messageID:
                "\(message.payload.kind).\(message.id).\(Int(message.createdAt.timeIntervalSince1970))."
                + "\(tokens.bounceTag(for: message.id))@\(mailDomain)",
            headers: html == nil ? [("Auto-Submitted", "auto-generated")] : [], text: text, html: html)
    }

    /// The hub's own name, the sender's display name.
    private var hubName: String { settings.identity.name }

    private var mailDomain: String { String(settings.mailFrom.split(separator: "@").last ?? "localhost") }

    func manageURL(_ id: Subscription.ID) -> String { manageURL(token: tokens.token(.manage, for: id)) }

    private func manageURL(token: String) -> String { "\(settings.publicURL)/subscriptions/manage?token=\(token)" }

    private func zoneNames(_ subscription: Subscription, _ reads: BatchReads) -> String {
        subscription.preferences.zoneIDs.compactMap { reads.zones[$0]?.name }.joined(separator: ", ")
    }
}
