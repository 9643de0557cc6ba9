import Community
import Directory
import Foundation

/// How fresh a listing is, on its page and on cards; and the merchant's confirm button.
enum ListingViews {
    /// "Fiche confirmée le …", the stale warning, and for its owner the confirm form.
    static func freshness(_ merchant: Merchant, viewer: User?, listings: ListingService, _ t: Language) -> HTML {
        let confirmed = listings.freshness.confirmedAt(merchant)
        var parts: [HTML] = [
            "<p class=\"meta confirmed\">\(t("Fiche confirmée par le commerçant le", "Listing confirmed by the merchant on")) \(Formats.date(confirmed, t))</p>"
        ]
        if listings.isStale(merchant) { parts.append(staleMark(t)) }
        if viewer?.id == merchant.ownerID {
            parts.append(
                "<p><a href=\"/merchants/\(merchant.slug)/poster\">\(t("Affiche à imprimer pour la vitrine", "Printable poster for the shop window"))</a></p>"
            )
            parts.append(
                """
                <form method="post" action="/merchants/\(merchant.slug)/confirm" class="inline">
                <button type="submit">\(t("Confirmer que ma fiche est à jour", "Confirm my listing is up to date"))</button></form>
                """)
        }
        return parts.joined()
    }

    static func staleMark(_ t: Language) -> HTML {
        "<p class=\"stale\">\(t("Fiche à vérifier : non confirmée depuis longtemps, des informations ont pu changer.", "Listing to check: not confirmed for a long time, details may have changed."))</p>"
    }

    /// Open now and the stale mark, for directory and search cards.
    static func badges(_ merchant: Merchant, at now: Date, listings: ListingService, _ t: Language) -> HTML {
        var parts: [HTML] = []
        if let text = merchant.profile.openingHours, let hours = try? OpeningHours.parse(text) {
            parts.append("<p>\(OpeningHoursText.status(hours, at: now, t))</p>")
        }
        if listings.isStale(merchant) { parts.append(staleMark(t)) }
        return parts.joined()
    }
}
