import Community
import Foundation

/// What a page tells search engines and link previews: its canonical address, Open Graph tags, JSON-LD.
enum SEOHead {
    static func tags(
        path: String, title: String, description: String, type: String = "website", image: String? = nil,
        base: String, structured: [String: Any]? = nil
    ) -> HTML {
        let summary = description.count > 200 ? String(description.prefix(199)) + "…" : description
        var tags: [HTML] = [
            "<link rel=\"canonical\" href=\"\(base + path)\">",
            "<meta property=\"og:site_name\" content=\"zonehub\">",
            "<meta property=\"og:locale\" content=\"fr_FR\">",
            "<meta property=\"og:type\" content=\"\(type)\">",
            "<meta property=\"og:title\" content=\"\(title)\">",
            "<meta property=\"og:url\" content=\"\(base + path)\">",
        ]
        if !summary.isEmpty {
            tags.append("<meta property=\"og:description\" content=\"\(summary)\">")
            tags.append("<meta name=\"description\" content=\"\(summary)\">")
        }
        if let image { tags.append("<meta property=\"og:image\" content=\"\(image)\">") }
        if let structured { tags.append(StructuredData.script(structured)) }
        return tags.joined(separator: "\n")
    }

    static func merchant(_ merchant: Merchant, base: String) -> HTML {
        tags(
            path: "/merchants/\(merchant.slug)", title: merchant.name, description: merchant.profile.description,
            type: "business.business", base: base, structured: StructuredData.localBusiness(merchant, base: base))
    }

    static func post(_ post: Post, merchant: Merchant?, base: String) -> HTML {
        tags(
            path: "/posts/\(post.id.rawValue)", title: post.content.title, description: post.content.body,
            type: "article", image: post.content.imageURL, base: base,
            structured: merchant.flatMap { StructuredData.post(post, merchant: $0, base: base) })
    }
}
