import Community
import PopUps

/// The organisers' links on a venue's and a slot's page: edit, cancel, the venue's series, the requests page.
enum PopUpOrganiserLinks {
    static func venue(
        _ venue: PopUpVenue, _ zone: Zone, slots: [PopUpSlot], venues: PopUpService, user: User, _ t: Language
    ) async throws -> HTML {
        var seen: Set<PopUpSeries.ID> = []
        var series: [HTML] = []
        for id in slots.compactMap(\.seriesID) where seen.insert(id).inserted {
            guard let (one, _, _) = try? await venues.series(id, by: user) else { continue }
            let count = slots.filter { $0.seriesID == id && $0.status == .open }.count
            series.append(
                """
                <li><span>\(PopUpSeriesText.rule(one.rule, t)) · \(Wording.count(count, t, fr: ("créneau à venir", "créneaux à venir"), en: ("coming slot", "coming slots")))</span> \
                <a href="\(PopUpEditPaths.series(zone, id))">\(t("Modifier la série", "Edit the series"))</a> · \
                <a href="\(PopUpEditPaths.series(zone, id, "cancel"))">\(t("Annuler la série", "Cancel the series"))</a></li>
                """)
        }
        let list: HTML =
            series.isEmpty
            ? "" : "<h3>\(t("Séries de créneaux", "Series of slots"))</h3><ul class=\"manage-series\">\(series)</ul>"
        return """
            <section class="manage" aria-labelledby="manage-venue"><h2 id="manage-venue">\(t("Gérer ce lieu", "Manage this venue"))</h2>
            <p class="manage-links"><a class="button" href="\(PopUpEditPaths.venue(zone, venue.id))">\(t("Modifier le lieu", "Edit the venue"))</a> \
            <a href="\(PopUpEditPaths.requests)">\(t("Demandes de réservation en attente", "Booking requests waiting"))</a></p>
            \(list)
            </section>
            """
    }

    static func slot(_ slot: PopUpSlot, _ zone: Zone, _ t: Language) -> HTML {
        guard slot.status == .open else { return "" }
        return """
            <p class="manage-links"><a class="button" href="\(PopUpEditPaths.slot(zone, slot.id))">\(t("Modifier le créneau", "Edit the slot"))</a> \
            <a href="\(PopUpEditPaths.slot(zone, slot.id, "cancel"))">\(t("Annuler ce créneau…", "Cancel this slot…"))</a> \
            <a href="\(PopUpEditPaths.requests)">\(t("Demandes de réservation en attente", "Booking requests waiting"))</a></p>
            """
    }
}
