import Community
import Foundation
import Storage

/// The fields of venues, slots, series and bookings that input can be wrong in (`invalid_<field>`).
package enum PopUpField: String, InputField, CaseIterable {
    case name, address, commune, description, photoURL, accessibility, houseRules, capacity, cancellationHours
    case quota, quotaPeriod, start, end, closesAt, priceCents, weekdays, startTime, endTime, firstDay, lastDay
    case blackouts, series, slot, merchant, reason

    package var french: String {
        switch self {
        case .name: "Le nom est obligatoire (120 caractères au plus)."
        case .address: "L'adresse est obligatoire."
        case .commune: "La commune est obligatoire."
        case .description: "La présentation fait 4 000 caractères au plus."
        case .photoURL: "La photo doit être une adresse web commençant par https://."
        case .accessibility: "Les informations d'accessibilité font 1 000 caractères au plus."
        case .houseRules: "Le règlement fait 4 000 caractères au plus."
        case .capacity: "Le nombre de places va de 1 à 500."
        case .cancellationHours: "Le délai d'annulation va de 0 à 2160 heures."
        case .quota: "Le quota va de 1 à 1000 réservations par période, ou reste vide."
        case .quotaPeriod: "Choisissez une période de quota de la liste."
        case .start: "Le début doit être une date à venir."
        case .end: "La fin doit venir après le début (14 jours au plus)."
        case .closesAt: "Les réservations ouvrent avant de fermer, et ferment au plus tard au début du créneau."
        case .priceCents: "Le prix doit être compris entre 0 et 1 000 000 €."
        case .weekdays: "Choisissez au moins un jour de la semaine."
        case .startTime: "L'heure de début s'écrit comme 09:00."
        case .endTime: "L'heure de fin s'écrit comme 18:00 et vient après le début."
        case .firstDay: "Le premier jour s'écrit comme 2026-03-14."
        case .lastDay: "Le dernier jour vient après le premier, un an au plus tard."
        case .blackouts: "Les dates exclues s'écrivent comme 2026-05-01, séparées par des virgules."
        case .series: "Aucun jour de cette série n'est à venir, ou elle dépasse 200 créneaux."
        case .slot: "Choisissez un créneau."
        case .merchant: "Ce commerce n'appartient pas à la zone de ce lieu."
        case .reason: "Donnez un motif (500 caractères au plus)."
        }
    }
}

/// What pop-up shops can be asked for and not find (`<thing>_not_found`).
package enum PopUpNotFound: String, MissingThing, CaseIterable {
    case venue, slot, series, booking

    package var french: String {
        switch self {
        case .venue: "Ce lieu n'existe pas."
        case .slot: "Ce créneau n'existe pas."
        case .series: "Cette série de créneaux n'existe pas."
        case .booking: "Cette réservation n'existe pas."
        }
    }
}

/// Pop-up shops' refusals, most of them raised by the database's guards.
package enum PopUpProblem: String, ProblemCode, CaseIterable {
    case slotFull = "slot_full"
    case bookingOverlaps = "booking_overlaps"
    case quotaReached = "quota_reached"
    case alreadyBooked = "already_booked"
    case capacityBelowBookings = "capacity_below_bookings"
    case bookingFinal = "booking_final"
    case cancellationDeadlinePassed = "cancellation_deadline_passed"
    case slotCancelled = "slot_cancelled"
    case bookingClosed = "booking_closed"
    case bookingNotOpen = "booking_not_open"
    case noOffer = "no_offer"
    /// The booking changed since the page showed it.
    case staleStatus = "stale_status"

    package var category: ErrorCategory { .conflict }

    package var french: String {
        switch self {
        case .slotFull: "Toutes les places de ce créneau sont prises."
        case .bookingOverlaps: "Ce commerce a déjà une réservation sur cet horaire."
        case .quotaReached: "Ce commerce a atteint le nombre de réservations permis dans ce lieu pour la période."
        case .alreadyBooked: "Ce commerce a déjà une réservation ou une place en liste d'attente pour ce créneau."
        case .capacityBelowBookings: "Plus de places sont déjà réservées que ce nombre."
        case .bookingFinal: "Cette réservation est déjà terminée."
        case .cancellationDeadlinePassed: "Le délai d'annulation de ce lieu est dépassé ; contactez les organisateurs."
        case .slotCancelled: "Ce créneau est annulé."
        case .bookingClosed: "Les réservations de ce créneau sont closes."
        case .bookingNotOpen: "Les réservations de ce créneau ne sont pas encore ouvertes."
        case .noOffer: "Aucune place ne vous est proposée pour ce créneau (ou l'offre a expiré)."
        case .staleStatus: "Cette réservation a changé entre-temps ; rechargez la page."
        }
    }
}
