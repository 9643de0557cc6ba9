import Community
import Directory
import Feeds
import Foundation
import Logging
import ServiceLifecycle

/// Asks merchants whose listing has gone unconfirmed for the configured period to confirm it, by mail through the
/// outbox: one reminder per listing and confirmation, even if several processes run rounds.
struct ListingReminders: Sendable {
    let listings: ListingService
    let accountStore: any AccountStore
    let outbox: any OutboxStore
    /// The hub's public address, for absolute links.
    let publicURL: String
    let clock: any HubClock

    /// Queues a reminder for every listing due one; returns how many were queued.
    func run() async throws -> Int {
        var queued = 0
        for merchant in try await listings.dueReminders() {
            guard let owner = try await accountStore.user(id: merchant.ownerID) else { continue }
            let confirmed = listings.freshness.confirmedAt(merchant)
            let (subject, text) = Self.notice(merchant, confirmedAt: confirmed, base: publicURL)
            let id = try await outbox.enqueue(
                recipient: owner.email, payload: .notice(subject: subject, text: text),
                dedupeKey: "listing-confirm:\(merchant.id):\(Int(confirmed.timeIntervalSince1970))", at: clock.now()
            )
            try await listings.reminded(merchant)
            if id != nil { queued += 1 }
        }
        return queued
    }

    /// The reminder's subject and text, in French.
    static func notice(_ merchant: Merchant, confirmedAt: Date, base: String) -> (String, String) {
        let text = """
            Bonjour,

            La fiche de « \(merchant.name) » n'a pas été confirmée depuis le \(Formats.date(confirmedAt, .fr)).
            Les habitants comptent sur des horaires, une adresse et des liens à jour.

            Vérifiez-la et confirmez-la en un clic : \(base)/merchants/\(merchant.slug)
            Sans confirmation d'ici 30 jours, elle sera signalée comme « à vérifier ».

            """
        return ("Votre fiche est-elle toujours à jour ? \(merchant.name)", text)
    }
}

/// While the server runs, a reminder round every hour.
struct ListingReminderService: Service {
    let reminders: ListingReminders
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    let queued = try await reminders.run()
                    if queued > 0 { logger.info("listing reminders queued", metadata: ["count": "\(queued)"]) }
                } catch is CancellationError {
                    break  // shutting down
                } catch {
                    logger.error("listing reminder round failed", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: .seconds(3600))
            }
        }
    }
}
