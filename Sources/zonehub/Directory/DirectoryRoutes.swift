import Hummingbird

/// The directory's pages and API routes (search, directory, markets, sitemap).
func addDirectoryRoutes(
    hub: Hub, pages: some RouterMethods<HubRequestContext>, api: some RouterMethods<HubRequestContext>
) {
    SearchPagesController(hub: hub).addRoutes(to: pages)
    DirectoryPagesController(hub: hub).addRoutes(to: pages)
    DirectoryAPIController(hub: hub).addRoutes(to: api)
    ListingController(hub: hub).addRoutes(pages: pages, api: api)
}
