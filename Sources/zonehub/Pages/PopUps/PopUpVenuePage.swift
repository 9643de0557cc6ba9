import Community
import Photos
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
    var flash: Flash? = nil
    var manage: HTML = ""
    /// The venue's photo, placed by its organisers.
    var photo: PlacedPhoto? = nil

    func title(_ t: Language) -> String { venue.name }

    func body(_ t: Language) -> HTML {
        let details = venue.details
        // Only a photo uploaded to the hub shows: the page's security policy loads images from the hub alone.
        let photoPath = "/zones/\(zone.slug)/pop-ups/venues/\(venue.id.rawValue)/photo"
        let photoLink: HTML =
            organiser
            ? "<p class=\"manage-links\"><a href=\"\(photoPath)\">\(photo == nil ? t("Ajouter une photo du lieu", "Add a photo of the venue") : t("Changer la photo du lieu", "Change the venue's photo"))</a></p>"
            : ""
        let picture: HTML = "\(photo.map { PhotoViews.placePhoto($0) } ?? "")\(photoLink)"
        return """
            <p class="meta"><a href="/zones/\(zone.slug)/pop-ups">\(t("Boutiques éphémères", "Pop-up shops")) — \
            \(zone.name)</a></p>
            <h1>\(venue.name)</h1>
            \(flash?.html(t) ?? "")
            \(UserMessages.alert(error, t))
            \(picture)
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
