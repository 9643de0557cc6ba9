import Catalogue
import Community
import Foundation

/// Order requests and click-and-collect: merchants offer collection windows, residents (signed in, or guests who
/// confirm their address) ask for products in one of them, and merchants answer. Every method checks who acts:
/// merchant-side actions are for the merchant's owner or a hub operator, resident-side ones for the resident.
package struct OrderService: Sendable {
    package let orders: any OrderStore
    let products: any CatalogueStore
    let merchants: any MerchantStore
    let clock: any HubClock

    package init(
        orders: any OrderStore, products: any CatalogueStore, merchants: any MerchantStore, clock: any HubClock
    ) {
        self.orders = orders
        self.products = products
        self.merchants = merchants
        self.clock = clock
    }

    /// The merchant `user` may manage orders of: its owner, or a hub operator.
    package func managed(merchantSlug: String, by user: User) async throws -> Merchant {
        guard let merchant = try await merchants.merchant(slug: merchantSlug) else {
            throw CommunityNotFound.merchant.notFound
        }
        guard merchant.ownerID == user.id || user.role == .hubOperator else {
            throw CommunityError.forbidden("these orders belong to another merchant")
        }
        return merchant
    }

    /// A merchant residents may order from: listed, not hidden.
    package func listed(merchantSlug: String) async throws -> Merchant {
        guard let merchant = try await merchants.merchant(slug: merchantSlug), merchant.hiddenAt == nil else {
            throw CommunityNotFound.merchant.notFound
        }
        return merchant
    }

    // MARK: Windows

    /// Offers a collection window (start in the future, within a year; up to 12 hours long; capacity 1–500).
    package func addWindow(_ window: WindowDetails, merchantSlug: String, by user: User) async throws
        -> CollectionWindow
    {
        let merchant = try await managed(merchantSlug: merchantSlug, by: user)
        let now = clock.now()
        let valid = try OrderRules.validated(window, now: now)
        return try await orders.addWindow(
            valid, to: merchant, limit: OrderRules.maxUpcomingWindows, by: user.id, at: now)
    }

    /// Stops offering a window; the requests already in it stay.
    package func removeWindow(_ id: CollectionWindow.ID, merchantSlug: String, by user: User) async throws {
        let merchant = try await managed(merchantSlug: merchantSlug, by: user)
        try await orders.removeWindow(id, of: merchant, by: user.id, at: clock.now())
    }

    /// The windows a resident may choose now: offered, starting 3 hours from now or later, with places left.
    package func choosableWindows(merchantSlug: String) async throws -> [CollectionWindow] {
        let merchant = try await listed(merchantSlug: merchantSlug)
        let now = clock.now()
        return try await orders.windows(of: merchant.id, endingAfter: now).filter {
            $0.placesLeft > 0 && $0.startsAt.timeIntervalSince(now) >= OrderRules.leadTime
        }
    }

    /// Every offered window of the merchant not yet ended, full ones included, for its dashboard.
    package func windows(merchantSlug: String, by user: User) async throws -> [CollectionWindow] {
        let merchant = try await managed(merchantSlug: merchantSlug, by: user)
        return try await orders.windows(of: merchant.id, endingAfter: clock.now())
    }

    /// A window and the requests holding its places, oldest first (for the merchant's calendar feed and CSV export).
    package func orders(inWindow id: CollectionWindow.ID, merchantSlug: String, by user: User) async throws
        -> (window: CollectionWindow, requests: [OrderRequest])
    {
        let merchant = try await managed(merchantSlug: merchantSlug, by: user)
        guard let window = try await orders.window(id: id), window.merchantID == merchant.id else {
            throw OrdersNotFound.window.notFound
        }
        return (window, try await orders.requests(inWindow: id, holdingOnly: true))
    }

    // MARK: Requests

    /// Asks `merchantSlug` for `lines`, collected in `window`. A signed-in resident's request is `requested` at
    /// once and holds a place; a guest's is `unconfirmed` until they follow the link with the returned token (to be
    /// mailed to them; it is stored hashed and never shown again).
    package func request(
        _ lines: [LineRequest], window: CollectionWindow.ID, merchantSlug: String, note: String = "",
        by requester: OrderRequester
    ) async throws -> OrderPlacement {
        let merchant = try await listed(merchantSlug: merchantSlug)
        let who = try OrderRules.requester(requester, note: note)
        let valid = try OrderRules.validated(lines)
        let now = clock.now()
        guard let chosen = try await orders.window(id: window), chosen.merchantID == merchant.id else {
            throw OrdersNotFound.window.notFound
        }
        try OrderRules.checkChoosable(chosen, now: now)
        let checked = try OrderRules.checkProducts(
            valid, listed: try await products.products(of: merchant.id), merchant: merchant.id)
        let token = who.userID == nil ? OrderToken.make() : nil
        let new = NewOrderRequest(
            merchant: merchant, windowID: window, campaignID: nil, userID: who.userID, email: who.email,
            residentName: who.name, note: who.note, status: token == nil ? .requested : .unconfirmed,
            lines: checked.map { (request: $0.0, product: $0.1) }, tokenHash: token.map(OrderToken.hash),
            confirmBy: token == nil ? nil : OrderRules.confirmBy(now: now, windowStart: chosen.startsAt),
            answerBy: token == nil ? OrderRules.answerBy(now: now, windowStart: chosen.startsAt) : nil)
        let stored = try await orders.request(
            new, limits: (OrderRules.openPerMerchant, OrderRules.openInAll), by: who.userID, at: now)
        return OrderPlacement(request: stored, token: token)
    }

    /// A guest confirms their address with the mailed token: a window's request becomes `requested` (and takes a
    /// place: `window_full` when none is left), a campaign's becomes `accepted` (and promises its units:
    /// `sold_out` when too few are left). `confirmation_expired` after `confirmBy`.
    package func confirm(token: String) async throws -> OrderRequest {
        let request = try await guestRequest(token: token)
        let now = clock.now()
        var answerBy: Date?
        if let windowID = request.windowID, let window = try await orders.window(id: windowID) {
            answerBy = OrderRules.answerBy(now: now, windowStart: window.startsAt)
        }
        let change = OrderChange(
            to: request.campaignID == nil ? .requested : .accepted, answerBy: answerBy, audit: .confirm)
        return try await orders.transition(request.id, change, by: nil, at: now) { current in
            try OrderRules.check(current.status, from: [.unconfirmed], to: change.to)
            guard let confirmBy = current.confirmBy, now <= confirmBy else {
                throw OrdersProblem.confirmationExpired.error("the time to confirm this order has passed")
            }
        }
    }

    /// The request a guest's token opens; `invalid_token` for an unknown one.
    package func guestRequest(token: String) async throws -> OrderRequest {
        guard !token.isEmpty, token.count <= 100,
            let request = try await orders.request(tokenHash: OrderToken.hash(token))
        else { throw OrdersField.token.invalid("this link is not valid") }
        return request
    }

    /// The resident cancels their own request before it is ready (a pre-order's units are freed).
    package func cancel(_ id: OrderRequest.ID, by user: User) async throws -> OrderRequest {
        try await orders.transition(id, OrderChange(to: .cancelled), by: user.id, at: clock.now()) { current in
            guard current.userID == user.id else { throw OrdersNotFound.order.notFound }
        }
    }

    /// A guest cancels their request with the token of their link.
    package func cancel(token: String) async throws -> OrderRequest {
        let request = try await guestRequest(token: token)
        return try await orders.transition(request.id, OrderChange(to: .cancelled), by: nil, at: clock.now()) { _ in }
    }

    /// The merchant accepts a request, all of it (`quantities` empty) or part: the accepted quantity per line
    /// (0…asked; lines left out are accepted whole; at least one unit).
    package func accept(
        _ id: OrderRequest.ID, quantities: [OrderLine.ID: Int] = [:], merchantSlug: String, by user: User
    ) async throws -> OrderRequest {
        let merchant = try await managed(merchantSlug: merchantSlug, by: user)
        let request = try await owned(id, by: merchant)
        let accepted = try OrderRules.validated(accepted: quantities, lines: request.lines)
        return try await answer(
            id, OrderChange(to: .accepted, accepted: accepted), from: [.requested], merchant: merchant, by: user)
    }

    /// The merchant refuses a request, with a reason the resident reads (required, 500 characters at most).
    package func refuse(_ id: OrderRequest.ID, reason: String, merchantSlug: String, by user: User) async throws
        -> OrderRequest
    {
        let merchant = try await managed(merchantSlug: merchantSlug, by: user)
        let reason = try OrderRules.reason(reason)
        return try await answer(
            id, OrderChange(to: .refused, reason: reason), from: [.requested], merchant: merchant, by: user)
    }

    /// The merchant marks an accepted request ready to collect.
    package func markReady(_ id: OrderRequest.ID, merchantSlug: String, by user: User) async throws -> OrderRequest {
        let merchant = try await managed(merchantSlug: merchantSlug, by: user)
        return try await answer(id, OrderChange(to: .ready), from: [.accepted], merchant: merchant, by: user)
    }

    /// The merchant marks a ready request collected.
    package func markCollected(_ id: OrderRequest.ID, merchantSlug: String, by user: User) async throws
        -> OrderRequest
    {
        let merchant = try await managed(merchantSlug: merchantSlug, by: user)
        return try await answer(id, OrderChange(to: .collected), from: [.ready], merchant: merchant, by: user)
    }

    /// The merchant marks a ready request not collected.
    package func markNotCollected(_ id: OrderRequest.ID, merchantSlug: String, by user: User) async throws
        -> OrderRequest
    {
        let merchant = try await managed(merchantSlug: merchantSlug, by: user)
        return try await answer(id, OrderChange(to: .notCollected), from: [.ready], merchant: merchant, by: user)
    }

    /// Expires the requests the merchant did not answer in time and the guests' requests not confirmed in time;
    /// returns them, so the caller can tell each resident. Run periodically.
    package func expireOverdue(now: Date? = nil) async throws -> [OrderRequest] {
        try await orders.expireOverdue(at: now ?? clock.now())
    }

    /// The merchant's requests, newest first: all, or those in `statuses`, or in `window` (500 at most).
    package func requests(
        merchantSlug: String, statuses: Set<OrderStatus>? = nil, window: CollectionWindow.ID? = nil, by user: User
    ) async throws -> [OrderRequest] {
        let merchant = try await managed(merchantSlug: merchantSlug, by: user)
        return try await orders.requests(of: merchant.id, statuses: statuses, window: window, limit: 500)
    }

    /// A resident's own requests, newest first (200 at most).
    package func myRequests(by user: User) async throws -> [OrderRequest] {
        try await orders.requests(of: user.id, limit: 200)
    }

    /// One request with its lines, for its resident, its merchant's owner or a hub operator; others are told it
    /// does not exist.
    package func request(_ id: OrderRequest.ID, by user: User) async throws -> OrderRequest {
        guard let request = try await orders.request(id: id) else { throw OrdersNotFound.order.notFound }
        if request.userID == user.id || user.role == .hubOperator { return request }
        guard let merchant = try await merchants.merchant(id: request.merchantID), merchant.ownerID == user.id else {
            throw OrdersNotFound.order.notFound
        }
        return request
    }

    func owned(_ id: OrderRequest.ID, by merchant: Merchant) async throws -> OrderRequest {
        guard let request = try await orders.request(id: id), request.merchantID == merchant.id else {
            throw OrdersNotFound.order.notFound
        }
        return request
    }

    func answer(
        _ id: OrderRequest.ID, _ change: OrderChange, from: Set<OrderStatus>, merchant: Merchant, by user: User
    ) async throws -> OrderRequest {
        try await orders.transition(id, change, by: user.id, at: clock.now()) { current in
            guard current.merchantID == merchant.id else { throw OrdersNotFound.order.notFound }
            try OrderRules.check(current.status, from: from, to: change.to)
        }
    }
}

/// A stored request, and the token to mail a guest (nil for a signed-in resident).
package struct OrderPlacement: Sendable {
    package let request: OrderRequest
    /// The only copy of the guest's token: mail it in the confirmation link.
    package let token: String?
}
