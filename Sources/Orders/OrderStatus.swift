/// Where an order request is in its life. A request holds a place in its collection window from `requested` on;
/// `refused`, `expired` and `cancelled` free it. `refused`, `collected`, `notCollected`, `expired` and `cancelled` are
/// final: the database refuses to change them.
package enum OrderStatus: String, CaseIterable, Sendable, Codable {
    /// A guest's request, waiting for them to follow the link mailed to them.
    case unconfirmed
    /// Waiting for the merchant's answer.
    case requested
    /// The merchant accepted all or part of it (a pre-order is accepted at once).
    case accepted
    /// The merchant refused it, with a reason.
    case refused
    /// Ready to collect.
    case ready
    case collected
    case notCollected = "not-collected"
    /// Not answered (or, for a guest, not confirmed) in time.
    case expired
    /// Cancelled by the resident before it was ready.
    case cancelled

    /// Whether it holds a place in its window.
    package var holdsPlace: Bool {
        switch self {
        case .requested, .accepted, .ready, .collected, .notCollected: true
        case .unconfirmed, .refused, .expired, .cancelled: false
        }
    }

    /// Whether it still waits for someone to act: counted in a resident's limits.
    package var isOpen: Bool {
        switch self {
        case .unconfirmed, .requested, .accepted, .ready: true
        case .refused, .collected, .notCollected, .expired, .cancelled: false
        }
    }

    /// Whether it never changes again.
    package var isFinal: Bool { !isOpen }

    /// The statuses a request may go to from this one (the database also refuses leaving a final status).
    package var next: Set<OrderStatus> {
        switch self {
        case .unconfirmed: [.requested, .accepted, .expired, .cancelled]
        case .requested: [.accepted, .refused, .expired, .cancelled]
        case .accepted: [.ready, .cancelled]
        case .ready: [.collected, .notCollected]
        case .refused, .collected, .notCollected, .expired, .cancelled: []
        }
    }

    /// The status as a person reads it.
    package var french: String {
        switch self {
        case .unconfirmed: "à confirmer"
        case .requested: "en attente de réponse"
        case .accepted: "acceptée"
        case .refused: "refusée"
        case .ready: "prête à retirer"
        case .collected: "retirée"
        case .notCollected: "non retirée"
        case .expired: "expirée"
        case .cancelled: "annulée"
        }
    }

    package var english: String {
        switch self {
        case .unconfirmed: "to confirm"
        case .requested: "awaiting an answer"
        case .accepted: "accepted"
        case .refused: "refused"
        case .ready: "ready to collect"
        case .collected: "collected"
        case .notCollected: "not collected"
        case .expired: "expired"
        case .cancelled: "cancelled"
        }
    }
}
