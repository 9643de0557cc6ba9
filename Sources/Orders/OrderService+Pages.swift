import Community
import Foundation

extension OrderService {
    /// A merchant's windows ending after `since` (removed ones included while they still hold requests), each with
    /// the requests holding its places, for the merchant's private calendar. The caller has checked who asks.
    package func calendar(merchant: Merchant.ID, since: Date) async throws
        -> [(window: CollectionWindow, requests: [OrderRequest])]
    {
        var result: [(window: CollectionWindow, requests: [OrderRequest])] = []
        for window in try await orders.windows(of: merchant, endingAfter: since) {
            result.append((window, try await orders.requests(inWindow: window.id, holdingOnly: true)))
        }
        return result
    }
}
