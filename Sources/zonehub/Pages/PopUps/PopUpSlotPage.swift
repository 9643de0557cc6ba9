import Community
import PopUps

/// A pop-up slot: its free places and price, a merchant's booking buttons, and the organisers' bookings table.
struct PopUpSlotPage {
    /// The viewer's own profiles in the slot's zone, and their bookings of the slot.
    struct OwnBookings {
        let merchants: [Merchant]
        let bookings: [PopUpBooking]
    }

    let slot: PopUpSlot
    let venue: PopUpVenue
    /// For a merchant (or an operator): what they can book.
    let own: OwnBookings?
    /// For the zone's organisers: every booking of the slot.
    let organiserBookings: [PopUpBooking]?
    /// Why the last action on the slot was refused.
    let message: CommunityError?
    /// What the last organiser action did, and the organisers' links (edit, cancel, series).
    var flash: Flash? = nil
    var manage: HTML = ""

    func title(_ t: Language) -> String { venue.name + " · " + PopUpViews.when(slot, t) }

    func body(_ t: Language) -> HTML {
        var sections: [HTML] = []
        if let own {
            sections.append(PopUpOrganiserViews.merchantBox(slot, merchants: own.merchants, bookings: own.bookings, t))
        }
        if let organiserBookings {
            sections.append(PopUpOrganiserViews.bookingsTable(organiserBookings, slot: slot, t))
        }
        return """
            <p class="meta"><a href="/pop-up-venues/\(venue.id)">\(venue.name)</a> · \(venue.details.address), \
            \(venue.details.commune)</p>
            <h1>\(venue.name) — \(PopUpViews.when(slot, t))</h1>
            \(flash?.html(t) ?? "")
            \(UserMessages.alert(message, t))
            <p class="places">\(PopUpViews.places(slot, t))</p>
            \(slot.priceCents.map { "<p class=\"price\">\(Formats.price(cents: $0, t))</p>" } ?? "")
            \(manage)
            \(sections)
            """
    }
}
