import Hummingbird
import Logging

extension Hub {
    /// The mailer of order steps, over the hub's outbox.
    var orderMailer: OrderMailer {
        OrderMailer(
            outbox: outbox, orders: orders.orders, merchants: merchantStore, accounts: accountStore,
            publicURL: settings.publicURL, clock: clock)
    }

    /// The background service expiring overdue order requests.
    func orderSweeper(logger: Logger) -> OrderSweeper {
        OrderSweeper(orders: orders, mailer: orderMailer, logger: logger)
    }
}

/// The order pages: the resident's and the merchant's.
func addOrderRoutes(hub: Hub, pages: some RouterMethods<HubRequestContext>) {
    OrderPagesController(
        orders: hub.orders, campaigns: hub.campaigns, catalogue: hub.catalogue, merchants: hub.merchantStore,
        mailer: hub.orderMailer, clock: hub.clock
    ).addRoutes(to: pages)
    OrderDashboardController(
        orders: hub.orders, campaigns: hub.campaigns, catalogue: hub.catalogue, merchants: hub.merchantStore,
        mailer: hub.orderMailer, tokens: hub.linkTokens, publicURL: hub.settings.publicURL, clock: hub.clock
    ).addRoutes(to: pages)
}
