import Community
import Foundation

/// Where a booking is: requested → confirmed → cancelled; or waiting → offered → confirmed, or lapsed.
package enum PopUpBookingStatus: String, Codable, CaseIterable, Sendable {
    /// Waits for an organiser's approval; holds a place meanwhile.
    case requested
    case confirmed
    case cancelled
    /// An organiser said no, with a reason.
    case refused
    /// On the waitlist of a full slot; holds no place.
    case waiting
    /// A freed place offered to the first on the waitlist until `offerExpiresAt`; holds it meanwhile.
    case offered
    /// An offer that ran out, or a waitlist turn passed over (the merchant was then booked elsewhere).
    case lapsed

    /// Statuses that take one of the slot's places.
    package static let holding: Set<PopUpBookingStatus> = [.requested, .confirmed, .offered]
    package var isHolding: Bool { Self.holding.contains(self) }
    /// Statuses a booking never leaves.
    package var isFinal: Bool { [.cancelled, .refused, .lapsed].contains(self) }
}

/// A merchant's booking (or place on the waitlist) for one slot.
package struct PopUpBooking: Identifiable, Equatable, Sendable {
    package typealias ID = Identifier<PopUpBooking>

    package let id: ID
    package let slotID: PopUpSlot.ID
    package let merchantID: Merchant.ID
    package let merchantName: String
    package let status: PopUpBookingStatus
    /// Why it was refused or cancelled, when someone said.
    package let reason: String?
    package let offerExpiresAt: Date?
    /// The event post announcing it, once confirmed.
    package let postID: Post.ID?
    package let sequence: Int
    package let createdAt: Date
    package let updatedAt: Date

    package init(
        id: ID, slotID: PopUpSlot.ID, merchantID: Merchant.ID, merchantName: String, status: PopUpBookingStatus,
        reason: String?, offerExpiresAt: Date?, postID: Post.ID?, sequence: Int, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.slotID = slotID
        self.merchantID = merchantID
        self.merchantName = merchantName
        self.status = status
        self.reason = reason
        self.offerExpiresAt = offerExpiresAt
        self.postID = postID
        self.sequence = sequence
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Something that happened to a booking that its merchant should hear of.
package struct PopUpNotice: Equatable, Sendable {
    package enum Kind: String, Sendable {
        case confirmed, refused, offered, slotChanged, slotCancelled, cancelledByOrganiser
    }

    package let kind: Kind
    package let booking: PopUpBooking
    package let slot: PopUpSlot
    package let venueName: String

    package init(kind: Kind, booking: PopUpBooking, slot: PopUpSlot, venueName: String) {
        self.kind = kind
        self.booking = booking
        self.slot = slot
        self.venueName = venueName
    }
}

/// Tells merchants of what happened to their bookings (the executable mails them through the outbox).
package protocol PopUpNotifier: Sendable {
    func notify(_ notices: [PopUpNotice]) async
}
