import Foundation

/// Storage of merchant profiles.
package protocol MerchantStore: Sendable {
    /// Stores a new profile under `slug`; fails with `merchant_slug_taken` or `siret_taken`.
    func create(
        slug: String, profile: MerchantProfile, zoneIDs: [Zone.ID], owner: User.ID, at date: Date
    ) async throws -> Merchant
    func update(_ id: Merchant.ID, profile: MerchantProfile, zoneIDs: [Zone.ID], by actor: User.ID, at date: Date)
        async throws -> Merchant
    func merchant(id: Merchant.ID) async throws -> Merchant?
    func merchant(slug: String) async throws -> Merchant?
    func merchants(ownedBy owner: User.ID) async throws -> [Merchant]
    /// Merchants of a zone (or of the whole hub), by name.
    func merchants(zoneID: Zone.ID?, category: Category?, limit: Int) async throws -> [Merchant]
}
