import Community
import Feeds
import Foundation
import Moderation
import PopUps

/// Everything the hub holds about one person, as they download it (RGPD art. 15 and 20): the account, the shops
/// it owns with their posts and pop-up bookings, the reports it filed, the digest subscription of its address,
/// and what it did according to the audit log. Passwords and session tokens are left out (only hashes are kept).
struct PersonalData: Encodable {
    struct Account: Encodable {
        let id: Int64
        let email: String
        let displayName: String
        let role: String
        let status: String
        let createdAt: Date
        let zonesAdministered: [String]
    }

    struct Shop: Encodable {
        let slug: String
        let profile: MerchantProfile
        let posts: [ShopPost]
        let popUpBookings: [Booking]
    }

    struct ShopPost: Encodable {
        let id: Int64
        let zone: String
        let status: String
        let content: PostContent
        let createdAt: Date
        let publishedAt: Date?
    }

    struct Booking: Encodable {
        let id: Int64
        let slot: Int64
        let status: String
        let reason: String?
        let createdAt: Date
    }

    struct FiledReport: Encodable {
        let post: Int64
        let reason: String
        let note: String?
        let at: Date
    }

    struct DigestSubscription: Encodable {
        let email: String
        let status: String
        let frequency: String
        let categories: [String]
        let createdAt: Date
        let confirmedAt: Date?
    }

    struct Action: Encodable {
        let at: Date
        let action: String
        let subject: String
        let details: String
    }

    let exportedAt: Date
    let account: Account
    let shops: [Shop]
    let reports: [FiledReport]
    let subscription: DigestSubscription?
    let actions: [Action]

    /// The JSON file: keys sorted, dates in ISO 8601, indented for a person to read.
    func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}

/// Gathers `PersonalData` from the stores of every feature that holds some.
struct PersonalDataExport {
    let zones: any ZoneStore
    let merchants: any MerchantStore
    let posts: any PostStore
    let moderation: any ModerationStore
    let subscriptions: any SubscriptionStore
    let bookings: any PopUpBookingStore
    let audit: any AuditStore
    let clock: any HubClock

    func data(of user: User) async throws -> PersonalData {
        let zoneSlugs = Dictionary(
            uniqueKeysWithValues: try await zones.zones(includeRetired: true).map { ($0.id, $0.slug) })
        var shops: [PersonalData.Shop] = []
        for shop in try await merchants.merchants(ownedBy: user.id) {
            let written = try await posts.posts(
                PostQuery(merchantID: shop.id, statuses: Set(PostStatus.allCases), limit: 100_000))
            let booked = try await bookings.bookings(merchant: shop.id, endingAfter: nil)
            shops.append(
                PersonalData.Shop(
                    slug: shop.slug, profile: shop.profile,
                    posts: written.map {
                        .init(
                            id: $0.id.rawValue, zone: $0.zoneSlug, status: $0.status.rawValue, content: $0.content,
                            createdAt: $0.createdAt, publishedAt: $0.publishedAt)
                    },
                    popUpBookings: booked.map {
                        .init(
                            id: $0.id.rawValue, slot: $0.slotID.rawValue, status: $0.status.rawValue, reason: $0.reason,
                            createdAt: $0.createdAt)
                    }))
        }
        let subscription = try await subscriptions.subscription(email: user.email)
        return PersonalData(
            exportedAt: clock.now(),
            account: .init(
                id: user.id.rawValue, email: user.email, displayName: user.displayName, role: user.role.rawValue,
                status: user.status.rawValue, createdAt: user.createdAt,
                zonesAdministered: user.zoneIDs.compactMap { zoneSlugs[$0] }.sorted()),
            shops: shops,
            reports: try await moderation.reports(by: user.id).map {
                .init(post: $0.postID.rawValue, reason: $0.reason.rawValue, note: $0.note, at: $0.at)
            },
            subscription: subscription.map {
                .init(
                    email: $0.email, status: $0.status.rawValue, frequency: $0.preferences.frequency.rawValue,
                    categories: $0.preferences.categories.map(\.rawValue), createdAt: $0.createdAt,
                    confirmedAt: $0.confirmedAt)
            },
            actions: try await audit.entries(actor: user.id).map {
                .init(at: $0.at, action: $0.action, subject: $0.subject, details: $0.details)
            })
    }
}
