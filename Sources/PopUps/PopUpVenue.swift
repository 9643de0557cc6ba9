import Community
import Foundation

/// A place a zone lends to merchants a few days at a time: an empty shop, a market hall, a stall.
package struct PopUpVenue: Identifiable, Equatable, Sendable {
    package typealias ID = Identifier<PopUpVenue>

    package let id: ID
    package let zoneID: Zone.ID
    package let details: PopUpVenueDetails
    package let createdAt: Date
    package let updatedAt: Date

    package init(id: ID, zoneID: Zone.ID, details: PopUpVenueDetails, createdAt: Date, updatedAt: Date) {
        self.id = id
        self.zoneID = zoneID
        self.details = details
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    package var name: String { details.name }
}

/// How often a merchant's quota at a venue starts again.
package enum PopUpQuotaPeriod: String, Codable, CaseIterable, Sendable, ClosedChoice {
    case week, month
    package static var field: any InputField { PopUpField.quotaPeriod }
}

/// What an organiser writes about a venue; validated by `PopUpService`.
package struct PopUpVenueDetails: Codable, Equatable, Sendable {
    package var name: String
    package var address: String
    package var commune: String
    package var description: String
    package var photoURL: String?
    /// Number of stalls: the default capacity of its slots.
    package var capacity: Int
    package var accessibility: String
    package var houseRules: String
    /// Bookings wait for an organiser's approval instead of confirming at once.
    package var needsApproval: Bool
    /// A merchant may cancel a confirmed booking up to this many hours before the slot starts.
    package var cancellationHours: Int
    /// At most this many bookings per merchant per `quotaPeriod` at this venue; nil for no limit.
    package var quota: Int?
    package var quotaPeriod: PopUpQuotaPeriod

    package init(
        name: String, address: String, commune: String, description: String = "", photoURL: String? = nil,
        capacity: Int, accessibility: String = "", houseRules: String = "", needsApproval: Bool = false,
        cancellationHours: Int = 48, quota: Int? = nil, quotaPeriod: PopUpQuotaPeriod = .month
    ) {
        self.name = name
        self.address = address
        self.commune = commune
        self.description = description
        self.photoURL = photoURL
        self.capacity = capacity
        self.accessibility = accessibility
        self.houseRules = houseRules
        self.needsApproval = needsApproval
        self.cancellationHours = cancellationHours
        self.quota = quota
        self.quotaPeriod = quotaPeriod
    }
}
