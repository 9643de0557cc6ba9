import Community
import Foundation
import Storage

/// What the directory needs to know of merchants: filtered lists and counts.
package protocol DirectoryStore: Sendable {
    /// Merchants by name, in a zone (or the hub), of a category, in a commune (folded), from `offset`.
    func merchants(_ filter: DirectoryFilter, limit: Int, offset: Int) async throws -> [Merchant]
    /// How many merchants each category and each commune has, for the filter links.
    func counts(zoneID: Zone.ID?) async throws -> DirectoryCounts
    /// Sets the listing's confirmation date, with its audit entry.
    func confirm(_ id: Merchant.ID, by actor: User.ID, at date: Date) async throws -> Merchant
    /// Merchants confirmed before `cutoff` and not reminded since, oldest confirmation first.
    func dueForReminder(confirmedBefore cutoff: Date, limit: Int) async throws -> [Merchant]
    func markReminded(_ id: Merchant.ID, at date: Date) async throws
    /// Stores every entry in one transaction, all or none; `progress` hears (stored, total).
    func importMerchants(
        _ entries: [ImportEntry], owner: User.ID, at date: Date, progress: @escaping @Sendable (Int, Int) -> Void
    ) async throws -> [Merchant]
    /// Name, postcode and SIRET of the merchants in these communes or with these SIRETs, for finding duplicates.
    func identities(communeKeys: Set<String>, sirets: Set<String>) async throws
        -> [(name: String, postcode: String, siret: String?)]
}

/// Which merchants a directory page lists.
package struct DirectoryFilter: Equatable, Sendable {
    package var zoneID: Zone.ID?
    package var category: Category?
    /// The commune folded (`String.folded`).
    package var communeKey: String?

    package init(zoneID: Zone.ID? = nil, category: Category? = nil, communeKey: String? = nil) {
        self.zoneID = zoneID
        self.category = category
        self.communeKey = communeKey
    }
}

/// Merchant counts per category and per commune (by the name its merchants give, most common spelling).
package struct DirectoryCounts: Equatable, Sendable {
    package let categories: [Category: Int]
    package let communes: [(name: String, count: Int)]
    package let total: Int

    package init(categories: [Category: Int], communes: [(name: String, count: Int)], total: Int) {
        self.categories = categories
        self.communes = communes
        self.total = total
    }

    package static func == (left: DirectoryCounts, right: DirectoryCounts) -> Bool {
        left.categories == right.categories && left.total == right.total
            && left.communes.map(\.name) == right.communes.map(\.name)
            && left.communes.map(\.count) == right.communes.map(\.count)
    }
}
