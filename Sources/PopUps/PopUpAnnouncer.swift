import Community
import Foundation
import Logging

/// Announces a confirmed booking with an event post in the zone, written through the normal post path (so
/// screening, feeds and digests treat it like any other), and withdraws it when the booking is cancelled.
package struct PopUpAnnouncer: Sendable {
    let posts: PostService
    let bookings: any PopUpBookingStore
    let store: any PopUpStore
    let merchants: any MerchantStore
    let accounts: any AccountStore
    let zones: any ZoneStore
    let logger = Logger(label: "zonehub.pop-ups")

    package init(
        posts: PostService, bookings: any PopUpBookingStore, store: any PopUpStore, merchants: any MerchantStore,
        accounts: any AccountStore, zones: any ZoneStore
    ) {
        self.posts = posts
        self.bookings = bookings
        self.store = store
        self.merchants = merchants
        self.accounts = accounts
        self.zones = zones
    }

    /// Publishes the event post of a confirmed booking and returns the booking with it. A post that screening
    /// refuses leaves the booking confirmed without one (logged).
    package func announce(_ booking: PopUpBooking) async throws -> PopUpBooking {
        guard booking.status == .confirmed, booking.postID == nil,
            let slot = try await store.slot(id: booking.slotID), let venue = try await store.venue(id: slot.venueID),
            let zone = try await zones.zone(id: venue.zoneID),
            let merchant = try await merchants.merchant(id: booking.merchantID),
            let owner = try await accounts.user(id: merchant.ownerID)
        else { return booking }
        do {
            let content = Self.content(merchant: merchant, venue: venue, slot: slot)
            let draft = try await posts.create(content, merchantSlug: merchant.slug, zoneSlug: zone.slug, by: owner)
            let post = try await posts.submit(draft.id, by: owner)
            try await bookings.setPost(post.id, for: booking.id)
            return try await bookings.booking(id: booking.id) ?? booking
        } catch let error as CommunityError {
            logger.warning(
                "booking confirmed without its event post", metadata: ["booking": "\(booking.id)", "error": "\(error)"])
            return booking
        }
    }

    /// Takes a cancelled booking's event post off the hub.
    func withdraw(_ booking: PopUpBooking) async {
        guard let postID = booking.postID else { return }
        do {
            guard let merchant = try await merchants.merchant(id: booking.merchantID),
                let owner = try await accounts.user(id: merchant.ownerID),
                try await posts.post(postID, viewer: owner).status.isWithdrawable
            else { return }
            _ = try await posts.withdraw(postID, by: owner)
        } catch {
            logger.error("cannot withdraw a pop-up event post", metadata: ["post": "\(postID)", "error": "\(error)"])
        }
    }

    /// "Retrouvez X à la boutique éphémère Y, samedi 14 mars", with where and when in the body.
    package static func content(merchant: Merchant, venue: PopUpVenue, slot: PopUpSlot) -> PostContent {
        let timeZone = TimeZone(identifier: slot.timeZone) ?? .gmt
        let day = FrenchDates.day(slot.startsAt, timeZone)
        let lastDay = FrenchDates.day(slot.endsAt.addingTimeInterval(-1), timeZone)
        let when = day == lastDay ? day : "du \(day) au \(lastDay)"
        let title = "Retrouvez \(merchant.name) à la boutique éphémère \(venue.name), \(when)"
        var body = "\(venue.details.address), \(venue.details.commune).\n"
        body += "De \(FrenchDates.time(slot.start)) à \(FrenchDates.time(slot.end))"
        body += day == lastDay ? ".\n" : " (\(when)).\n"
        if !venue.details.description.isEmpty { body += "\n\(venue.details.description)\n" }
        return PostContent(
            kind: .event, title: String(title.prefix(PostRules.titleLength)), body: body,
            category: merchant.profile.categories.first ?? .services, validUntil: slot.endsAt, eventAt: slot.startsAt)
    }
}

/// Dates in French words for the texts Community writes ("samedi 14 mars", "9 h 30").
package enum FrenchDates {
    package static func day(_ date: Date, _ timeZone: TimeZone) -> String {
        DateText.format(date, locale: "fr_FR", timeZone: timeZone, pattern: "EEEE d MMMM")
    }

    package static func time(_ local: LocalDateTime) -> String {
        local.minute == 0 ? "\(local.hour) h" : "\(local.hour) h \(LocalDateTime.two(local.minute))"
    }
}
