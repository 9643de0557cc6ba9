import Community
import Foundation
import PopUps

/// The demo's pop-up shops: in every zone, a shop lent every Saturday (its first Saturday full), a market stall
/// with a waitlist, and a hall whose bookings need approval. Loaded once per zone (a zone with venues is skipped).
struct PopUpDemoLoader {
    let hub: Hub
    /// The demo's post service: its screener publishes the bookings' event posts, so the review queue keeps only
    /// the posts the demo means to hold.
    let posts: PostService

    /// Returns how many venues, slots and bookings it added.
    func load(zones: [Zone]) async throws -> (venues: Int, slots: Int, bookings: Int) {
        var added = (venues: 0, slots: 0, bookings: 0)
        let services = hub.popUps.announcing(through: posts)
        for zone in zones {
            guard try await hub.popUps.venues.venues(zoneSlug: zone.slug).venues.isEmpty,
                let admin = try await hub.accounts.user(email: DemoContent.adminEmail(zone: zone.slug)),
                let owner = try await hub.accounts.user(email: DemoContent.ownerEmail(zone: zone.slug))
            else { continue }
            let shops = try await hub.merchants.owned(by: owner).filter { $0.zoneIDs.contains(zone.id) }
            guard shops.count >= 2, let commune = zone.definition.communes.first?.name else { continue }
            let venues = services.venues
            let saturday = Self.nextSaturday(after: hub.clock.now(), timeZone: zone.definition.timeZone)
            let shop = try await venues.createVenue(
                zoneSlug: zone.slug,
                details: PopUpVenueDetails(
                    name: "L'Ancienne Mercerie", address: "12 rue du Commerce", commune: commune,
                    description: "Une boutique vide prêtée par la commune, vitrine sur rue.",
                    capacity: 1, accessibility: "Plain-pied, porte de 90 cm.",
                    houseRules: "Installation à partir de 8 h, rangement avant 19 h.", cancellationHours: 48),
                by: admin)
            var lastDay = saturday
            for _ in 0..<49 { lastDay = lastDay.next }
            let series = try await venues.createSeries(
                venue: shop.id,
                PopUpSeriesRule(
                    weekdays: [6], startTime: "09:00", endTime: "18:00", firstDay: saturday, lastDay: lastDay),
                by: admin)
            let stall = try await venues.createVenue(
                zoneSlug: zone.slug,
                details: PopUpVenueDetails(
                    name: "Stand du marché couvert", address: "Place du Marché", commune: commune,
                    description: "Un stand sous la halle, le dimanche matin.", capacity: 1),
                by: admin)
            let sunday = saturday.next
            let morning = try await venues.createSlot(
                venue: stall.id,
                PopUpSlotDraft(
                    start: LocalDateTime(day: sunday, hour: 8, minute: 0),
                    end: LocalDateTime(day: sunday, hour: 13, minute: 0)),
                by: admin)
            let hall = try await venues.createVenue(
                zoneSlug: zone.slug,
                details: PopUpVenueDetails(
                    name: "Salle des fêtes", address: "1 place de la Mairie", commune: commune,
                    description: "Marché des créateurs, sur accord des organisateurs.", capacity: 8,
                    needsApproval: true, quota: 1),
                by: admin)
            var later = saturday
            for _ in 0..<14 { later = later.next }
            let fair = try await venues.createSlot(
                venue: hall.id,
                PopUpSlotDraft(
                    start: LocalDateTime(day: later, hour: 10, minute: 0),
                    end: LocalDateTime(day: later, hour: 19, minute: 0)),
                by: admin)
            let bookings = services.bookings
            // Each confirmed booking publishes an event post, which counts towards trust: only the first shop's
            // bookings are confirmed, so that the other stays a new merchant whose posts review zones hold.
            for (slot, merchant) in [
                (series[0], shops[0]), (series[0], shops[1]), (morning, shops[0]), (morning, shops[1]),
                (fair, shops[1]),
            ] {
                _ = try await bookings.book(slot.id, merchantSlug: merchant.slug, waitlist: true, by: owner)
                added.bookings += 1
            }
            added.venues += 3
            added.slots += series.count + 2
        }
        return added
    }

    /// The first Saturday at least two days after `date`, in the zone's calendar.
    static func nextSaturday(after date: Date, timeZone: String) -> LocalDay {
        var day = LocalDateTime(date, in: TimeZone(identifier: timeZone) ?? .gmt).day.next.next
        while day.weekday != 6 { day = day.next }
        return day
    }
}
