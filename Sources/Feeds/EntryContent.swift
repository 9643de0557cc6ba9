import Community
import Foundation

/// What a feed entry says of a post: its facts (price, validity, event date) and its text, as HTML.
package enum EntryContent {
    package static func html(_ post: Post, baseURL: String) -> String {
        var facts: [String] = []
        if let cents = post.content.priceCents { facts.append("Prix : " + Euros.text(cents: cents)) }
        if let eventAt = post.content.eventAt { facts.append("Le " + FeedDates.french(eventAt, withTime: true)) }
        if let from = post.content.validFrom { facts.append("À partir du " + FeedDates.french(from, withTime: false)) }
        if let until = post.content.validUntil { facts.append("Jusqu'au " + FeedDates.french(until, withTime: false)) }
        var html = ""
        if let image = post.content.imageURL { html += "<p><img src=\"\(PlainText.escape(image))\" alt=\"\"></p>" }
        if !facts.isEmpty { html += "<ul>" + facts.map { "<li>\(PlainText.escape($0))</li>" }.joined() + "</ul>" }
        html += PlainText.html(post.content.body)
        let merchant = "\(baseURL)/merchants/\(post.merchantSlug)"
        html += "<p>— <a href=\"\(PlainText.escape(merchant))\">\(PlainText.escape(post.merchantName))</a></p>"
        return html
    }

    /// One line of plain text for summaries.
    package static func summary(_ post: Post) -> String {
        let text = post.content.body.split(whereSeparator: \.isNewline).joined(separator: " ")
        return text.count > 280 ? String(text.prefix(279)) + "…" : text
    }
}
