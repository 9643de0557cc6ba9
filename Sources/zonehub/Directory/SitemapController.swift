import Catalogue
import Community
import Directory
import Foundation
import Hummingbird

/// `robots.txt`, and `sitemap.xml` as an index of sitemaps: the hub's pages, merchants and live posts by blocks.
/// Their text is `SitemapDocuments`'.
struct SitemapController {
    let zones: ZoneService
    let markets: MarketService
    let sitemaps: SitemapService
    /// Merchants' products, in sitemaps of their own (`products-N.xml`).
    let catalogue: CatalogueService
    /// The hub's public address, for absolute links.
    let publicURL: String
    var base: String { publicURL }

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/robots.txt", use: robots)
        router.get("/sitemap.xml", use: index)
        router.get("/sitemaps/:name", use: sitemap)
    }

    func robots(_ request: Request, context: HubRequestContext) async throws -> Response {
        Self.response(SitemapDocuments.robots(base: base), type: "text/plain; charset=utf-8")
    }

    func index(_ request: Request, context: HubRequestContext) async throws -> Response {
        let chunks = try await sitemaps.chunks()
        let products = try await catalogue.products.sitemapBlocks(size: SitemapService.chunkSize).map {
            (name: "products-\($0.number).xml", lastModified: $0.lastModified)
        }
        return Self.response(
            SitemapDocuments.index(base: base, chunks: chunks, more: products),
            type: "application/xml; charset=utf-8")
    }

    /// `pages.xml`, `merchants-N.xml` or `posts-N.xml`; any other name is a 404.
    func sitemap(_ request: Request, context: HubRequestContext) async throws -> Response {
        let name = try context.parameters.require("name")
        var urls: [(String, Date?)] = []
        if name == "pages.xml" {
            urls = [("/", nil), ("/directory", nil)]
            for zone in try await zones.active() {
                urls += [("/zones/\(zone.slug)", nil), ("/zones/\(zone.slug)/directory", nil)]
                urls += try await markets.current(zone: zone).map { ("/markets/\($0.slug)", nil) }
            }
        } else if let match = name.wholeMatch(of: /products-([0-9]{1,7})\.xml/), let number = Int(match.1) {
            urls = try await catalogue.products.sitemapEntries(number: number, size: SitemapService.chunkSize).map {
                ("/merchants/\($0.merchant)/products/\($0.id.rawValue)", $0.lastModified)
            }
        } else {
            let match = name.wholeMatch(of: /(merchants|posts)-([0-9]{1,7})\.xml/)
            guard let match, let kind = SitemapChunk.Kind(rawValue: String(match.1)), let number = Int(match.2) else {
                throw DirectoryNotFound.sitemap.notFound
            }
            let prefix = kind == .merchants ? "/merchants/" : "/posts/"
            urls = try await sitemaps.entries(kind, number: number).map { (prefix + $0.key, $0.lastModified) }
        }
        return Self.response(SitemapDocuments.urlset(base: base, urls: urls), type: "application/xml; charset=utf-8")
    }

    static func response(_ text: String, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
