import Community
import Photos
import PopUps

/// A zone's pop-up venues and coming slots; organisers also get the form for a new venue.
struct PopUpZonePage {
    let zone: Zone
    let venues: [PopUpVenue]
    let slots: [PopUpSlot]
    /// Whether the viewer organises the zone's pop-ups, and so gets the new venue form.
    let organiser: Bool
    /// What was typed in the new venue form, and why it was refused.
    let form: FormBody?
    let error: CommunityError?
    /// The venues' photos, by venue.
    var photos: [Int64: PlacedPhoto] = [:]

    func title(_ t: Language) -> String { t("Boutiques éphémères", "Pop-up shops") + " · " + zone.name }

    func body(_ t: Language) -> HTML {
        let byID = Dictionary(uniqueKeysWithValues: venues.map { ($0.id, $0) })
        let cards: [HTML] = venues.map { venue in
            """
            <li class="zone-card">\(photos[venue.id.rawValue].map { PhotoViews.thumbnail($0) } ?? "")\
            <a href="/pop-up-venues/\(venue.id)"><strong>\(venue.name)</strong></a>
            <span class="meta">\(venue.details.address), \(venue.details.commune) · \
            \(Wording.count(venue.details.capacity, t, fr: ("emplacement", "emplacements"), en: ("stall", "stalls")))</span><p>\(venue.details.description)</p></li>
            """
        }
        let newVenue: HTML =
            organiser
            ? """
            <p class="manage-links"><a class="button" href="\(PopUpEditPaths.requests)">\(t("Demandes de réservation en attente", "Booking requests waiting"))</a></p>
            \(PopUpOrganiserViews.venueForm(zone: zone, form: form, error: error, t))
            """ : ""
        return """
            <h1>\(t("Boutiques éphémères", "Pop-up shops")) — \(zone.name)</h1>
            <p class="lead">\(t("Des lieux prêtés aux commerçants sans boutique, quelques jours à la fois.",
                "Spaces lent to merchants without premises, a few days at a time."))</p>
            <p class="meta"><a href="/zones/\(zone.slug)/pop-ups.ics">\(t("S'abonner au calendrier (iCalendar)",
                "Subscribe to the calendar (iCalendar)"))</a></p>
            <h2>\(t("Les lieux", "Venues"))</h2>
            \(PopUpViews.either(cards, "<ul class=\"zones\">\(cards)</ul>", empty: t("Aucun lieu pour l'instant.", "No venue yet.")))
            <h2>\(t("Calendrier", "Calendar"))</h2>
            \(PopUpViews.table(slots, venues: byID, t))
            \(newVenue)
            """
    }
}
