import Community
import Feeds
import Foundation
import PopUps

extension TestHub {
    package var popUpStore: any PopUpStore { SQLPopUpStore(database: hubDatabase.sql) }
    package var bookingStore: any PopUpBookingStore { SQLPopUpBookingStore(database: hubDatabase.sql) }

    package var popUpNotifier: any PopUpNotifier {
        OutboxPopUpNotifier(
            outbox: outboxStore, merchants: merchantStore, accounts: accountStore, baseURL: "https://hub.example",
            clock: clock)
    }

    package var popUps: PopUpService {
        PopUpService(
            store: popUpStore, zones: zoneStore, accounts: accountStore, notifier: popUpNotifier, clock: clock)
    }

    package var bookings: BookingService {
        BookingService(
            bookings: bookingStore, popUps: popUps, merchants: merchantStore,
            announcer: PopUpAnnouncer(
                posts: posts(), bookings: bookingStore, store: popUpStore, merchants: merchantStore,
                accounts: accountStore, zones: zoneStore),
            notifier: popUpNotifier, clock: clock)
    }

    /// A venue in `alpha` with `capacity` stalls, made by a fresh organiser of the zone (returned with it).
    package func venue(
        capacity: Int = 5, needsApproval: Bool = false, quota: Int? = nil, cancellationHours: Int = 48,
        name: String = "La Halle"
    ) async throws -> (venue: PopUpVenue, organiser: User) {
        let admin = try await user(
            "admin-\(UUID().uuidString.prefix(8))@example.org", role: .zoneAdmin, zones: ["alpha"])
        let organiser = try await user("orga-\(UUID().uuidString.prefix(8))@example.org", role: .resident)
        _ = try await popUps.grantOrganiser(email: organiser.email, zoneSlug: "alpha", by: admin)
        let venue = try await popUps.createVenue(
            zoneSlug: "alpha",
            details: PopUpVenueDetails(
                name: name, address: "2 place du Marché", commune: "Corbeil-Essonnes", capacity: capacity,
                needsApproval: needsApproval, cancellationHours: cancellationHours, quota: quota),
            by: organiser)
        return (venue, organiser)
    }

    /// `count` merchants in `alpha`, each with its own owner.
    package func merchants(_ count: Int, prefix: String = "m") async throws -> [(owner: User, merchant: Merchant)] {
        var made: [(User, Merchant)] = []
        for index in 0..<count {
            let owner = try await user("\(prefix)\(index)@example.org", role: .merchant)
            made.append((owner, try await merchant("Boutique \(prefix.uppercased()) \(index)", owner: owner)))
        }
        return made
    }
}

extension LocalDateTime {
    /// A literal local time in tests ("2026-03-21T09:00").
    package static func at(_ text: String) -> LocalDateTime {
        guard let value = LocalDateTime(text) else { preconditionFailure("bad test time \(text)") }
        return value
    }
}
