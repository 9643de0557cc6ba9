import Community
import Directory
import Foundation
import Photos

/// A seasonal market's page: its dates and phase, stallholders and offers; for signed-in merchants their
/// applications or the forms to apply, and for the zone's admins the table of applications.
struct MarketPage {
    let market: Market
    /// The approved applications: the stallholders.
    let approved: [MarketApplication]
    let offers: [Post]
    /// The reader's shops in the market's zone, each with the offers it could bring and its application; empty for
    /// anyone not signed in.
    let choices: [(merchant: Merchant, offers: [Post], application: MarketApplication?)]
    /// Every application, for the zone's admins only.
    let applications: [MarketApplication]?
    /// For the market's phase and whether it takes applications.
    let now: Date
    /// Why the last form was refused.
    let error: CommunityError?
    let publicURL: String
    /// The products of the stallholders.
    var catalogue = MarketCatalogue()
    /// The market's photo, placed by the zone's admins.
    var photo: PlacedPhoto? = nil

    private var path: String { "/markets/\(market.slug)" }

    func title(_ t: Language) -> String { market.draft.title }

    var head: HTML {
        let draft = market.draft
        return
            "\(FeedLinks.head("\(path)/feed", title: draft.title))\n\(SEOHead.tags(path: path, title: draft.title, description: draft.description, base: publicURL))"
    }

    /// The zone's admins (those who see the applications) place the market's photo.
    private func photoLink(_ t: Language) -> HTML {
        guard applications != nil else { return "" }
        let label = photo == nil ? t("Ajouter une photo du marché", "Add a photo of the market") : t("Changer la photo du marché", "Change the market's photo")
        return "<p class=\"manage-links\"><a href=\"\(path)/photo\">\(label)</a></p>"
    }

    func body(_ t: Language) -> HTML {
        let draft = market.draft
        let merchants: [HTML] = approved.map {
            "<li><a href=\"/merchants/\($0.merchantSlug)\">\($0.merchantName)</a></li>"
        }
        let list: HTML =
            offers.isEmpty
            ? "<p class=\"empty\">\(t("Aucune offre à présenter pour l'instant.", "No offers to show yet."))</p>"
            : "<div class=\"posts\">\(offers.map { PostCard.card($0, t) })</div>"
        let table = applications.map { applicationList($0, t) } ?? ""
        return """
            <h1>\(draft.title)</h1>
            <p class="lead">\(t("Du", "From")) \(Formats.date(draft.startsAt, t)) \(t("au", "to")) \(MarketViews.lastDay(draft.endsAt, t))</p>
            <p class="meta market-phase">\(MarketViews.phase(market, at: now, t))</p>\(photo.map { PhotoViews.placePhoto($0) } ?? "")\(photoLink(t))
            \(UserMessages.alert(error, t))
            <div class="body">\(HTML.text(draft.description))</div>
            <h2>\(t("Les exposants", "Stallholders"))</h2>
            \(merchants.isEmpty ? "" : "<ul>\(merchants)</ul>" as HTML)
            <h2>\(t("Les offres du marché", "The market's offers"))</h2>
            \(list)
            \(catalogue.body(t))
            \(applyForms(t))\(table)
            \(FeedLinks.follow("\(path)/feed", t))
            """
    }
}
