import Community
import Feeds

/// The OPML list of every zone's feeds, for readers that import a list.
struct FeedIndexPage {
    let zones: [Zone]
    /// The hub's public address, for absolute links.
    let base: String
    /// The hub's name (`ZONEHUB_HUB_NAME`).
    var hubName = "zonehub"

    var document: String {
        let outlines = zones.map { zone in
            FeedFormat.allCases.filter { $0 != .json }.map { format in
                """
                <outline type="rss" text="\(PlainText.escape("\(zone.name) (\(format.label))"))" \
                title="\(PlainText.escape(zone.name))" xmlUrl="\(PlainText.escape("\(base)/zones/\(zone.slug)/feed.\(format.rawValue)"))" \
                htmlUrl="\(PlainText.escape("\(base)/zones/\(zone.slug)"))"/>
                """
            }.joined(separator: "\n")
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <opml version="2.0">
            <head><title>\(PlainText.escape(hubName)) — flux des zones</title></head>
            <body>
            \(outlines)
            </body>
            </opml>

            """
    }
}
