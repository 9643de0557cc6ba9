import Catalogue
import Community
import Directory
import Foundation
import Hummingbird
import Orders
import Photos
import PopUps

/// The pages anyone can read: home, postcode search, zones, posts and merchants. Each handler asks the services for
/// what its page shows and hands that to the page's view.
struct PublicPagesController {
    let zones: ZoneService
    let posts: PostService
    let merchants: MerchantService
    let markets: MarketService
    let listings: ListingService
    /// The coming pop-up slots of the home page.
    let popUps: PopUpService
    /// The hub's public address, for canonical links and structured data.
    let publicURL: String
    let clock: any HubClock
    /// Counts views of posts' and merchants' pages (no cookie, no address; robots left out).
    let reach: ReachCounter
    /// Merchants' logos and shop photos.
    let photos: PhotoService
    /// The products shown on merchants' pages.
    let catalogue: CatalogueService
    /// The products' thumbnails on merchants' pages.
    let productPhotos: ProductPhotoService
    /// The photos of the markets on the home page.
    let placePhotos: PlacePhotoService
    /// The open pre-order campaigns on merchants' pages.
    let campaigns: CampaignService

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/", use: home)
        router.get("/zones/search", use: search)
        router.get("/zones/:slug", use: zone)
        router.get("/posts/:id", use: post)
        router.get("/merchants/:slug", use: merchant)
    }

    func home(_ request: Request, context: HubRequestContext) async throws -> Response {
        let active = try await zones.active()
        let page = HomePage(
            hubName: context.frame.identity.name, zones: active,
            content: try await homeContent(active))
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, head: page.head)
    }

    /// The home page's lists, with the photos of their posts and markets.
    private func homeContent(_ zones: [Zone]) async throws -> HomeContent {
        var content = try await HomeContent.load(zones: zones, posts: posts, markets: markets, popUps: popUps)
        content.photos = try await photos.photos(of: content.posts)
        content.marketPhotos = try await placePhotos.photos(.market, of: content.markets.map(\.id.rawValue))
        content.venuePhotos = try await placePhotos.photos(.venue, of: content.venues.keys.map(\.rawValue))
        return content
    }

    func search(_ request: Request, context: HubRequestContext) async throws -> Response {
        let query = try request.formQuery().get("q") ?? ""
        var page: ZoneSearchPage
        do {
            page = ZoneSearchPage(query: query, matches: try await zones.find(query))
            if page.matches?.isEmpty == true {
                page.zones = try await zones.active()
                page.contact = context.frame.identity.contact
            }
        } catch let error as CommunityError where error.category == .invalidInput {
            let refused = ZoneSearchPage(query: query, matches: nil)
            return PageRenderer.page(
                refused.title(context.language), refused.body(context.language), context: context,
                status: .badRequest)
        }
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    func zone(_ request: Request, context: HubRequestContext) async throws -> Response {
        let zone = try await zones.zone(slug: context.parameters.require("slug"))
        let category = try request.formQuery().get("category").flatMap { $0.isEmpty ? nil : $0 }
            .map { try Category.parse($0) }
        let live = try await posts.live(zone: zone, category: category)
        var page = ZonePage(
            zone: zone, category: category, posts: live, markets: try await markets.current(zone: zone),
            publicURL: publicURL)
        page.photos = try await photos.photos(of: live)
        return PageRenderer.page(
            zone.name, page.body(context.language), context: context, head: page.head, zone: ZoneLink(zone))
    }

    func post(_ request: Request, context: HubRequestContext) async throws -> Response {
        let post = try await posts.post(try PathID.post(context), viewer: context.user)
        var page = PostPage(
            post: post, viewer: context.user, seller: try? await merchants.merchant(slug: post.merchantSlug),
            publicURL: publicURL)
        page.photos = try await photos.photos(of: [post])[post.id] ?? []
        // The merchant's own visits, signed in, are not reach.
        if post.status == .published && (context.user == nil || page.seller?.ownerID != context.user?.id) {
            reach.viewed(post: post.id, userAgent: request.headers[.userAgent])
        }
        return PageRenderer.page(
            post.content.title, page.body(context.language), context: context, head: page.head,
            zone: await zones.link(post.zoneSlug), crumbs: [])
    }

    func merchant(_ request: Request, context: HubRequestContext) async throws -> Response {
        let merchant = try await merchants.merchant(slug: context.parameters.require("slug"))
        let products = try await catalogue.products(of: merchant)
        let page = MerchantPage(
            merchant: merchant, posts: try await posts.live(zone: nil, merchant: merchant), viewer: context.user,
            listings: listings, now: clock.now(), publicURL: publicURL, photos: try await photos.photos(of: merchant),
            products: products, productPhotos: try await productPhotos.photos(of: products),
            campaigns: merchant.hiddenAt == nil ? try await campaigns.openCampaigns(merchantSlug: merchant.slug) : [])
        if context.user == nil || merchant.ownerID != context.user?.id {
            reach.viewed(listing: merchant.id, userAgent: request.headers[.userAgent])
        }
        let zone = await zones.link(merchant.profile.zones.first)
        // The message after saving the profile is for its owner, who lands here.
        let flash: HTML =
            context.user.map { $0.id == merchant.ownerID } == true
            ? Flash(request).map { $0.html(context.language) } ?? "" : ""
        return PageRenderer.page(
            merchant.name, "\(flash)\(page.body(context.language))", context: context, head: page.head, zone: zone,
            crumbs: zone.map { [.directory($0, context.language)] })
    }
}

/// Typed identifiers read from route parameters; a malformed one is a 404, as if no such thing existed.
enum PathID {
    /// The `id` parameter as a typed identifier, or `missing`'s not-found error.
    static func identifier<T>(_ context: HubRequestContext, missing: some MissingThing) throws -> Identifier<T> {
        guard let text = context.parameters.get("id"), let raw = Int64(text), raw > 0 else {
            throw missing.notFound
        }
        return Identifier<T>(raw)
    }

    static func post(_ context: HubRequestContext) throws -> Post.ID {
        try identifier(context, missing: CommunityNotFound.post)
    }
}
