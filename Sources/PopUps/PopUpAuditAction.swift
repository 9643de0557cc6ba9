import Community
import Foundation

/// What pop-up shops record in the audit log, with its French and English text.
package enum PopUpAuditAction: AuditAction, Equatable {
    case venueCreate, venueUpdate
    case seriesCreate, seriesUpdate, seriesCancel
    case slotCreate, slotUpdate, slotCancel
    case bookingCreate
    /// A booking moved to this status (`popup.booking.confirmed`, …).
    case booking(PopUpBookingStatus)

    package static let all: [Self] =
        [
            .venueCreate, .venueUpdate, .seriesCreate, .seriesUpdate, .seriesCancel, .slotCreate, .slotUpdate,
            .slotCancel,
        ]
        + [.bookingCreate] + PopUpBookingStatus.allCases.map(Self.booking)

    package var name: String {
        switch self {
        case .venueCreate: "popup.venue.create"
        case .venueUpdate: "popup.venue.update"
        case .seriesCreate: "popup.series.create"
        case .seriesUpdate: "popup.series.update"
        case .seriesCancel: "popup.series.cancel"
        case .slotCreate: "popup.slot.create"
        case .slotUpdate: "popup.slot.update"
        case .slotCancel: "popup.slot.cancel"
        case .bookingCreate: "popup.booking.create"
        case .booking(let status): "popup.booking.\(status.rawValue)"
        }
    }

    package var french: String {
        switch self {
        case .venueCreate: "Lieu éphémère créé"
        case .venueUpdate: "Lieu éphémère modifié"
        case .seriesCreate: "Série de créneaux créée"
        case .seriesUpdate: "Série de créneaux modifiée"
        case .seriesCancel: "Série de créneaux annulée"
        case .slotCreate: "Créneau créé"
        case .slotUpdate: "Créneau modifié"
        case .slotCancel: "Créneau annulé"
        case .bookingCreate: "Réservation demandée"
        case .booking(.requested): "Réservation en attente de l'organisateur"
        case .booking(.confirmed): "Réservation confirmée"
        case .booking(.cancelled): "Réservation annulée"
        case .booking(.refused): "Réservation refusée"
        case .booking(.waiting): "Commerce mis en liste d'attente"
        case .booking(.offered): "Place libérée proposée"
        case .booking(.lapsed): "Proposition de place expirée"
        }
    }

    package var english: String {
        switch self {
        case .venueCreate: "Pop-up venue created"
        case .venueUpdate: "Pop-up venue edited"
        case .seriesCreate: "Slot series created"
        case .seriesUpdate: "Slot series edited"
        case .seriesCancel: "Slot series cancelled"
        case .slotCreate: "Slot created"
        case .slotUpdate: "Slot edited"
        case .slotCancel: "Slot cancelled"
        case .bookingCreate: "Booking requested"
        case .booking(.requested): "Booking awaiting the organiser"
        case .booking(.confirmed): "Booking confirmed"
        case .booking(.cancelled): "Booking cancelled"
        case .booking(.refused): "Booking refused"
        case .booking(.waiting): "Merchant put on the waitlist"
        case .booking(.offered): "Freed place offered"
        case .booking(.lapsed): "Place offer lapsed"
        }
    }
}
