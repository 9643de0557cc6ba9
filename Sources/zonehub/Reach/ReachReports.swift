import Community
import Feeds
import Foundation

/// The monthly mail "Votre visibilité ce mois-ci": one per merchant and month, queued in the outbox under the key
/// `reach:<merchant>:<YYYY-MM>`, so that any number of runs, by `serve` or `zonehub mail reach`, send it once.
struct ReachReports: Sendable {
    let reach: ReachService
    let store: any ReachStore
    let outbox: any OutboxStore
    /// The hub's public address, for the dashboard link.
    let publicURL: String
    let clock: any HubClock

    /// Queues the report of `month` (`YYYY-MM`) for every merchant with reach that month; returns how many were
    /// queued now (reports already queued are not counted).
    func run(month: String) async throws -> Int {
        guard let bounds = ReachRules.days(ofMonth: month) else {
            throw CLIError("'\(month)' is not a month: write it as YYYY-MM, e.g. 2026-11")
        }
        let days = Self.days(from: bounds.first, through: bounds.last)
        var queued = 0
        for recipient in try await store.recipients(from: bounds.first, through: bounds.last) {
            let summary = try await reach.summary(recipient.merchant, days: days)
            let (subject, text) = Self.notice(recipient, month: month, summary: summary, base: publicURL)
            if try await outbox.enqueue(
                recipient: recipient.email, payload: .notice(subject: subject, text: text),
                dedupeKey: "reach:\(recipient.merchant):\(month)", at: clock.now()) != nil
            {
                queued += 1
            }
        }
        return queued
    }

    /// Every day from `first` through `last` (`YYYY-MM-DD`, one month at most).
    static func days(from first: String, through last: String) -> [String] {
        let prefix = first.prefix(8)
        let count = Int(last.suffix(2)) ?? 28
        return (1...count).map { prefix + String(format: "%02d", $0) }
    }

    /// The report's subject and text, in French then English.
    static func notice(_ recipient: ReachRecipient, month: String, summary: ReachSummary, base: String)
        -> (String, String)
    {
        let name = monthName(month)
        let text = """
            Bonjour,

            Voici la visibilité de « \(recipient.name) » en \(name.fr), comptée par le hub sans cookie ni adresse IP :

            - vues des pages (votre fiche et vos publications) : \(summary.views)
            - clics sur vos liens : \(summary.clicks)
            - lectures des flux qui portaient vos publications : \(summary.feedFetches)
            - résumés par courriel qui portaient vos publications : \(summary.digests)

            Une page rechargée compte à nouveau : ce sont des vues, pas des personnes. Les robots ne sont pas comptés.
            Le détail jour par jour est dans votre espace : \(base)/dashboard

            ---

            Your reach in \(name.en): \(summary.views) page views, \(summary.clicks) clicks on your links, \
            \(summary.feedFetches) feed fetches, \(summary.digests) digests carrying your posts. \
            Details: \(base)/dashboard

            """
        return ("Votre visibilité ce mois-ci : \(recipient.name), \(name.fr)", text)
    }

    /// "novembre 2026" and "November 2026" for `2026-11`.
    static func monthName(_ month: String) -> (fr: String, en: String) {
        guard let (year, number) = ReachRules.parse(month: month) else { return (month, month) }
        return ("\(Wording.frenchMonths[number - 1]) \(year)", "\(Wording.englishMonths[number - 1]) \(year)")
    }
}
