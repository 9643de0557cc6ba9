import Community
import Directory
import Foundation
import Photos

/// A zone's seasonal markets, current and coming, and for its admins the creation form, filled in again with its
/// problem when it was refused.
struct ZoneMarketsPage {
    let zone: Zone
    let markets: [Market]
    /// For each market's phase.
    let now: Date
    /// Whether the reader administers the zone, and so may create a market.
    let isAdmin: Bool
    /// The creation form as sent, when it was refused.
    let form: FormBody?
    let error: CommunityError?
    /// The markets' photos, by market.
    var photos: [Int64: PlacedPhoto] = [:]

    func title(_ t: Language) -> String { t("Marchés de saison", "Seasonal markets") + " · " + zone.name }

    func body(_ t: Language) -> HTML {
        let cards = markets.map { card($0, t) }
        return """
            <h1>\(t("Marchés de saison", "Seasonal markets")) — \(zone.name)</h1>
            <p class="lead">\(t("Des marchés en ligne le temps d'une saison : les commerçants de la zone y présentent leurs offres.",
                "Online markets for a season: the zone's merchants show their offers there."))</p>
            \(PopUpViews.either(cards, "<ul class=\"zones\">\(cards)</ul>", empty: t("Aucun marché en cours ou à venir.", "No current or coming market.")))
            \(isAdmin ? createForm(t) : "")
            """
    }

    private func card(_ market: Market, _ t: Language) -> HTML {
        """
        <li class="zone-card">\(photos[market.id.rawValue].map { PhotoViews.thumbnail($0) } ?? "")\
        <a href="/markets/\(market.slug)"><strong>\(market.draft.title)</strong></a>
        <span class="meta">\(t("Du", "From")) \(Formats.date(market.draft.startsAt, t)) \(t("au", "to")) \
        \(MarketViews.lastDay(market.draft.endsAt, t)) · \(MarketViews.phase(market, at: now, t))</span></li>
        """
    }

    private func createForm(_ t: Language) -> HTML {
        let value = { (key: String) in form?[key] ?? "" }
        let input = PopUpOrganiserViews.input
        return """
            <h2>\(t("Nouveau marché de saison", "New seasonal market"))</h2>
            \(UserMessages.alert(error, t))
            <form method="post" action="/zones/\(zone.slug)/markets" class="stacked">
            \(input("title", t("Titre (par exemple Marché de Noël 2026)", "Title (e.g. Christmas market 2026)"),
                value("title"), nil, "text", true))
            \(PopUpOrganiserViews.textArea("description", t("Présentation", "Description"), form?.text("description") ?? ""))
            \(input("applicationsOpenAt", t("Ouverture des inscriptions", "Applications open on"),
                value("applicationsOpenAt"), nil, "date", true))
            \(input("applicationsCloseAt", t("Dernier jour des inscriptions", "Last day for applications"),
                value("applicationsCloseAt"), nil, "date", true))
            \(input("startsAt", t("Premier jour du marché", "First day of the market"), value("startsAt"), nil, "date", true))
            \(input("endsAt", t("Dernier jour du marché", "Last day of the market"), value("endsAt"), nil, "date", true))
            <div class="actions"><button type="submit">\(t("Créer le marché", "Create the market"))</button></div>
            </form>
            """
    }
}
