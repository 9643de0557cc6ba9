import Community
import PopUps

/// A pop-up venue: what a merchant should know before booking, its slots, and the organisers' forms.
struct PopUpVenuePage {
    let venue: PopUpVenue
    let zone: Zone
    let slots: [PopUpSlot]
    /// Whether the viewer organises the zone's pop-ups, and so gets the forms for new slots.
    let organiser: Bool
    /// Why the slot or series sent was refused.
    let error: CommunityError?
    /// What the last organiser action did, and the organisers' links (edit, series, requests).
    var flash: OrganiserFlash? = nil
    var manage: HTML = ""

    func title(_ t: Language) -> String { venue.name }

    func body(_ t: Language) -> HTML {
        let details = venue.details
        let photo: HTML =
            details.photoURL.map { "<img class=\"post-image\" src=\"\($0)\" alt=\"\(venue.name)\">" } ?? ""
        return """
            <p class="meta"><a href="/zones/\(zone.slug)/pop-ups">\(t("Boutiques éphémères", "Pop-up shops")) — \
            \(zone.name)</a></p>
            <h1>\(venue.name)</h1>
            \(flash?.html(t) ?? "")
            \(UserMessages.alert(error, t))
            \(photo)
            \(HTML.text(details.description))
            \(PopUpViews.facts(details, t))
            \(manage)
            <h2>\(t("Créneaux", "Slots"))</h2>
            <p class="meta"><a href="/pop-up-venues/\(venue.id)/calendar.ics">\
            \(t("Calendrier de ce lieu (iCalendar)", "This venue's calendar (iCalendar)"))</a></p>
            \(PopUpViews.table(slots, venues: nil, t))
            \(organiser ? PopUpOrganiserViews.slotForms(venue, t) : "")
            """
    }
}
