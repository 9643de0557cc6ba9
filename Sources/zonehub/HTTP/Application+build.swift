import Community
import Foundation
import Hummingbird
import HummingbirdCore
import Logging

/// Builds the router with every route and middleware; shared by `serve` and the HTTP tests.
func buildRouter(hub: Hub, metrics: HubMetrics = HubMetrics()) -> Router<HubRequestContext> {
    let router = Router(context: HubRequestContext.self)
    router.add(middleware: RequestMetricsMiddleware(metrics: metrics.requests))
    router.add(middleware: SecurityHeaders(https: hub.settings.publicURL.hasPrefix("https:")))
    router.add(middleware: PageFrameMiddleware(identity: hub.settings.identity, publicURL: hub.settings.publicURL))
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: CrossOriginProtection(origin: CrossOriginProtection.origin(of: hub.settings.publicURL)))
    let publicURL = hub.settings.publicURL
    OperationsController(
        zones: hub.zones, statistics: hub.statistics, feedCache: hub.feedCache, clock: hub.clock, metrics: metrics
    ).addRoutes(to: router)
    let identityCSS = LayoutStylesheet.identity(hub.settings.identity)
    router.get("/static/site.css") { _, _ in
        var headers = HTTPFields()
        headers[.contentType] = "text/css; charset=utf-8"
        headers[.cacheControl] = "public, max-age=3600"
        let css =
            Stylesheet.css + DirectoryStylesheet.css + ClaimStylesheet.css + ReachStylesheet.css + LayoutStylesheet.css
            + CatalogueStylesheet.css + FormStylesheet.css + PopUpOrganiserStylesheet.css
            + identityCSS + PhotoStylesheet.css + ModerationStylesheet.css + OrderStylesheet.css
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: css)))
    }
    // Inside the group, errors render with the visitor's language and session; the router-level instance
    // answers for unknown paths and failures before the session is known.
    // Feeds are public and cached: they skip the session lookup.
    FeedController(
        zones: hub.zones, merchants: hub.merchants, posts: hub.posts, markets: hub.markets, catalogue: hub.catalogue,
        productPhotos: hub.productPhotos, publicURL: publicURL,
        webSubHub: hub.settings.webSubHub, clock: hub.clock, cache: hub.feedCache, reach: hub.reachCounter
    ).addRoutes(to: router)
    // Link clicks are counted without a session, as feeds are.
    ReachController(merchants: hub.merchants, counter: hub.reachCounter).addRoutes(to: router)
    SiteLogo.addRoute(hub.settings.identity.logo, to: router)
    // Photos are public and content-addressed: no session either.
    let photoController = PhotoController(photos: hub.photos, merchants: hub.merchants)
    photoController.addFileRoutes(to: router)
    let pages = router.group().add(middleware: SessionMiddleware(accounts: hub.accounts))
        .add(middleware: AccountZonesMiddleware(zones: hub.zones, popUps: hub.popUps.venues))
        .add(middleware: ErrorMiddleware())
    PublicPagesController(
        zones: hub.zones, posts: hub.posts, merchants: hub.merchants, markets: hub.markets, listings: hub.listings,
        popUps: hub.popUps.venues, publicURL: hub.settings.publicURL, clock: hub.clock, reach: hub.reachCounter,
        photos: hub.photos, catalogue: hub.catalogue, productPhotos: hub.productPhotos,
        placePhotos: hub.placePhotos, campaigns: hub.campaigns
    ).addRoutes(to: pages)
    AccountPagesController(
        accounts: hub.accounts, signInThrottle: hub.signInThrottle, publicURL: publicURL, clock: hub.clock
    ).addRoutes(to: pages)
    MembershipPagesController(membership: hub.membership, zones: hub.zones).addRoutes(to: pages)
    ListingClaimPagesController(claims: hub.claims, zones: hub.zones).addRoutes(to: pages)
    InvitationPagesController(
        invitations: hub.invitations, accounts: hub.accounts, zones: hub.zones, publicURL: publicURL
    ).addRoutes(to: pages)
    LegalPagesController(notice: hub.settings.legalNotice, privacy: hub.settings.privacyPolicy).addRoutes(to: pages)
    AccountSettingsController(
        accounts: hub.accounts, membership: hub.membership, personalData: hub.personalData)
        .addRoutes(to: pages)
    ConsoleController(administration: hub.administration, zones: hub.zones, signInThrottle: hub.signInThrottle)
        .addRoutes(to: pages)
    DashboardController(
        zones: hub.zones, merchants: hub.merchants, posts: hub.posts, moderation: hub.moderation,
        subscriptions: hub.subscriptions, reach: hub.reach
    ).addRoutes(to: pages)
    ModerationPagesController(
        zones: hub.zones, moderation: hub.moderation, merchants: hub.merchants, posts: hub.posts, photos: hub.photos,
        reportLimiter: hub.reportLimiter, clock: hub.clock
    ).addRoutes(to: pages)
    SubscriptionPagesController(
        zones: hub.zones, subscriptions: hub.subscriptions, linkTokens: hub.linkTokens, mailRenderer: hub.mailRenderer,
        subscriptionLimiter: hub.subscriptionLimiter, clock: hub.clock
    ).addRoutes(to: pages)
    NoticePagesController(notices: hub.notices).addRoutes(to: pages)
    CataloguePagesController(
        catalogue: hub.catalogue, productPhotos: hub.productPhotos, zones: hub.zones, publicURL: publicURL
    ).addRoutes(to: pages)
    photoController.addRoutes(to: pages)
    PostPhotoController(photos: hub.photos, posts: hub.posts, merchants: hub.merchants).addRoutes(to: pages)
    PlacePhotoController(placePhotos: hub.placePhotos, popUps: hub.popUps.venues, markets: hub.markets)
        .addRoutes(to: pages)
    let api = pages.group("/api/v1")
    APIController(
        accounts: hub.accounts, merchants: hub.merchants, posts: hub.posts, zones: hub.zones,
        signInThrottle: hub.signInThrottle, publicURL: publicURL, clock: hub.clock
    ).addRoutes(to: api)
    ModerationAPIController(
        zones: hub.zones, moderation: hub.moderation, reportLimiter: hub.reportLimiter, publicURL: publicURL,
        clock: hub.clock
    ).addRoutes(to: api)
    CatalogueAPIController(catalogue: hub.catalogue, publicURL: publicURL).addRoutes(to: api)
    OrderAPIController(orders: hub.orders, campaigns: hub.campaigns, clock: hub.clock).addRoutes(to: api)
    addPopUpRoutes(hub: hub, pages: pages, api: api)
    addOrderRoutes(hub: hub, pages: pages)
    addDirectoryRoutes(hub: hub, router: router, pages: pages, api: api)
    return router
}

/// The HTTP application for `serve`, with the background sweep that publishes and expires posts.
///
/// Slow clients are bounded three ways: a request head must arrive within `requestHeadTimeout` (our
/// `RequestHeadTimeout`), a connection waiting for its next request or the next part of a body is closed after
/// `idleTimeout` (Hummingbird's own), and past `ConnectionLimit` connections the server stops accepting until one
/// closes, rather than running out of open files. The listen backlog stays Hummingbird's 256: at the connection
/// limit, a longer one (4,096 was tried) only makes a visitor wait longer behind slow clients' queued connections.
func buildApplication(hub: Hub, logger: Logger) -> some ApplicationProtocol {
    let settings = hub.settings
    let openFiles = ConnectionLimit.raiseOpenFiles()
    let connections = ConnectionLimit.connections(openFiles: openFiles)
    return Application(
        router: buildRouter(hub: hub),
        server: .http1(
            configuration: .init(
                additionalChannelHandlers: [
                    RequestHeadTimeout(timeout: .init(settings.requestHeadTimeout), logger: logger)
                ],
                idleTimeout: .init(settings.idleTimeout))),
        configuration: .init(
            address: .hostname(settings.host, port: settings.port), serverName: "zonehub",
            availableConnectionsDelegate: MaximumAvailableConnections(connections, logger: logger)),
        services: [
            PostSweeper(posts: hub.posts, logger: logger), hub.mailScheduler(logger: logger),
            PopUpSweeper(bookings: hub.popUps.bookings, logger: logger),
            hub.orderSweeper(logger: logger),
            ListingReminderService(reminders: hub.listingReminders, logger: logger), hub.reachFlusher(logger: logger),
        ],
        onServerRunning: { channel in
            // Printed once the socket is bound, with the real port (useful with --port 0).
            let port = channel.localAddress?.port.map(String.init) ?? "?"
            logger.notice(
                "zonehub ready",
                metadata: [
                    "url": "http://\(settings.host):\(port)", "connections": "\(connections)",
                    "openFiles": "\(openFiles)",
                ])
        },
        logger: logger)
}
