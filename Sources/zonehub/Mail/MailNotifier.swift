import Community
import Feeds
import Foundation
import Logging
import Moderation

/// Tells a merchant of a moderation decision by mail, through the outbox (at most one mail per decision).
struct MailNotifier: ModerationNotifier {
    let outbox: any OutboxStore
    let merchants: any MerchantStore
    let accounts: any AccountStore
    let settings: Settings
    let clock: any HubClock
    let logger = Logger(label: "zonehub.moderation")

    func decided(_ decision: Decision, about post: Post) async {
        do {
            guard let merchant = try await merchants.merchant(id: post.merchantID),
                let owner = try await accounts.user(id: merchant.ownerID)
            else { return }
            let (subject, text) = Self.notice(decision, post: post, dashboard: "\(settings.publicURL)/dashboard")
            try await outbox.enqueue(
                recipient: owner.email, payload: .notice(subject: subject, text: text),
                dedupeKey: "decision:\(decision.id)", at: clock.now())
        } catch {
            // The decision stands and shows on the dashboard; only the mail is missing.
            logger.error("cannot queue a moderation notice", metadata: ["post": "\(post.id)", "error": "\(error)"])
        }
    }

    /// The notice's subject and text, in French.
    static func notice(_ decision: Decision, post: Post, dashboard: String) -> (String, String) {
        let title = "« \(post.content.title) »"
        let what: String =
            switch decision.action {
            case .approve: "Votre annonce \(title) a été approuvée et publiée."
            case .reject: "Votre annonce \(title) n'a pas été acceptée."
            case .requestChanges: "Votre annonce \(title) est à modifier avant publication."
            case .remove: "Votre annonce \(title) a été retirée."
            }
        var text = "Bonjour,\n\n\(what)\n"
        if let reason = decision.reason { text += "\nMotif : \(ModerationViews.reason(reason, .fr))\n" }
        if let note = decision.note, !note.isEmpty { text += "\nMessage de l'équipe de la zone :\n\(note)\n" }
        text += "\nRetrouvez vos annonces dans votre espace : \(dashboard)\n"
        let subject =
            switch decision.action {
            case .approve: "Annonce publiée : \(post.content.title)"
            case .reject: "Annonce refusée : \(post.content.title)"
            case .requestChanges: "Annonce à modifier : \(post.content.title)"
            case .remove: "Annonce retirée : \(post.content.title)"
            }
        return (subject, text)
    }
}
