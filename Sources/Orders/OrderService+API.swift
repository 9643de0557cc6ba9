import Community
import Foundation

extension OrderService {
    /// The merchants of `requests`, by identifier, so that a resident's list can name where each is collected.
    package func merchants(of requests: [OrderRequest]) async throws -> [Merchant.ID: Merchant] {
        var found: [Merchant.ID: Merchant] = [:]
        for id in Set(requests.map(\.merchantID)) {
            if let merchant = try await merchants.merchant(id: id) { found[id] = merchant }
        }
        return found
    }

    /// Whether `user` manages `merchantSlug`'s orders (its owner or a hub operator); false for anyone else or nobody.
    package func manages(merchantSlug: String, user: User?) async throws -> Bool {
        guard let user, let merchant = try await merchants.merchant(slug: merchantSlug) else { return false }
        return merchant.ownerID == user.id || user.role == .hubOperator
    }
}
