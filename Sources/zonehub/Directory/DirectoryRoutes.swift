import Hummingbird

/// The directory's pages and API routes (search, directory, markets, sitemap).
func addDirectoryRoutes(
    hub: Hub, router: some RouterMethods<HubRequestContext>, pages: some RouterMethods<HubRequestContext>,
    api: some RouterMethods<HubRequestContext>
) {
    // robots.txt and the sitemaps are public and need no session.
    let publicURL = hub.settings.publicURL
    SitemapController(
        zones: hub.zones, markets: hub.markets, sitemaps: hub.sitemaps, catalogue: hub.catalogue, publicURL: publicURL)
        .addRoutes(to: router)
    SearchPagesController(
        zones: hub.zones, search: hub.search, listings: hub.listings, photos: hub.photos,
        productPhotos: hub.productPhotos, clock: hub.clock
    ).addRoutes(to: pages)
    DirectoryPagesController(zones: hub.zones, directory: hub.directory, listings: hub.listings, photos: hub.photos)
        .addRoutes(to: pages)
    DirectoryAPIController(search: hub.search, publicURL: publicURL).addRoutes(to: api)
    ListingController(listings: hub.listings, publicURL: publicURL).addRoutes(pages: pages, api: api)
    MarketController(markets: hub.markets, publicURL: publicURL).addRoutes(pages: pages, api: api)
    MarketPagesController(
        zones: hub.zones, markets: hub.markets, catalogue: hub.catalogue, productPhotos: hub.productPhotos,
        placePhotos: hub.placePhotos, publicURL: publicURL, clock: hub.clock
    ).addRoutes(to: pages)
    PosterController(merchants: hub.merchants, publicURL: publicURL).addRoutes(to: pages)
}
