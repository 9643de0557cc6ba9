import Hummingbird

/// The directory's pages and API routes (search, directory, markets, sitemap).
func addDirectoryRoutes(
    hub: Hub, router: some RouterMethods<HubRequestContext>, pages: some RouterMethods<HubRequestContext>,
    api: some RouterMethods<HubRequestContext>
) {
    // robots.txt and the sitemaps are public and need no session.
    SitemapController(hub: hub).addRoutes(to: router)
    SearchPagesController(hub: hub).addRoutes(to: pages)
    DirectoryPagesController(hub: hub).addRoutes(to: pages)
    DirectoryAPIController(hub: hub).addRoutes(to: api)
    ListingController(hub: hub).addRoutes(pages: pages, api: api)
    MarketController(hub: hub).addRoutes(pages: pages, api: api)
    PosterController(hub: hub).addRoutes(to: pages)
}
