private let holding = "('requested', 'confirmed', 'offered')"
private let wallTime = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'"
/// Places the new row's slot already has held.
private let heldPlaces = "(SELECT count(*) FROM popUpBooking WHERE slotId = NEW.slotId AND status IN \(holding))"
private let quotaOfSlot = """
    (SELECT ifnull(v.quota, 1000000) FROM popUpSlot n JOIN popUpVenue v ON v.id = n.venueId WHERE n.id = NEW.slotId)
    """
/// The quota period a slot falls in: its ISO-like week or its month, from its wall-clock start.
private func period(_ slot: String) -> String {
    "CASE v.quotaPeriod WHEN 'week' THEN strftime('%Y-%W', \(slot).localStart) "
        + "ELSE substr(\(slot).localStart, 1, 7) END"
}

/// The `v5-pop-ups` migration: venues, slots, series and bookings. The triggers guard what must never break, whatever
/// the code above does: holding bookings never exceed a slot's places, a merchant never holds two overlapping slots
/// nor more than a venue's quota, and a finished booking never comes back.
let popUpSchema = """
    CREATE TABLE popUpOrganiser (
        userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
        zoneId INTEGER NOT NULL REFERENCES zone(id),
        grantedBy INTEGER REFERENCES user(id),
        grantedAt DATETIME NOT NULL,
        PRIMARY KEY (userId, zoneId)
    );
    CREATE TABLE popUpVenue (
        id INTEGER PRIMARY KEY,
        zoneId INTEGER NOT NULL REFERENCES zone(id),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        address TEXT NOT NULL CHECK (length(address) BETWEEN 1 AND 200),
        commune TEXT NOT NULL CHECK (length(commune) BETWEEN 1 AND 80),
        description TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 4000),
        photoURL TEXT CHECK (photoURL IS NULL OR length(photoURL) <= 300),
        capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 500),
        accessibility TEXT NOT NULL DEFAULT '' CHECK (length(accessibility) <= 1000),
        houseRules TEXT NOT NULL DEFAULT '' CHECK (length(houseRules) <= 4000),
        needsApproval INTEGER NOT NULL CHECK (needsApproval IN (0, 1)),
        cancellationHours INTEGER NOT NULL CHECK (cancellationHours BETWEEN 0 AND 2160),
        quota INTEGER CHECK (quota IS NULL OR quota BETWEEN 1 AND 1000),
        quotaPeriod TEXT NOT NULL CHECK (quotaPeriod IN ('week', 'month')),
        createdAt DATETIME NOT NULL,
        updatedAt DATETIME NOT NULL
    );
    CREATE INDEX popUpVenue_on_zoneId ON popUpVenue(zoneId, name);
    CREATE TABLE popUpSeries (
        id INTEGER PRIMARY KEY,
        venueId INTEGER NOT NULL REFERENCES popUpVenue(id),
        rule TEXT NOT NULL CHECK (json_valid(rule)),
        cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
        createdAt DATETIME NOT NULL,
        updatedAt DATETIME NOT NULL
    );
    CREATE TABLE popUpSlot (
        id INTEGER PRIMARY KEY,
        venueId INTEGER NOT NULL REFERENCES popUpVenue(id),
        seriesId INTEGER REFERENCES popUpSeries(id),
        localStart TEXT NOT NULL CHECK (localStart GLOB \(wallTime)),
        localEnd TEXT NOT NULL CHECK (localEnd GLOB \(wallTime)),
        timeZone TEXT NOT NULL CHECK (timeZone <> ''),
        startsAt DATETIME NOT NULL,
        endsAt DATETIME NOT NULL,
        capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 500),
        priceCents INTEGER CHECK (priceCents IS NULL OR priceCents BETWEEN 0 AND 100000000),
        opensAt DATETIME,
        closesAt DATETIME,
        status TEXT NOT NULL CHECK (status IN ('open', 'cancelled')),
        sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
        createdAt DATETIME NOT NULL,
        updatedAt DATETIME NOT NULL,
        CHECK (localStart < localEnd),
        CHECK (startsAt < endsAt),
        CHECK (opensAt IS NULL OR closesAt IS NULL OR opensAt < closesAt)
    );
    CREATE INDEX popUpSlot_on_venueId ON popUpSlot(venueId, startsAt);
    CREATE INDEX popUpSlot_on_seriesId ON popUpSlot(seriesId, startsAt);
    CREATE INDEX popUpSlot_on_startsAt ON popUpSlot(startsAt);
    CREATE TABLE popUpBooking (
        id INTEGER PRIMARY KEY,
        slotId INTEGER NOT NULL REFERENCES popUpSlot(id),
        merchantId INTEGER NOT NULL REFERENCES merchant(id),
        status TEXT NOT NULL CHECK (
            status IN ('requested', 'confirmed', 'cancelled', 'refused', 'waiting', 'offered', 'lapsed')),
        reason TEXT CHECK (reason IS NULL OR length(reason) <= 500),
        offerExpiresAt DATETIME,
        postId INTEGER REFERENCES post(id),
        sequence INTEGER NOT NULL DEFAULT 0 CHECK (sequence >= 0),
        createdAt DATETIME NOT NULL,
        updatedAt DATETIME NOT NULL,
        CHECK (status <> 'offered' OR offerExpiresAt IS NOT NULL),
        CHECK (status <> 'refused' OR reason IS NOT NULL)
    );
    CREATE UNIQUE INDEX popUpBooking_one_live_per_merchant ON popUpBooking(slotId, merchantId)
        WHERE status IN ('requested', 'confirmed', 'waiting', 'offered');
    CREATE INDEX popUpBooking_on_slotId_status ON popUpBooking(slotId, status, id);
    CREATE INDEX popUpBooking_on_merchantId_status ON popUpBooking(merchantId, status);
    CREATE INDEX popUpBooking_on_status_offerExpiresAt ON popUpBooking(status, offerExpiresAt);

    CREATE TRIGGER popUpBooking_capacity_insert BEFORE INSERT ON popUpBooking
    WHEN NEW.status IN \(holding)
      AND \(heldPlaces) >= (SELECT capacity FROM popUpSlot WHERE id = NEW.slotId)
    BEGIN SELECT RAISE(ABORT, 'popup_slot_full'); END;
    CREATE TRIGGER popUpBooking_capacity_update BEFORE UPDATE OF status ON popUpBooking
    WHEN NEW.status IN \(holding) AND OLD.status NOT IN \(holding)
      AND \(heldPlaces) >= (SELECT capacity FROM popUpSlot WHERE id = NEW.slotId)
    BEGIN SELECT RAISE(ABORT, 'popup_slot_full'); END;
    CREATE TRIGGER popUpSlot_capacity_not_below_bookings BEFORE UPDATE OF capacity ON popUpSlot
    WHEN NEW.capacity < (SELECT count(*) FROM popUpBooking
        WHERE slotId = NEW.id AND status IN \(holding))
    BEGIN SELECT RAISE(ABORT, 'popup_capacity_below_bookings'); END;

    CREATE TRIGGER popUpBooking_no_overlap_insert BEFORE INSERT ON popUpBooking
    WHEN NEW.status IN \(holding) AND EXISTS (
        SELECT 1 FROM popUpBooking b JOIN popUpSlot s ON s.id = b.slotId, popUpSlot n
        WHERE n.id = NEW.slotId AND b.merchantId = NEW.merchantId
          AND b.status IN \(holding)
          AND s.startsAt < n.endsAt AND n.startsAt < s.endsAt)
    BEGIN SELECT RAISE(ABORT, 'popup_booking_overlaps'); END;
    CREATE TRIGGER popUpBooking_no_overlap_update BEFORE UPDATE OF status ON popUpBooking
    WHEN NEW.status IN \(holding) AND OLD.status NOT IN \(holding)
      AND EXISTS (
        SELECT 1 FROM popUpBooking b JOIN popUpSlot s ON s.id = b.slotId, popUpSlot n
        WHERE n.id = NEW.slotId AND b.merchantId = NEW.merchantId AND b.id <> NEW.id
          AND b.status IN \(holding)
          AND s.startsAt < n.endsAt AND n.startsAt < s.endsAt)
    BEGIN SELECT RAISE(ABORT, 'popup_booking_overlaps'); END;

    CREATE VIEW popUpBookingPeriod AS
    SELECT b.id AS bookingId, b.merchantId, b.status, s.venueId,
        \(period("s")) AS period
    FROM popUpBooking b JOIN popUpSlot s ON s.id = b.slotId JOIN popUpVenue v ON v.id = s.venueId;
    CREATE TRIGGER popUpBooking_quota_insert BEFORE INSERT ON popUpBooking
    WHEN NEW.status IN \(holding) AND (
        SELECT count(*) FROM popUpBookingPeriod p, popUpSlot n JOIN popUpVenue v ON v.id = n.venueId
        WHERE n.id = NEW.slotId AND p.merchantId = NEW.merchantId AND p.venueId = n.venueId
          AND p.status IN \(holding)
          AND p.period = \(period("n"))
      ) >= \(quotaOfSlot)
    BEGIN SELECT RAISE(ABORT, 'popup_quota_reached'); END;
    CREATE TRIGGER popUpBooking_quota_update BEFORE UPDATE OF status ON popUpBooking
    WHEN NEW.status IN \(holding) AND OLD.status NOT IN \(holding)
      AND (
        SELECT count(*) FROM popUpBookingPeriod p, popUpSlot n JOIN popUpVenue v ON v.id = n.venueId
        WHERE n.id = NEW.slotId AND p.merchantId = NEW.merchantId AND p.venueId = n.venueId AND p.bookingId <> NEW.id
          AND p.status IN \(holding)
          AND p.period = \(period("n"))
      ) >= \(quotaOfSlot)
    BEGIN SELECT RAISE(ABORT, 'popup_quota_reached'); END;

    CREATE TRIGGER popUpBooking_final_stays_final BEFORE UPDATE OF status ON popUpBooking
    WHEN OLD.status IN ('cancelled', 'refused', 'lapsed') AND NEW.status <> OLD.status
    BEGIN SELECT RAISE(ABORT, 'popup_booking_final'); END;
    """
