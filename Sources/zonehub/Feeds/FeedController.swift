import Catalogue
import Community
import CompressNIO
import Crypto
import Directory
import Feeds
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Atom, RSS and JSON feeds of the hub, each zone, each zone and category, each merchant and each seasonal market;
/// and the OPML list.
struct FeedController {
    let zones: ZoneService
    let merchants: MerchantService
    let posts: PostService
    let markets: MarketService
    /// The zones' new products, entries of their feeds beside the posts.
    let catalogue: CatalogueService
    let productPhotos: ProductPhotoService
    /// The hub's public address, for absolute links.
    let publicURL: String
    let webSubHub: String?
    let clock: any HubClock
    let cache: FeedCache
    /// Counts, for each post a fetched feed carried, one feed fetch (a 304 answer too: the reader polled it).
    let reach: ReachCounter
    var base: String { publicURL }

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        for format in FeedFormat.allCases {
            let ext = format.rawValue
            for (path, handler) in [
                ("/feed.\(ext)", hubFeed), ("/zones/:slug/feed.\(ext)", zoneFeed),
                ("/zones/:slug/categories/:category/feed.\(ext)", categoryFeed),
                ("/merchants/:slug/feed.\(ext)", merchantFeed), ("/markets/:slug/feed.\(ext)", marketFeed),
            ] as [(String, @Sendable (Request, HubRequestContext, FeedFormat) async throws -> Response)] {
                router.get(RouterPath(path)) { request, context in try await handler(request, context, format) }
                router.head(RouterPath(path)) { request, context in try await handler(request, context, format) }
            }
        }
        router.get("/feeds.opml", use: opml)
    }

    @Sendable func hubFeed(_ request: Request, context: HubRequestContext, format: FeedFormat) async throws -> Response
    {
        try await serve(request, format: format) {
            let feed = FeedDescriptor(
                title: context.frame.identity.name, subtitle: "Les dernières publications des commerçants de toutes les zones",
                pageURL: "\(base)/", feedBaseURL: "\(base)/feed")
            return (feed, try await posts.live(zone: nil, limit: FeedRenderer.itemLimit))
        }
    }

    /// A zone's posts and its new products (`ProductFeedEntries`), newest first; the cached feed goes stale when
    /// its oldest product stops being new.
    @Sendable func zoneFeed(_ request: Request, context: HubRequestContext, format: FeedFormat) async throws -> Response
    {
        try await serve(
            request, format: format,
            withEntries: {
                let zone = try await zones.zone(slug: context.parameters.require("slug"))
                let feed = FeedDescriptor(
                    title: zone.name, subtitle: zone.definition.description, pageURL: "\(base)/zones/\(zone.slug)",
                    feedBaseURL: "\(base)/zones/\(zone.slug)/feed")
                let products = try await ProductFeedEntries.load(
                    zone: zone.id, catalogue: catalogue, photos: productPhotos, now: clock.now(), base: base)
                return (
                    feed, try await posts.live(zone: zone, limit: FeedRenderer.itemLimit), products.entries,
                    products.staleAt
                )
            })
    }

    @Sendable func categoryFeed(_ request: Request, context: HubRequestContext, format: FeedFormat) async throws
        -> Response
    {
        try await serve(request, format: format) {
            let zone = try await zones.zone(slug: context.parameters.require("slug"))
            let category = try Category.parse(context.parameters.require("category"))
            let feed = FeedDescriptor(
                title: "\(zone.name) · \(category.label)", subtitle: zone.definition.description,
                pageURL: "\(base)/zones/\(zone.slug)?category=\(category.rawValue)",
                feedBaseURL: "\(base)/zones/\(zone.slug)/categories/\(category.rawValue)/feed")
            return (feed, try await posts.live(zone: zone, category: category, limit: FeedRenderer.itemLimit))
        }
    }

    @Sendable func merchantFeed(_ request: Request, context: HubRequestContext, format: FeedFormat) async throws
        -> Response
    {
        try await serve(request, format: format) {
            let merchant = try await merchants.merchant(slug: context.parameters.require("slug"))
            let feed = FeedDescriptor(
                title: merchant.name, subtitle: String(merchant.profile.description.prefix(280)),
                pageURL: "\(base)/merchants/\(merchant.slug)", feedBaseURL: "\(base)/merchants/\(merchant.slug)/feed")
            return (feed, try await posts.live(zone: nil, merchant: merchant, limit: FeedRenderer.itemLimit))
        }
    }

    /// A seasonal market's offers; the cached feed goes stale when the market ends, and empties then.
    @Sendable func marketFeed(_ request: Request, context: HubRequestContext, format: FeedFormat) async throws
        -> Response
    {
        try await serve(
            request, format: format,
            expiring: {
                let (market, _, offers) = try await markets.showcase(context.parameters.require("slug"))
                let feed = FeedDescriptor(
                    title: market.draft.title, subtitle: String(market.draft.description.prefix(280)),
                    pageURL: "\(base)/markets/\(market.slug)", feedBaseURL: "\(base)/markets/\(market.slug)/feed")
                let ends = market.draft.endsAt > clock.now() ? market.draft.endsAt : nil
                return (feed, Array(offers.prefix(FeedRenderer.itemLimit)), ends)
            })
    }

    /// Every zone's feeds, for readers that import a list.
    @Sendable func opml(_ request: Request, context: HubRequestContext) async throws -> Response {
        let zones = try await zones.active()
        let document = FeedIndexPage(zones: zones, base: base, hubName: context.frame.identity.name).document
        var headers = HTTPFields()
        headers[.contentType] = "text/x-opml; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: document)))
    }

    /// Serves from the cache, rendering on a miss (lookups happen only then); answers 304 to a matching
    /// conditional request. Everything a hit needs, headers included, is computed once per entry.
    private func serve(
        _ request: Request, format: FeedFormat, load: () async throws -> (FeedDescriptor, [Post])
    ) async throws -> Response {
        try await serve(
            request, format: format,
            expiring: {
                let (feed, posts) = try await load()
                return (feed, posts, nil)
            })
    }

    /// As above, for a feed that also goes stale at a date of its own (`staleAt`).
    private func serve(
        _ request: Request, format: FeedFormat,
        expiring load: () async throws -> (FeedDescriptor, [Post], staleAt: Date?)
    ) async throws -> Response {
        try await serve(
            request, format: format,
            withEntries: {
                let (feed, posts, staleAt) = try await load()
                return (feed, posts, [], staleAt)
            })
    }

    /// As above, for a feed that also carries entries that are not posts (`FeedEntry`).
    private func serve(
        _ request: Request, format: FeedFormat,
        withEntries load: () async throws -> (FeedDescriptor, [Post], [FeedEntry], staleAt: Date?)
    ) async throws -> Response {
        let key = request.uri.path
        let entry: FeedCache.Entry
        if let cached = cache.entry(key, now: clock.now()) {
            entry = cached
        } else {
            let generation = cache.generation
            let (feed, posts, entries, staleAt) = try await load()
            let text = FeedRenderer.render(
                feed, posts: posts, entries: entries, format: format, baseURL: base, webSubHub: webSubHub)
            entry = Self.entry(
                text, posts: posts, entries: entries, staleAt: staleAt,
                headers: headers(format: format, selfURL: base + key))
            cache.store(entry, for: key, renderedAt: generation)
        }
        if request.method == .get { reach.fetched(posts: entry.posts, userAgent: request.headers[.userAgent]) }
        if Self.notModified(request, entry) { return Response(status: .notModified, headers: entry.headers) }
        let gzip = entry.gzipped != nil && Self.acceptsGzip(request)
        let headers = gzip ? entry.gzipHeaders : entry.plainHeaders
        if request.method == .head { return Response(status: .ok, headers: headers) }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: gzip ? entry.gzipped! : entry.body))
    }

    private func headers(format: FeedFormat, selfURL: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = format.contentType
        headers[.cacheControl] = "public, max-age=300"
        headers[.vary] = "Accept-Encoding"
        var links = ["<\(selfURL)>; rel=\"self\""]
        if let webSub = webSubHub { links.append("<\(webSub)>; rel=\"hub\"") }
        headers[HTTPField.Name("Link")!] = links.joined(separator: ", ")
        return headers
    }

    static func entry(
        _ text: String, posts: [Post], entries: [FeedEntry] = [], staleAt: Date? = nil, headers base: HTTPFields
    ) -> FeedCache.Entry {
        let body = ByteBuffer(string: text)
        let digest = SHA256.hash(data: Data(text.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
        var source = body
        let gzipped = try? source.compress(with: .gzip())
        let lastModified = FeedRenderer.updated(posts, entries: entries)
        var headers = base
        headers[.eTag] = "\"\(digest)\""
        headers[.lastModified] = lastModified.httpDate
        var plain = headers
        plain[.contentLength] = String(body.readableBytes)
        var compressed = headers
        compressed[.contentEncoding] = "gzip"
        compressed[.contentLength] = String(gzipped?.readableBytes ?? 0)
        return FeedCache.Entry(
            body: body, gzipped: gzipped, etag: "\"\(digest)\"", lastModified: lastModified,
            expiresAt: (posts.compactMap(\.content.validUntil) + [staleAt].compactMap { $0 }).min(), headers: headers,
            plainHeaders: plain,
            gzipHeaders: compressed, posts: posts.map(\.id))
    }

    static func notModified(_ request: Request, _ entry: FeedCache.Entry) -> Bool {
        if let tags = request.headers[.ifNoneMatch] {
            // Pollers send back the one tag they were given: compare it before parsing a list.
            if tags == entry.etag { return true }
            return tags == "*"
                || tags.split(separator: ",").contains {
                    let tag = $0.trimmingCharacters(in: .whitespaces)
                    return tag == entry.etag || tag == "W/" + entry.etag
                }
        }
        if let since = request.headers[.ifModifiedSince].flatMap(Date.init(httpDate:)) {
            return entry.lastModified.timeIntervalSince1970.rounded(.down) <= since.timeIntervalSince1970
        }
        return false
    }

    static func acceptsGzip(_ request: Request) -> Bool {
        guard let accepted = request.headers[.acceptEncoding]?.lowercased() else { return false }
        return accepted.split(separator: ",").contains {
            let parts = $0.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            return parts.first == "gzip" && !parts.dropFirst().contains("q=0")
        }
    }
}

extension Date {
    /// IMF-fixdate for HTTP headers: "Sat, 14 Mar 2026 10:00:00 GMT".
    var httpDate: String {
        DateText.format(self, locale: "en_US_POSIX", timeZone: Self.gmt, pattern: Self.httpDatePattern)
    }

    init?(httpDate text: String) {
        guard let date = DateText.parse(text, locale: "en_US_POSIX", timeZone: Self.gmt, pattern: Self.httpDatePattern)
        else { return nil }
        self = date
    }

    private static let gmt = TimeZone(identifier: "GMT")!
    private static let httpDatePattern = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
}
