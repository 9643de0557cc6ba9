import Directory
import Foundation

/// The texts search engines read: `robots.txt`, the sitemap index and each sitemap, with absolute addresses on
/// `base`, the hub's public address.
enum SitemapDocuments {
    static func robots(base: String) -> String {
        """
        User-agent: *
        Disallow: /api/
        Disallow: /dashboard
        Disallow: /sign-in
        Disallow: /search
        Disallow: /subscriptions/
        Allow: /

        Sitemap: \(base)/sitemap.xml

        """
    }

    /// The index: `pages.xml`, then one sitemap per block of merchants or posts, and of products (`more`: file
    /// names), with its last change.
    static func index(base: String, chunks: [SitemapChunk], more: [(name: String, lastModified: Date)] = []) -> String {
        let items =
            ["<sitemap><loc>\(base)/sitemaps/pages.xml</loc></sitemap>"]
            + chunks.map {
                "<sitemap><loc>\(base)/sitemaps/\($0.kind.rawValue)-\($0.number).xml</loc>"
                    + "<lastmod>\(StructuredData.machineDate($0.lastModified))</lastmod></sitemap>"
            }
            + more.map {
                "<sitemap><loc>\(base)/sitemaps/\($0.name)</loc>"
                    + "<lastmod>\(StructuredData.machineDate($0.lastModified))</lastmod></sitemap>"
            }
        return xml("sitemapindex", items)
    }

    /// A sitemap: each path, with its last change when known.
    static func urlset(base: String, urls: [(String, Date?)]) -> String {
        let items = urls.map { path, date in
            "<url><loc>\(HTML.escape(base + path))</loc>"
                + (date.map { "<lastmod>\(StructuredData.machineDate($0))</lastmod>" } ?? "") + "</url>"
        }
        return xml("urlset", items)
    }

    private static func xml(_ root: String, _ items: [String]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <\(root) xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        \(items.joined(separator: "\n"))
        </\(root)>

        """
    }
}
