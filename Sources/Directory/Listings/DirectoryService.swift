import Community
import Foundation
import Storage

/// The merchant directory: who sells what, where, and whether they are open now.
package struct DirectoryService: Sendable {
    let directory: any DirectoryStore
    let zones: any ZoneStore
    let clock: any HubClock
    /// A directory page lists at most this many merchants; filters narrow it further.
    package static let pageSize = 100

    package init(directory: any DirectoryStore, zones: any ZoneStore, clock: any HubClock) {
        self.directory = directory
        self.zones = zones
        self.clock = clock
    }

    /// One page of the directory, by name; with `openNow`, only merchants whose hours say they are open now.
    package func listing(
        zone: Zone?, category: Category?, commune: String?, openNow: Bool = false, page: Int = 0
    ) async throws -> DirectoryListing {
        guard (0...1000).contains(page) else { throw DirectoryField.page.invalid("between 0 and 1000") }
        let communeKey = commune?.folded
        guard (communeKey?.count ?? 0) <= 80 else {
            throw DirectoryField.communeFilter.error("commune: at most 80 characters")
        }
        let filter = DirectoryFilter(
            zoneID: zone?.id, category: category, communeKey: communeKey?.isEmpty == true ? nil : communeKey)
        let now = clock.now()
        var merchants = try await directory.merchants(
            filter, limit: Self.pageSize + 1, offset: page * Self.pageSize)
        let hasMore = merchants.count > Self.pageSize
        merchants = Array(merchants.prefix(Self.pageSize))
        if openNow { merchants = merchants.filter { isOpen($0, at: now) == true } }
        return DirectoryListing(
            merchants: merchants, counts: try await directory.counts(zoneID: zone?.id), hasMore: hasMore, now: now)
    }

    /// Whether the merchant's hours say it is open at `date` (Paris time); nil when it gives no readable hours.
    package func isOpen(_ merchant: Merchant, at date: Date) -> Bool? {
        guard let text = merchant.profile.openingHours, let hours = try? OpeningHours.parse(text) else { return nil }
        return hours.isOpen(at: date, timeZone: Self.paris)
    }

    static let paris = TimeZone(identifier: "Europe/Paris") ?? .gmt
}

/// A directory page: merchants, counts for the filters, the moment "open now" was judged.
package struct DirectoryListing: Equatable, Sendable {
    package let merchants: [Merchant]
    package let counts: DirectoryCounts
    package let hasMore: Bool
    package let now: Date

    /// The merchants under each of their categories, in the hub's category order.
    package var byCategory: [(category: Category, merchants: [Merchant])] {
        Category.allCases.compactMap { category in
            let members = merchants.filter { $0.profile.categories.contains(category) }
            return members.isEmpty ? nil : (category, members)
        }
    }
}
