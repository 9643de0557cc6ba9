import Catalogue
import Community
import Foundation

/// A request as the service built it, before it is stored.
package struct NewOrderRequest: Sendable {
    package var merchant: Merchant
    /// Exactly one of the two.
    package var windowID: CollectionWindow.ID?
    package var campaignID: PreOrderCampaign.ID?
    package var userID: User.ID?
    package var email: String
    package var residentName: String
    package var note: String
    /// `unconfirmed` (a guest), `requested` (a window) or `accepted` (a campaign: units are promised at once).
    package var status: OrderStatus
    package var lines: [(request: LineRequest, product: Product)]
    package var tokenHash: String?
    package var confirmBy: Date?
    package var answerBy: Date?
}

/// What a transition changes besides the status.
package struct OrderChange: Sendable {
    package var to: OrderStatus
    /// Accepted quantity per line (`accepted` from `requested`); a campaign's order accepts every line whole.
    package var accepted: [OrderLine.ID: Int]?
    package var reason: String?
    package var answerBy: Date?
    package var audit: OrdersAuditAction

    package init(
        to: OrderStatus, accepted: [OrderLine.ID: Int]? = nil, reason: String? = nil, answerBy: Date? = nil,
        audit: OrdersAuditAction? = nil
    ) {
        self.to = to
        self.accepted = accepted
        self.reason = reason
        self.answerBy = answerBy
        self.audit = audit ?? .reaching(to)
    }
}

/// Storage of windows, requests and campaigns; each write is one transaction with its audit entry inside, and the
/// database's guards (window capacity, campaign quantities, final statuses) are turned into `OrdersProblem`s.
package protocol OrderStore: Sendable {
    /// Stores a window; `too_many_windows` when `merchant` already offers `limit` windows not yet ended.
    func addWindow(_ window: WindowDetails, to merchant: Merchant, limit: Int, by actor: User.ID, at date: Date)
        async throws -> CollectionWindow

    /// Stops offering a window; the requests in it stay. `window_not_found` unless it is `merchant`'s and offered.
    func removeWindow(_ id: CollectionWindow.ID, of merchant: Merchant, by actor: User.ID, at date: Date) async throws

    func window(id: CollectionWindow.ID) async throws -> CollectionWindow?

    /// `merchant`'s offered windows ending after `date`, soonest first, with the places they hold.
    func windows(of merchant: Merchant.ID, endingAfter date: Date) async throws -> [CollectionWindow]

    /// Stores a request, with the resident's limits checked under a lock on their address, the window checked
    /// (`OrderRules.checkChoosable`) or the campaign's units promised, all in one transaction.
    func request(_ request: NewOrderRequest, limits: (perMerchant: Int, inAll: Int), by actor: User.ID?, at date: Date)
        async throws -> OrderRequest

    /// Moves a request to `change.to` when its current status allows it (`OrderStatus.next`), after `check` accepts
    /// it as it stands in the transaction; frees or promises a campaign's units as the move requires.
    func transition(
        _ id: OrderRequest.ID, _ change: OrderChange, by actor: User.ID?, at date: Date,
        check: @escaping @Sendable (OrderRequest) throws -> Void
    ) async throws -> OrderRequest

    /// Expires requests not answered by `answerBy` and guests' requests not confirmed by `confirmBy`; returns them.
    func expireOverdue(at date: Date) async throws -> [OrderRequest]

    func request(id: OrderRequest.ID) async throws -> OrderRequest?
    func request(tokenHash: String) async throws -> OrderRequest?

    /// `merchant`'s requests, newest first, optionally only those in `statuses` and in `window`.
    func requests(
        of merchant: Merchant.ID, statuses: Set<OrderStatus>?, window: CollectionWindow.ID?, limit: Int
    ) async throws -> [OrderRequest]

    /// The requests of an account, newest first.
    func requests(of user: User.ID, limit: Int) async throws -> [OrderRequest]

    /// The requests holding a place in `window` (or all of them with `holdingOnly` false), oldest first.
    func requests(inWindow window: CollectionWindow.ID, holdingOnly: Bool) async throws -> [OrderRequest]

    /// A campaign's orders, oldest first, optionally only those in `statuses`.
    func requests(inCampaign campaign: PreOrderCampaign.ID, statuses: Set<OrderStatus>?) async throws -> [OrderRequest]

    /// Opens a campaign; `too_many_campaigns` when `merchant` has `limit` campaigns open at `date`.
    func openCampaign(
        _ campaign: CampaignDetails, products: [Product], of merchant: Merchant, limit: Int, by actor: User.ID,
        at date: Date
    ) async throws -> PreOrderCampaign

    /// Closes a campaign's orders at `date` (when it closes later); `campaign_not_found` unless it is `merchant`'s.
    func closeCampaign(_ id: PreOrderCampaign.ID, of merchant: Merchant, by actor: User.ID, at date: Date)
        async throws -> PreOrderCampaign

    func campaign(id: PreOrderCampaign.ID) async throws -> PreOrderCampaign?

    /// `merchant`'s campaigns, latest closing first; only those open at `openAt` when it is given.
    func campaigns(of merchant: Merchant.ID, openAt: Date?) async throws -> [PreOrderCampaign]
}
