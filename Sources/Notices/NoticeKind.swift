import Community

/// A kind of notice sent to someone who must act; its raw value (French) is stored and shown in links.
package enum NoticeKind: String, CaseIterable, Codable, Sendable {
    /// A zone admin: a post waits in the zone's queue.
    case heldPost = "annonce-retenue"
    /// A zone admin: a sign-up waits for approval (in zones that approve them).
    case signUpWaiting = "inscription-en-attente"
    /// A zone admin: reports hid a published post; always sent at once.
    case hiddenByReports = "annonce-masquee"
    /// A zone admin: a queue item passed the zone's `queueWarnHours`.
    case reminder = "rappel"
    /// A hub operator: a queue item passed the zone's `queueEscalateHours`.
    case escalation = "escalade"
    /// An organiser: a booking request waits for approval.
    case bookingRequest = "demande-de-reservation"
    /// An organiser: a merchant cancelled a booking.
    case bookingCancelled = "reservation-annulee"
    /// An organiser: a waitlist place offered to a merchant was not taken in time.
    case offerLapsed = "place-non-prise"
    /// A market applicant: the application was accepted or refused.
    case marketDecision = "decision-marche"
    /// A zone's merchants: a market opened for applications.
    case marketOpening = "ouverture-marche"

    /// How a person hears of this kind until they choose.
    package var defaultDelivery: NoticeDelivery { self == .marketOpening ? .daily : .immediate }

    /// Whether the person may change it: a post hidden by reports is always told at once.
    package var isChangeable: Bool { self != .hiddenByReports }

    /// The kinds a person of `role` may receive, in the order the preference page lists them.
    package static func kinds(for role: Role, organiser: Bool, merchant: Bool) -> [NoticeKind] {
        var kinds: [NoticeKind] = []
        if role == .zoneAdmin || role == .hubOperator {
            kinds += [.heldPost, .signUpWaiting, .hiddenByReports, .reminder]
        }
        if role == .hubOperator { kinds.append(.escalation) }
        if organiser { kinds += [.bookingRequest, .bookingCancelled, .offerLapsed] }
        if merchant || role == .merchant { kinds += [.marketDecision, .marketOpening] }
        return kinds
    }

    /// What the preference page calls it, in French then English.
    package var label: (fr: String, en: String) {
        switch self {
        case .heldPost: ("Annonces en attente de modération", "Posts held for review")
        case .signUpWaiting: ("Inscriptions à approuver", "Sign-ups waiting for approval")
        case .hiddenByReports: ("Annonce masquée après signalements", "A post hidden by reports")
        case .reminder: ("Rappels : file en retard", "Reminders: overdue queue items")
        case .escalation: ("Escalades : file très en retard", "Escalations: long-overdue queue items")
        case .bookingRequest: ("Demandes de réservation", "Booking requests")
        case .bookingCancelled: ("Réservations annulées", "Cancelled bookings")
        case .offerLapsed: ("Places de liste d'attente non prises", "Waitlist places not taken")
        case .marketDecision: ("Réponses à vos candidatures aux marchés", "Decisions on your market applications")
        case .marketOpening: ("Marchés ouverts aux candidatures", "Markets open for applications")
        }
    }
}

/// How a person receives one kind of notice.
package enum NoticeDelivery: String, CaseIterable, Codable, Sendable {
    /// One mail per event, within a minute.
    case immediate
    /// One summary a day, in the morning (Paris time).
    case daily
    case off

    /// The button's words, in French then English.
    package var label: (fr: String, en: String) {
        switch self {
        case .immediate: ("Tout de suite", "At once")
        case .daily: ("Résumé quotidien", "Daily summary")
        case .off: ("Jamais", "Off")
        }
    }
}
