import Community
import Foundation

/// The rules of bounces, without a database: how a report's recipient status is classified, and when an address is
/// suppressed. A hard bounce suppresses at once; soft ones when `softLimit` of them arrive within `softWindow`.
package struct BounceRules: Sendable {
    package var softLimit: Int
    package var softWindow: TimeInterval

    /// Three soft bounces within fourteen days: a full mailbox for two weeks is an abandoned one, while one busy
    /// server or one full day does not lose a subscriber.
    package init(softLimit: Int = 3, softWindow: TimeInterval = 14 * 24 * 3600) {
        self.softLimit = softLimit
        self.softWindow = softWindow
    }

    /// The kind of one recipient's status: `failed` with 5.x.x is hard, except 5.7.x (refused by policy, such as
    /// a spam filter: the address exists) which counts as soft, like `failed` with 4.x.x.
    package static func kind(of status: RecipientStatus) -> BounceKind {
        switch (status.action, status.statusClass) {
        case ("failed", 5): status.statusSubject == 7 ? .soft : .hard
        case ("failed", _): .soft
        case ("delayed", _): .delay
        default: .success
        }
    }

    /// The report's most severe recipient status and its kind (a hub message has one recipient, but a report may
    /// list the forwarding addresses too).
    package static func classify(_ report: DeliveryReport) -> (kind: BounceKind, recipient: RecipientStatus)? {
        report.recipients.map { (kind(of: $0), $0) }.max { $0.0 < $1.0 }
    }

    /// What to do with a bounce of `kind` for an address already `suppressed` or not, with `recentSoft` soft bounces
    /// recorded within the window before this one; and why, in French.
    package func decide(
        _ report: BounceReport, alreadySuppressed: Bool, recentSoft: Int
    ) -> (action: BounceAction, reason: String) {
        let status = report.recipient.status
        let said = report.recipient.diagnosticCode.map { " : \($0)" } ?? ""
        let message = "message \(report.message.rawValue)"
        switch report.kind {
        case .success:
            return (.ignored, "Rapport de remise \(status) (\(message)) : rien à faire.")
        case .delay:
            return (.ignored, "Avis de retard \(status) (\(message)) : le serveur réessaie ; non compté\(said).")
        case _ where alreadySuppressed:
            return (.alreadySuppressed, "Rebond \(status) (\(message)) pour une adresse déjà supprimée\(said).")
        case .hard:
            return (.suppressed, "Rebond définitif \(status) (\(message))\(said).")
        case .soft:
            let count = recentSoft + 1
            let days = Int(softWindow / 86400)
            if count >= softLimit {
                return (
                    .suppressed,
                    "\(count) rebonds temporaires en \(days) jours, le dernier \(status) (\(message))\(said)."
                )
            }
            return (
                .counted, "Rebond temporaire \(status) (\(message)), \(count) sur \(softLimit) en \(days) jours\(said)."
            )
        }
    }
}
