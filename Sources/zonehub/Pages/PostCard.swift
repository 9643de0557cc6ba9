import Community
import Foundation
import Photos

/// How a post shows in lists and on its own page.
enum PostCard {
    /// `photo` is the post's first photo, shown as the card's thumbnail.
    static func card(_ post: Post, _ t: Language, photo: PlacedPhoto? = nil) -> HTML {
        let excerpt = post.content.body.count > 220 ? String(post.content.body.prefix(220)) + "…" : post.content.body
        let thumbnail: HTML = photo.map { PhotoViews.thumbnail($0) } ?? ""
        return """
            <article class="post-card kind-\(post.content.kind.rawValue)">\(thumbnail)
            <p class="meta"><span class="badge">\(Formats.kind(post.content.kind, t))</span> \
            <a href="/merchants/\(post.merchantSlug)">\(post.merchantName)</a> · \(Formats.category(post.content.category, t))</p>
            <h3><a href="/posts/\(post.id.rawValue)">\(post.content.title)</a></h3>
            \(facts(post, t))
            <p>\(excerpt)</p>
            </article>
            """
    }

    /// Price, validity and event date, when the post has them.
    static func facts(_ post: Post, _ t: Language) -> HTML {
        var items: [HTML] = []
        if let cents = post.content.priceCents {
            items.append("<li class=\"price\">\(Formats.price(cents: cents, t))</li>")
        }
        if let eventAt = post.content.eventAt {
            items.append("<li>\(t("Le", "On")) \(Formats.dateTime(eventAt, t))</li>")
        }
        if let from = post.content.validFrom {
            items.append("<li>\(t("À partir du", "From")) \(Formats.date(from, t))</li>")
        }
        if let until = post.content.validUntil {
            items.append("<li>\(t("Jusqu'au", "Until")) \(Formats.date(until, t))</li>")
        }
        return items.isEmpty ? "" : "<ul class=\"facts\">\(items)</ul>"
    }

    /// `photos` are the post's photos, shown below its text.
    static func page(_ post: Post, _ t: Language, photos: [PlacedPhoto] = []) -> HTML {
        let status: HTML = post.status == .published ? "" : "<p class=\"status\">\(Formats.status(post.status, t))</p>"
        let published: HTML =
            post.publishedAt.map {
                "<p class=\"meta\">\(t("Publié le", "Published on")) \(Formats.dateTime($0, t))</p>"
            } ?? ""
        return """
            <article class="post">
            <p class="meta"><span class="badge">\(Formats.kind(post.content.kind, t))</span> \
            \(Formats.category(post.content.category, t))</p>
            <h1>\(post.content.title)</h1>
            \(status)
            <p class="by">\(t("Par", "By")) <a href="/merchants/\(post.merchantSlug)">\(post.merchantName)</a> · \
            <a href="/zones/\(post.zoneSlug)">\(t("Voir la zone", "See the zone"))</a></p>
            \(facts(post, t))
            <div class="body">\(HTML.text(post.content.body))</div>\(PhotoViews.gallery(photos, label: t("Photos de la publication", "The post's photos")))
            \(published)
            </article>
            """
    }
}
