import Community
import Foundation
import Hummingbird
import Logging

/// Builds the router with every route and middleware; shared by `serve` and the HTTP tests.
func buildRouter(hub: Hub, metrics: HubMetrics = HubMetrics()) -> Router<HubRequestContext> {
    let router = Router(context: HubRequestContext.self)
    router.add(middleware: RequestMetricsMiddleware(metrics: metrics.requests))
    router.add(middleware: SecurityHeaders(https: hub.settings.publicURL.hasPrefix("https:")))
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: CrossOriginProtection(origin: CrossOriginProtection.origin(of: hub.settings.publicURL)))
    OperationsController(hub: hub, metrics: metrics).addRoutes(to: router)
    router.get("/static/site.css") { _, _ in
        var headers = HTTPFields()
        headers[.contentType] = "text/css; charset=utf-8"
        headers[.cacheControl] = "public, max-age=3600"
        let css = Stylesheet.css + DirectoryStylesheet.css
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: css)))
    }
    // Inside the group, errors render with the visitor's language and session; the router-level instance
    // answers for unknown paths and failures before the session is known.
    // Feeds are public and cached: they skip the session lookup.
    FeedController(hub: hub, cache: hub.feedCache).addRoutes(to: router)
    let pages = router.group().add(middleware: SessionMiddleware(accounts: hub.accounts)).add(
        middleware: ErrorMiddleware())
    PublicPagesController(
        zones: hub.zones, posts: hub.posts, merchants: hub.merchants, markets: hub.markets, listings: hub.listings,
        publicURL: hub.settings.publicURL, clock: hub.clock
    ).addRoutes(to: pages)
    AccountPagesController(hub: hub).addRoutes(to: pages)
    DashboardController(hub: hub).addRoutes(to: pages)
    ModerationPagesController(
        zones: hub.zones, moderation: hub.moderation, merchants: hub.merchants, reportLimiter: hub.reportLimiter,
        clock: hub.clock
    ).addRoutes(to: pages)
    SubscriptionPagesController(hub: hub).addRoutes(to: pages)
    let api = pages.group("/api/v1")
    APIController(hub: hub).addRoutes(to: api)
    ModerationAPIController(hub: hub).addRoutes(to: api)
    addPopUpRoutes(hub: hub, pages: pages, api: api)
    addDirectoryRoutes(hub: hub, router: router, pages: pages, api: api)
    return router
}

/// The HTTP application for `serve`, with the background sweep that publishes and expires posts.
func buildApplication(hub: Hub, logger: Logger) -> some ApplicationProtocol {
    Application(
        router: buildRouter(hub: hub),
        configuration: .init(address: .hostname(hub.settings.host, port: hub.settings.port), serverName: "zonehub"),
        services: [
            PostSweeper(posts: hub.posts, logger: logger), MailScheduler(hub: hub, logger: logger),
            PopUpSweeper(bookings: hub.popUps.bookings, logger: logger),
            ListingReminderService(hub: hub, logger: logger),
        ],
        onServerRunning: { channel in
            // Printed once the socket is bound, with the real port (useful with --port 0).
            let port = channel.localAddress?.port.map(String.init) ?? "?"
            logger.notice("zonehub ready", metadata: ["url": "http://\(hub.settings.host):\(port)"])
        },
        logger: logger)
}
