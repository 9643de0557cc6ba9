import Community
import Foundation

/// One subscriber's digest, ready to render.
package struct DigestContent: Sendable {
    package var frequency: DigestFrequency
    package var periodStart: Date
    /// The subscriber's zones, home zone first.
    package var zones: [Zone]
    /// The chosen posts that are still live, newest first.
    package var posts: [Post]
    /// Posts left out by the per-merchant cap, by merchant slug.
    package var omitted: [String: Int]
    package var baseURL: String
    /// The signed page to change preferences or unsubscribe.
    package var manageURL: String

    package init(
        frequency: DigestFrequency, periodStart: Date, zones: [Zone], posts: [Post], omitted: [String: Int],
        baseURL: String, manageURL: String
    ) {
        self.frequency = frequency
        self.periodStart = periodStart
        self.zones = zones
        self.posts = posts
        self.omitted = omitted
        self.baseURL = baseURL
        self.manageURL = manageURL
    }
}

/// Writes a digest in French: grouped by zone then category, each post with its facts and links, as plain text
/// and as HTML with inline styles and no remote resources. Pure: same content, same text.
package enum DigestRenderer {
    package static func subject(_ content: DigestContent) -> String {
        let names = content.zones.filter { zone in content.posts.contains { $0.zoneID == zone.id } }.map(\.name)
        let count = content.posts.count + content.omitted.values.reduce(0, +)
        let what = count == 1 ? "1 nouveauté" : "\(count) nouveautés"
        let when = content.frequency == .daily ? "du jour" : "de la semaine"
        return "\(names.joined(separator: ", ")) : \(what) \(when)"
    }

    package static func text(_ content: DigestContent) -> String {
        var out =
            "Bonjour,\n\nVoici les annonces publiées depuis le "
            + FeedDates.french(content.periodStart, withTime: true) + ".\n"
        for (zone, groups) in grouped(content) {
            out += "\n\n== \(zone.name) ==\n"
            for (category, posts) in groups {
                out += "\n-- \(category.label) --\n"
                for post in posts {
                    out += "\n* \(post.content.title) — \(post.merchantName)\n"
                    let facts = facts(post)
                    if !facts.isEmpty { out += "  \(facts.joined(separator: " · "))\n" }
                    out += "  \(EntryContent.summary(post))\n"
                    out += "  \(content.baseURL)/posts/\(post.id.rawValue)\n"
                }
            }
        }
        for (slug, name, count) in omissions(content) {
            out +=
                "\n\(name) a publié \(count) autre\(count > 1 ? "s" : "") annonce\(count > 1 ? "s" : "") : "
                + "\(content.baseURL)/merchants/\(slug)\n"
        }
        out += "\n-- \n" + footer(content) + "\n"
        out += "Changer de zones, de catégories ou de fréquence, ou se désabonner : \(content.manageURL)\n"
        return out
    }

    package static func html(_ content: DigestContent) -> String {
        let x = PlainText.escape
        let link = "color:#1d5c46"
        var out = """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>\(x(subject(content)))</title></head>
            <body style="margin:0;padding:16px;background:#f6f4ef;font-family:Helvetica,Arial,sans-serif;color:#222">
            <div style="max-width:600px;margin:0 auto;background:#fff;padding:20px;border-radius:6px">
            <p>Bonjour,</p>
            <p>Voici les annonces publiées depuis le \(x(FeedDates.french(content.periodStart, withTime: true))).</p>

            """
        for (zone, groups) in grouped(content) {
            out += "<h1 style=\"font-size:22px;color:#1d5c46;margin:24px 0 8px\">\(x(zone.name))</h1>\n"
            for (category, posts) in groups {
                out += "<h2 style=\"font-size:17px;margin:16px 0 6px\">\(x(category.label))</h2>\n"
                for post in posts {
                    let url = "\(content.baseURL)/posts/\(post.id.rawValue)"
                    let merchant = "\(content.baseURL)/merchants/\(post.merchantSlug)"
                    out += "<div style=\"margin:0 0 14px;padding:10px;border-left:4px solid #e0a03a\">"
                    out +=
                        "<p style=\"margin:0;font-weight:bold\"><a style=\"\(link)\" href=\"\(x(url))\">"
                        + "\(x(post.content.title))</a></p>"
                    out +=
                        "<p style=\"margin:2px 0\"><a style=\"\(link)\" href=\"\(x(merchant))\">"
                        + "\(x(post.merchantName))</a></p>"
                    let facts = facts(post)
                    if !facts.isEmpty {
                        out += "<p style=\"margin:2px 0;color:#555\">\(x(facts.joined(separator: " · ")))</p>"
                    }
                    out += "<p style=\"margin:4px 0 0\">\(x(EntryContent.summary(post)))</p></div>\n"
                }
            }
        }
        for (slug, name, count) in omissions(content) {
            out +=
                "<p><a style=\"\(link)\" href=\"\(x("\(content.baseURL)/merchants/\(slug)"))\">\(x(name))</a> "
                + "a publié \(count) autre\(count > 1 ? "s" : "") annonce\(count > 1 ? "s" : "").</p>\n"
        }
        out += """
            <hr style="border:0;border-top:1px solid #ddd;margin:24px 0 12px">
            <p style="font-size:13px;color:#555">\(x(footer(content)))<br>
            <a style="\(link)" href="\(x(content.manageURL))">Changer de zones, de catégories ou de fréquence, ou se désabonner</a></p>
            </div></body></html>

            """
        return out
    }

    private static func footer(_ content: DigestContent) -> String {
        let kind = content.frequency == .daily ? "quotidien" : "hebdomadaire"
        return "Vous recevez ce résumé \(kind) parce que vous vous y êtes abonné·e sur \(content.baseURL)."
    }

    private static func facts(_ post: Post) -> [String] {
        var facts: [String] = []
        if let cents = post.content.priceCents { facts.append(Euros.text(cents: cents)) }
        if let eventAt = post.content.eventAt { facts.append("le " + FeedDates.french(eventAt, withTime: true)) }
        if let until = post.content.validUntil { facts.append("jusqu'au " + FeedDates.french(until, withTime: false)) }
        return facts
    }

    /// Zones in the subscriber's order, categories in the hub's order, posts newest first.
    private static func grouped(_ content: DigestContent) -> [(Zone, [(Category, [Post])])] {
        content.zones.compactMap { zone in
            let posts = content.posts.filter { $0.zoneID == zone.id }
            guard !posts.isEmpty else { return nil }
            let groups = Category.allCases.compactMap { category -> (Category, [Post])? in
                let inCategory = posts.filter { $0.content.category == category }
                return inCategory.isEmpty ? nil : (category, inCategory)
            }
            return (zone, groups)
        }
    }

    private static func omissions(_ content: DigestContent) -> [(String, String, Int)] {
        content.omitted.keys.sorted().compactMap { slug in
            guard let name = content.posts.first(where: { $0.merchantSlug == slug })?.merchantName else { return nil }
            return (slug, name, content.omitted[slug]!)
        }
    }
}
