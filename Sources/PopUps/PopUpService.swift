import Community
import Foundation

/// Pop-up venues and their slots and series: what organisers create, edit and cancel, and what everyone browses.
package struct PopUpService: Sendable {
    let store: any PopUpStore
    let zones: any ZoneStore
    let accounts: any AccountStore
    let notifier: any PopUpNotifier
    let clock: any HubClock

    package init(
        store: any PopUpStore, zones: any ZoneStore, accounts: any AccountStore, notifier: any PopUpNotifier,
        clock: any HubClock
    ) {
        self.store = store
        self.zones = zones
        self.accounts = accounts
        self.notifier = notifier
        self.clock = clock
    }

    /// Makes the account with `email` a pop-up organiser of the zone; only its admins and hub operators may.
    package func grantOrganiser(email: String, zoneSlug: String, by actor: User) async throws -> User {
        let zone = try await activeZone(zoneSlug)
        guard actor.administers(zone.id) else {
            throw CommunityError.forbidden("only the zone's admins can name its pop-up organisers")
        }
        guard let user = try await accounts.credentials(email: email.trimmingCharacters(in: .whitespaces))?.user else {
            throw CommunityNotFound.user.error("no account uses this email address")
        }
        try await store.grantOrganiser(user.id, zone: zone.id, by: actor.id, at: clock.now())
        return user
    }

    /// Takes the organiser role in the zone away from `email`.
    package func revokeOrganiser(email: String, zoneSlug: String, by actor: User) async throws {
        let zone = try await activeZone(zoneSlug)
        guard actor.administers(zone.id) else {
            throw CommunityError.forbidden("only the zone's admins can name its pop-up organisers")
        }
        guard let user = try await accounts.credentials(email: email)?.user else {
            throw CommunityNotFound.user.error("no account uses this email address")
        }
        try await store.revokeOrganiser(user.id, zone: zone.id, by: actor.id, at: clock.now())
    }

    /// Whether `user` may run the zone's pop-up venues: its organisers, its admins and hub operators.
    package func organises(_ zone: Zone.ID, _ user: User?) async throws -> Bool {
        guard let user else { return false }
        if user.administers(zone) { return true }
        return try await store.isOrganiser(user.id, zone: zone)
    }

    /// The zones whose pop-up venues `user` was named to organise (their admins' zones aside).
    package func organisedZones(_ user: User) async throws -> Set<Zone.ID> {
        Set(try await store.organisedZones(user.id))
    }

    package func createVenue(zoneSlug: String, details: PopUpVenueDetails, by actor: User) async throws -> PopUpVenue {
        let zone = try await activeZone(zoneSlug)
        try await requireOrganiser(zone.id, actor)
        return try await store.createVenue(
            zone: zone.id, details: try PopUpRules.validated(details), by: actor.id, at: clock.now())
    }

    package func updateVenue(_ id: PopUpVenue.ID, details: PopUpVenueDetails, by actor: User) async throws
        -> PopUpVenue
    {
        let venue = try await venue(id)
        try await requireOrganiser(venue.zoneID, actor)
        return try await store.updateVenue(
            id, details: try PopUpRules.validated(details), by: actor.id, at: clock.now())
    }

    package func venue(_ id: PopUpVenue.ID) async throws -> PopUpVenue {
        guard let venue = try await store.venue(id: id) else { throw PopUpNotFound.venue.notFound }
        return venue
    }

    /// A venue with its zone.
    package func venueInZone(_ id: PopUpVenue.ID) async throws -> (venue: PopUpVenue, zone: Zone) {
        let venue = try await venue(id)
        guard let zone = try await zones.zone(id: venue.zoneID) else { throw CommunityNotFound.zone.notFound }
        return (venue, zone)
    }

    package func venues(zoneSlug: String) async throws -> (zone: Zone, venues: [PopUpVenue]) {
        let zone = try await activeZone(zoneSlug)
        return (zone, try await store.venues(zone: zone.id))
    }

    /// Adds one slot to a venue.
    package func createSlot(venue id: PopUpVenue.ID, _ draft: PopUpSlotDraft, by actor: User) async throws
        -> PopUpSlot
    {
        let (venue, zone) = try await organisedVenue(id, actor)
        let plan = try PopUpRules.plan(draft, venue: venue, timeZone: zone.definition.timeZone, now: clock.now())
        return try await store.createSlots(venue: id, plans: [plan], series: nil, by: actor.id, at: clock.now())[0]
    }

    /// Adds a weekly series: one slot per chosen day still to come, blackout dates left out.
    package func createSeries(venue id: PopUpVenue.ID, _ rule: PopUpSeriesRule, by actor: User) async throws
        -> [PopUpSlot]
    {
        let (venue, zone) = try await organisedVenue(id, actor)
        let rule = try PopUpRules.validated(rule)
        let plans = try PopUpRules.expand(rule, venue: venue, timeZone: zone.definition.timeZone, now: clock.now())
        return try await store.createSlots(venue: id, plans: plans, series: rule, by: actor.id, at: clock.now())
    }

    package func slot(_ id: PopUpSlot.ID) async throws -> PopUpSlot {
        guard let slot = try await store.slot(id: id) else { throw PopUpNotFound.slot.notFound }
        return slot
    }

    /// Coming slots of a zone or a venue, soonest first; cancelled ones too when asked (calendars show them).
    package func slots(zone: Zone? = nil, venue: PopUpVenue.ID? = nil, includeCancelled: Bool = false, limit: Int = 200)
        async throws -> [PopUpSlot]
    {
        try await store.slots(
            PopUpSlotQuery(
                zoneID: zone?.id, venueID: venue, endingAfter: clock.now().addingTimeInterval(-30 * 86400),
                includeCancelled: includeCancelled, limit: limit)
        ).filter { includeCancelled || $0.endsAt > clock.now() }
    }

    /// The open slots of every zone that have not ended, soonest first: the home page's few.
    package func upcoming(limit: Int) async throws -> [PopUpSlot] {
        try await store.slots(PopUpSlotQuery(endingAfter: clock.now(), includeCancelled: false, limit: limit))
    }

    /// Changes a slot's times, places or price; its merchants are told.
    package func editSlot(_ id: PopUpSlot.ID, _ draft: PopUpSlotDraft, by actor: User) async throws -> PopUpSlot {
        let slot = try await slot(id)
        let (venue, zone) = try await organisedVenue(slot.venueID, actor)
        let plan = try PopUpRules.plan(draft, venue: venue, timeZone: zone.definition.timeZone, now: clock.now())
        let notices = try await store.change(PopUpSlotChange(reschedule: [id: plan]), by: actor.id, at: clock.now())
        await notifier.notify(notices)
        return try await self.slot(id)
    }

    /// Cancels a slot and its bookings; its merchants are told.
    package func cancelSlot(_ id: PopUpSlot.ID, reason: String?, by actor: User) async throws -> PopUpSlot {
        let slot = try await slot(id)
        _ = try await organisedVenue(slot.venueID, actor)
        let notices = try await store.change(
            PopUpSlotChange(cancel: [id], reason: try PopUpRules.reason(reason, required: false)), by: actor.id,
            at: clock.now())
        await notifier.notify(notices)
        return try await self.slot(id)
    }

    /// Applies a series' new rule to its coming slots: days it keeps get the new times, places and price, days it
    /// drops (blackouts, a shorter range, other weekdays) are cancelled. Days it adds are not created.
    package func editSeries(_ id: PopUpSeries.ID, _ rule: PopUpSeriesRule, by actor: User) async throws -> [PopUpSlot] {
        try await changeSeries(id, rule: rule, cancelAll: false, reason: nil, by: actor)
    }

    /// Cancels every coming slot of a series.
    package func cancelSeries(_ id: PopUpSeries.ID, reason: String?, by actor: User) async throws -> [PopUpSlot] {
        try await changeSeries(id, rule: nil, cancelAll: true, reason: reason, by: actor)
    }

    private func changeSeries(
        _ id: PopUpSeries.ID, rule input: PopUpSeriesRule?, cancelAll: Bool, reason: String?, by actor: User
    ) async throws -> [PopUpSlot] {
        guard let series = try await store.series(id: id), !series.cancelled else {
            throw PopUpNotFound.series.notFound
        }
        let (venue, zone) = try await organisedVenue(series.venueID, actor)
        let rule = try input.map { rule throws(CommunityError) in try PopUpRules.validated(rule) } ?? series.rule
        let now = clock.now()
        let coming = try await store.slots(PopUpSlotQuery(seriesID: id, endingAfter: now, limit: 1000))
            .filter { $0.startsAt > now }
        var change = PopUpSlotChange(
            reason: try PopUpRules.reason(reason, required: false), series: (id, rule, cancelAll))
        for slot in coming {
            if !cancelAll, let draft = PopUpRules.draft(of: rule, on: slot.start.day) {
                var draft = draft
                draft.opensAt = slot.opensAt
                draft.closesAt = slot.closesAt
                change.reschedule[slot.id] = try PopUpRules.plan(
                    draft, venue: venue, timeZone: zone.definition.timeZone, now: now)
            } else {
                change.cancel.append(slot.id)
            }
        }
        let notices = try await store.change(change, by: actor.id, at: now)
        await notifier.notify(notices)
        return try await store.slots(PopUpSlotQuery(seriesID: id, endingAfter: now, includeCancelled: true))
    }

    func organisedVenue(_ id: PopUpVenue.ID, _ actor: User) async throws -> (PopUpVenue, Zone) {
        let venue = try await venue(id)
        try await requireOrganiser(venue.zoneID, actor)
        guard let zone = try await zones.zone(id: venue.zoneID) else { throw CommunityNotFound.zone.notFound }
        return (venue, zone)
    }

    func requireOrganiser(_ zone: Zone.ID, _ actor: User) async throws {
        guard try await organises(zone, actor) else {
            throw CommunityError.forbidden("only the zone's pop-up organisers can do this")
        }
    }

    private func activeZone(_ slug: String) async throws -> Zone {
        guard let zone = try await zones.zone(slug: slug), !zone.isRetired else {
            throw CommunityNotFound.zone.notFound
        }
        return zone
    }
}
