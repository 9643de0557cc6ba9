import Community
import Foundation
import Storage

extension SQLPopUpStore {
    package func organisers(zone: Zone.ID) async throws -> [User.ID] {
        try await database.read { db in
            try await db.fetchAll(
                "SELECT userId FROM popUpOrganiser WHERE zoneId = ? ORDER BY grantedAt, userId", [zone]
            ).map { row in try row["userId"] }
        }
    }
}

extension SQLPopUpBookingStore {
    package func requests(zones: [Zone.ID]?, endingAfter: Date, limit: Int) async throws -> [PopUpBooking] {
        if let zones, zones.isEmpty { return [] }
        let inZones = zones.map { " AND popUpVenue.zoneId IN (\(SQL.marks($0.count)))" } ?? ""
        let arguments: [any SQLBindable] = [endingAfter] + (zones ?? []) + [limit]
        return try await database.read { db in
            try await db.fetchAll(
                PopUpRows.bookingSelect + """
                     JOIN popUpSlot ON popUpSlot.id = popUpBooking.slotId
                     JOIN popUpVenue ON popUpVenue.id = popUpSlot.venueId
                    WHERE popUpBooking.status = 'requested' AND popUpSlot.status = 'open' AND popUpSlot.endsAt > ?
                    """ + inZones + " ORDER BY popUpBooking.createdAt, popUpBooking.id LIMIT ?", arguments
            ).map(StoredRows.booking(from:))
        }
    }
}
