CREATE VIEW popUpBookingPeriod AS
SELECT b.id AS bookingId, b.merchantId, b.status, s.venueId,
    CASE v.quotaPeriod WHEN 'week' THEN strftime('%Y-%W', s.localStart) ELSE substr(s.localStart, 1, 7) END AS period
FROM popUpBooking b JOIN popUpSlot s ON s.id = b.slotId JOIN popUpVenue v ON v.id = s.venueId;
CREATE TRIGGER auditEntry_is_append_only_delete BEFORE DELETE ON auditEntry
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER auditEntry_is_append_only_update BEFORE UPDATE ON auditEntry
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER bounce_is_append_only_update BEFORE UPDATE ON bounce
BEGIN SELECT RAISE(ABORT, 'bounce records are append-only'); END;
CREATE TRIGGER consentEvent_is_append_only_delete BEFORE DELETE ON consentEvent
BEGIN SELECT RAISE(ABORT, 'consent records are append-only'); END;
CREATE TRIGGER consentEvent_is_append_only_update BEFORE UPDATE ON consentEvent
BEGIN SELECT RAISE(ABORT, 'consent records are append-only'); END;
CREATE TRIGGER decision_is_append_only_delete BEFORE DELETE ON decision
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
CREATE TRIGGER decision_is_append_only_update BEFORE UPDATE ON decision
BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
CREATE TRIGGER merchantCategory_search_delete AFTER DELETE ON merchantCategory
BEGIN
    DELETE FROM merchantSearch WHERE rowid = -OLD.merchantId;
INSERT INTO merchantSearch (rowid, name, body, place, facets) SELECT -m.id, replace(replace(replace(replace(m.name, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
  replace(replace(replace(replace(json_extract(m.profile, '$.description'), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE') || ' ' ||
    coalesce((SELECT group_concat(category, ' ') FROM merchantCategory WHERE merchantId = m.id), ''),
  replace(replace(replace(replace(json_extract(m.profile, '$.commune') || ' ' || json_extract(m.profile, '$.postcode') || ' ' || json_extract(m.profile, '$.address'), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
  'kdmerchant cm' || replace(m.communeKey, ' ', '') ||
    coalesce((SELECT group_concat(' zn' || zoneId, '') FROM merchantZone WHERE merchantId = m.id), '') ||
    coalesce((SELECT group_concat(' ct' || replace(category, '-', ''), '') FROM merchantCategory
      WHERE merchantId = m.id), '')
FROM merchant m WHERE m.id = OLD.merchantId;
END;
CREATE TRIGGER merchantCategory_search_insert AFTER INSERT ON merchantCategory
BEGIN
    DELETE FROM merchantSearch WHERE rowid = -NEW.merchantId;
INSERT INTO merchantSearch (rowid, name, body, place, facets) SELECT -m.id, replace(replace(replace(replace(m.name, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
  replace(replace(replace(replace(json_extract(m.profile, '$.description'), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE') || ' ' ||
    coalesce((SELECT group_concat(category, ' ') FROM merchantCategory WHERE merchantId = m.id), ''),
  replace(replace(replace(replace(json_extract(m.profile, '$.commune') || ' ' || json_extract(m.profile, '$.postcode') || ' ' || json_extract(m.profile, '$.address'), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
  'kdmerchant cm' || replace(m.communeKey, ' ', '') ||
    coalesce((SELECT group_concat(' zn' || zoneId, '') FROM merchantZone WHERE merchantId = m.id), '') ||
    coalesce((SELECT group_concat(' ct' || replace(category, '-', ''), '') FROM merchantCategory
      WHERE merchantId = m.id), '')
FROM merchant m WHERE m.id = NEW.merchantId;
END;
CREATE TRIGGER merchantZone_search_delete AFTER DELETE ON merchantZone
BEGIN
    DELETE FROM merchantSearch WHERE rowid = -OLD.merchantId;
INSERT INTO merchantSearch (rowid, name, body, place, facets) SELECT -m.id, replace(replace(replace(replace(m.name, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
  replace(replace(replace(replace(json_extract(m.profile, '$.description'), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE') || ' ' ||
    coalesce((SELECT group_concat(category, ' ') FROM merchantCategory WHERE merchantId = m.id), ''),
  replace(replace(replace(replace(json_extract(m.profile, '$.commune') || ' ' || json_extract(m.profile, '$.postcode') || ' ' || json_extract(m.profile, '$.address'), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
  'kdmerchant cm' || replace(m.communeKey, ' ', '') ||
    coalesce((SELECT group_concat(' zn' || zoneId, '') FROM merchantZone WHERE merchantId = m.id), '') ||
    coalesce((SELECT group_concat(' ct' || replace(category, '-', ''), '') FROM merchantCategory
      WHERE merchantId = m.id), '')
FROM merchant m WHERE m.id = OLD.merchantId;
END;
CREATE TRIGGER merchantZone_search_insert AFTER INSERT ON merchantZone
BEGIN
    DELETE FROM merchantSearch WHERE rowid = -NEW.merchantId;
INSERT INTO merchantSearch (rowid, name, body, place, facets) SELECT -m.id, replace(replace(replace(replace(m.name, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
  replace(replace(replace(replace(json_extract(m.profile, '$.description'), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE') || ' ' ||
    coalesce((SELECT group_concat(category, ' ') FROM merchantCategory WHERE merchantId = m.id), ''),
  replace(replace(replace(replace(json_extract(m.profile, '$.commune') || ' ' || json_extract(m.profile, '$.postcode') || ' ' || json_extract(m.profile, '$.address'), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
  'kdmerchant cm' || replace(m.communeKey, ' ', '') ||
    coalesce((SELECT group_concat(' zn' || zoneId, '') FROM merchantZone WHERE merchantId = m.id), '') ||
    coalesce((SELECT group_concat(' ct' || replace(category, '-', ''), '') FROM merchantCategory
      WHERE merchantId = m.id), '')
FROM merchant m WHERE m.id = NEW.merchantId;
END;
CREATE TRIGGER merchant_search_delete AFTER DELETE ON merchant
BEGIN
    DELETE FROM merchantSearch WHERE rowid = -OLD.id;
END;
CREATE TRIGGER merchant_search_insert AFTER INSERT ON merchant
BEGIN
    DELETE FROM merchantSearch WHERE rowid = -NEW.id;
INSERT INTO merchantSearch (rowid, name, body, place, facets) SELECT -m.id, replace(replace(replace(replace(m.name, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
  replace(replace(replace(replace(json_extract(m.profile, '$.description'), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE') || ' ' ||
    coalesce((SELECT group_concat(category, ' ') FROM merchantCategory WHERE merchantId = m.id), ''),
  replace(replace(replace(replace(json_extract(m.profile, '$.commune') || ' ' || json_extract(m.profile, '$.postcode') || ' ' || json_extract(m.profile, '$.address'), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
  'kdmerchant cm' || replace(m.communeKey, ' ', '') ||
    coalesce((SELECT group_concat(' zn' || zoneId, '') FROM merchantZone WHERE merchantId = m.id), '') ||
    coalesce((SELECT group_concat(' ct' || replace(category, '-', ''), '') FROM merchantCategory
      WHERE merchantId = m.id), '')
FROM merchant m WHERE m.id = NEW.id;
END;
CREATE TRIGGER merchant_search_update AFTER UPDATE OF name, profile, communeKey ON merchant
BEGIN
    DELETE FROM merchantSearch WHERE rowid = -NEW.id;
INSERT INTO merchantSearch (rowid, name, body, place, facets) SELECT -m.id, replace(replace(replace(replace(m.name, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
  replace(replace(replace(replace(json_extract(m.profile, '$.description'), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE') || ' ' ||
    coalesce((SELECT group_concat(category, ' ') FROM merchantCategory WHERE merchantId = m.id), ''),
  replace(replace(replace(replace(json_extract(m.profile, '$.commune') || ' ' || json_extract(m.profile, '$.postcode') || ' ' || json_extract(m.profile, '$.address'), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
  'kdmerchant cm' || replace(m.communeKey, ' ', '') ||
    coalesce((SELECT group_concat(' zn' || zoneId, '') FROM merchantZone WHERE merchantId = m.id), '') ||
    coalesce((SELECT group_concat(' ct' || replace(category, '-', ''), '') FROM merchantCategory
      WHERE merchantId = m.id), '')
FROM merchant m WHERE m.id = NEW.id;
    DELETE FROM postSearch WHERE rowid IN (SELECT -id FROM post WHERE merchantId = NEW.id);
    INSERT INTO postSearch (rowid, title, body, place, facets) SELECT -p.id, replace(replace(replace(replace(p.title, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(p.body, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE') || ' ' || p.category,
  replace(replace(replace(replace(m.name || ' ' || json_extract(m.profile, '$.commune'), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
  'kd' || p.kind || ' zn' || p.zoneId || ' ct' || replace(p.category, '-', '') || ' cm' ||
    replace(m.communeKey, ' ', '')
FROM post p JOIN merchant m ON m.id = p.merchantId
    WHERE p.merchantId = NEW.id AND p.status = 'published';
END;
CREATE TRIGGER orderRequest_capacity_insert BEFORE INSERT ON orderRequest
WHEN NEW.windowId IS NOT NULL AND NEW.status IN ('requested', 'accepted', 'ready', 'collected', 'not-collected')
  AND (SELECT count(*) FROM orderRequest WHERE windowId = NEW.windowId AND status IN ('requested', 'accepted', 'ready', 'collected', 'not-collected'))
    >= (SELECT capacity FROM collectionWindow WHERE id = NEW.windowId)
BEGIN SELECT RAISE(ABORT, 'order_window_full'); END;
CREATE TRIGGER orderRequest_capacity_update BEFORE UPDATE OF status ON orderRequest
WHEN NEW.windowId IS NOT NULL AND NEW.status IN ('requested', 'accepted', 'ready', 'collected', 'not-collected') AND OLD.status NOT IN ('requested', 'accepted', 'ready', 'collected', 'not-collected')
  AND (SELECT count(*) FROM orderRequest WHERE windowId = NEW.windowId AND status IN ('requested', 'accepted', 'ready', 'collected', 'not-collected'))
    >= (SELECT capacity FROM collectionWindow WHERE id = NEW.windowId)
BEGIN SELECT RAISE(ABORT, 'order_window_full'); END;
CREATE TRIGGER orderRequest_final_stays_final BEFORE UPDATE OF status ON orderRequest
WHEN OLD.status IN ('refused', 'collected', 'not-collected', 'expired', 'cancelled') AND NEW.status <> OLD.status
BEGIN SELECT RAISE(ABORT, 'order_final'); END;
CREATE TRIGGER popUpBooking_capacity_insert BEFORE INSERT ON popUpBooking
WHEN NEW.status IN ('requested', 'confirmed', 'offered')
  AND (SELECT count(*) FROM popUpBooking WHERE slotId = NEW.slotId AND status IN ('requested', 'confirmed', 'offered')) >= (SELECT capacity FROM popUpSlot WHERE id = NEW.slotId)
BEGIN SELECT RAISE(ABORT, 'popup_slot_full'); END;
CREATE TRIGGER popUpBooking_capacity_update BEFORE UPDATE OF status ON popUpBooking
WHEN NEW.status IN ('requested', 'confirmed', 'offered') AND OLD.status NOT IN ('requested', 'confirmed', 'offered')
  AND (SELECT count(*) FROM popUpBooking WHERE slotId = NEW.slotId AND status IN ('requested', 'confirmed', 'offered')) >= (SELECT capacity FROM popUpSlot WHERE id = NEW.slotId)
BEGIN SELECT RAISE(ABORT, 'popup_slot_full'); END;
CREATE TRIGGER popUpBooking_final_stays_final BEFORE UPDATE OF status ON popUpBooking
WHEN OLD.status IN ('cancelled', 'refused', 'lapsed') AND NEW.status <> OLD.status
BEGIN SELECT RAISE(ABORT, 'popup_booking_final'); END;
CREATE TRIGGER popUpBooking_no_overlap_insert BEFORE INSERT ON popUpBooking
WHEN NEW.status IN ('requested', 'confirmed', 'offered') AND EXISTS (
    SELECT 1 FROM popUpBooking b JOIN popUpSlot s ON s.id = b.slotId, popUpSlot n
    WHERE n.id = NEW.slotId AND b.merchantId = NEW.merchantId
      AND b.status IN ('requested', 'confirmed', 'offered')
      AND s.startsAt < n.endsAt AND n.startsAt < s.endsAt)
BEGIN SELECT RAISE(ABORT, 'popup_booking_overlaps'); END;
CREATE TRIGGER popUpBooking_no_overlap_update BEFORE UPDATE OF status ON popUpBooking
WHEN NEW.status IN ('requested', 'confirmed', 'offered') AND OLD.status NOT IN ('requested', 'confirmed', 'offered')
  AND EXISTS (
    SELECT 1 FROM popUpBooking b JOIN popUpSlot s ON s.id = b.slotId, popUpSlot n
    WHERE n.id = NEW.slotId AND b.merchantId = NEW.merchantId AND b.id <> NEW.id
      AND b.status IN ('requested', 'confirmed', 'offered')
      AND s.startsAt < n.endsAt AND n.startsAt < s.endsAt)
BEGIN SELECT RAISE(ABORT, 'popup_booking_overlaps'); END;
CREATE TRIGGER popUpBooking_quota_insert BEFORE INSERT ON popUpBooking
WHEN NEW.status IN ('requested', 'confirmed', 'offered') AND (
    SELECT count(*) FROM popUpBookingPeriod p, popUpSlot n JOIN popUpVenue v ON v.id = n.venueId
    WHERE n.id = NEW.slotId AND p.merchantId = NEW.merchantId AND p.venueId = n.venueId
      AND p.status IN ('requested', 'confirmed', 'offered')
      AND p.period = CASE v.quotaPeriod WHEN 'week' THEN strftime('%Y-%W', n.localStart) ELSE substr(n.localStart, 1, 7) END
  ) >= (SELECT ifnull(v.quota, 1000000) FROM popUpSlot n JOIN popUpVenue v ON v.id = n.venueId WHERE n.id = NEW.slotId)
BEGIN SELECT RAISE(ABORT, 'popup_quota_reached'); END;
CREATE TRIGGER popUpBooking_quota_update BEFORE UPDATE OF status ON popUpBooking
WHEN NEW.status IN ('requested', 'confirmed', 'offered') AND OLD.status NOT IN ('requested', 'confirmed', 'offered')
  AND (
    SELECT count(*) FROM popUpBookingPeriod p, popUpSlot n JOIN popUpVenue v ON v.id = n.venueId
    WHERE n.id = NEW.slotId AND p.merchantId = NEW.merchantId AND p.venueId = n.venueId AND p.bookingId <> NEW.id
      AND p.status IN ('requested', 'confirmed', 'offered')
      AND p.period = CASE v.quotaPeriod WHEN 'week' THEN strftime('%Y-%W', n.localStart) ELSE substr(n.localStart, 1, 7) END
  ) >= (SELECT ifnull(v.quota, 1000000) FROM popUpSlot n JOIN popUpVenue v ON v.id = n.venueId WHERE n.id = NEW.slotId)
BEGIN SELECT RAISE(ABORT, 'popup_quota_reached'); END;
CREATE TRIGGER popUpSlot_capacity_not_below_bookings BEFORE UPDATE OF capacity ON popUpSlot
WHEN NEW.capacity < (SELECT count(*) FROM popUpBooking
    WHERE slotId = NEW.id AND status IN ('requested', 'confirmed', 'offered'))
BEGIN SELECT RAISE(ABORT, 'popup_capacity_below_bookings'); END;
CREATE TRIGGER post_search_delete AFTER DELETE ON post
BEGIN
    DELETE FROM postSearch WHERE rowid = -OLD.id;
END;
CREATE TRIGGER post_search_insert AFTER INSERT ON post WHEN NEW.status = 'published'
BEGIN
    INSERT INTO postSearch (rowid, title, body, place, facets) SELECT -p.id, replace(replace(replace(replace(p.title, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(p.body, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE') || ' ' || p.category,
  replace(replace(replace(replace(m.name || ' ' || json_extract(m.profile, '$.commune'), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
  'kd' || p.kind || ' zn' || p.zoneId || ' ct' || replace(p.category, '-', '') || ' cm' ||
    replace(m.communeKey, ' ', '')
FROM post p JOIN merchant m ON m.id = p.merchantId WHERE p.id = NEW.id;
END;
CREATE TRIGGER post_search_update AFTER UPDATE OF title, body, category, kind, zoneId, merchantId, status ON post
BEGIN
    DELETE FROM postSearch WHERE rowid = -OLD.id;
    INSERT INTO postSearch (rowid, title, body, place, facets) SELECT -p.id, replace(replace(replace(replace(p.title, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(p.body, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE') || ' ' || p.category,
  replace(replace(replace(replace(m.name || ' ' || json_extract(m.profile, '$.commune'), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'),
  'kd' || p.kind || ' zn' || p.zoneId || ' ct' || replace(p.category, '-', '') || ' cm' ||
    replace(m.communeKey, ' ', '')
FROM post p JOIN merchant m ON m.id = p.merchantId
    WHERE p.id = NEW.id AND p.status = 'published';
END;
CREATE TABLE accountToken (
    digest TEXT PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset', 'email')),
    userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
    createdAt DATETIME NOT NULL,
    expiresAt DATETIME NOT NULL,
    newEmail TEXT
);
CREATE TABLE auditEntry (
    id INTEGER PRIMARY KEY,
    at DATETIME NOT NULL,
    actorId INTEGER REFERENCES user(id),
    zoneId INTEGER REFERENCES zone(id),
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
);
CREATE TABLE bounce (
    id INTEGER PRIMARY KEY,
    outboxMessageId INTEGER NOT NULL REFERENCES outboxMessage(id),
    recipient TEXT NOT NULL COLLATE NOCASE CHECK (recipient LIKE '%_@_%'),
    finalRecipient TEXT CHECK (finalRecipient IS NULL OR length(finalRecipient) <= 320),
    matchedBy TEXT NOT NULL CHECK (matchedBy IN ('verp', 'message_id')),
    kind TEXT NOT NULL CHECK (kind IN ('hard', 'soft', 'delay', 'success')),
    status TEXT NOT NULL CHECK (length(status) BETWEEN 5 AND 11),
    dsnAction TEXT NOT NULL CHECK (length(dsnAction) <= 20),
    diagnosticCode TEXT CHECK (diagnosticCode IS NULL OR length(diagnosticCode) <= 1000),
    reportingMta TEXT CHECK (reportingMta IS NULL OR length(reportingMta) <= 255),
    action TEXT NOT NULL CHECK (action IN ('suppressed', 'counted', 'ignored', 'already_suppressed')),
    reason TEXT NOT NULL CHECK (length(reason) <= 1500),
    at DATETIME NOT NULL
);
CREATE TABLE campaignProduct (
    campaignId INTEGER NOT NULL REFERENCES preOrderCampaign(id) ON DELETE CASCADE,
    productId INTEGER NOT NULL REFERENCES product(id),
    position INTEGER NOT NULL CHECK (position >= 0),
    quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
    promised INTEGER NOT NULL DEFAULT 0 CHECK (promised >= 0 AND promised <= quantity),
    PRIMARY KEY (campaignId, productId)
);
CREATE TABLE collectionWindow (
    id INTEGER PRIMARY KEY,
    merchantId INTEGER NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
    startsAt DATETIME NOT NULL,
    endsAt DATETIME NOT NULL,
    capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 500),
    createdAt DATETIME NOT NULL,
    removedAt DATETIME,
    CHECK (startsAt < endsAt)
);
CREATE TABLE commune (
    id INTEGER PRIMARY KEY,
    zoneId INTEGER NOT NULL REFERENCES zone(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    foldedName TEXT NOT NULL,
    postcode TEXT NOT NULL CHECK (length(postcode) = 5 AND postcode NOT GLOB '*[^0-9]*'),
    UNIQUE (zoneId, foldedName, postcode)
);
CREATE TABLE consentEvent (
    id INTEGER PRIMARY KEY,
    subscriptionId INTEGER NOT NULL REFERENCES subscription(id),
    action TEXT NOT NULL CHECK (action IN ('requested', 'confirmed', 'changed', 'unsubscribed')),
    wording TEXT NOT NULL,
    source TEXT NOT NULL,
    at DATETIME NOT NULL
);
CREATE TABLE decision (
    id INTEGER PRIMARY KEY,
    postId INTEGER NOT NULL REFERENCES post(id),
    zoneId INTEGER NOT NULL REFERENCES zone(id),
    merchantId INTEGER NOT NULL REFERENCES merchant(id),
    moderatorId INTEGER NOT NULL REFERENCES user(id),
    action TEXT NOT NULL CHECK (action IN ('approve', 'reject', 'request_changes', 'remove')),
    reasonCode TEXT CHECK (reasonCode IS NULL OR reasonCode IN
        ('off_topic', 'not_local', 'duplicate', 'misleading', 'prohibited_content', 'other')),
    note TEXT CHECK (note IS NULL OR length(note) <= 1000),
    at DATETIME NOT NULL,
    CHECK (action NOT IN ('reject', 'remove') OR reasonCode IS NOT NULL)
);
CREATE TABLE digestRun (
    zoneId INTEGER NOT NULL REFERENCES zone(id),
    frequency TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    scheduledFor DATETIME NOT NULL,
    startedAt DATETIME NOT NULL,
    PRIMARY KEY (zoneId, frequency, scheduledFor)
);
CREATE TABLE hubSecret (
    name TEXT PRIMARY KEY,
    value BLOB NOT NULL CHECK (length(value) >= 32)
);
CREATE TABLE invitation (
    id INTEGER PRIMARY KEY,
    digest TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL COLLATE NOCASE CHECK (email LIKE '%_@_%' AND length(email) <= 254),
    role TEXT NOT NULL CHECK (role IN ('zone-admin', 'organiser', 'merchant')),
    zoneId INTEGER NOT NULL REFERENCES zone(id),
    invitedBy INTEGER NOT NULL REFERENCES user(id),
    createdAt DATETIME NOT NULL,
    expiresAt DATETIME NOT NULL,
    acceptedAt DATETIME,
    acceptedBy INTEGER REFERENCES user(id),
    revokedAt DATETIME,
    revokedBy INTEGER REFERENCES user(id),
    CHECK (acceptedAt IS NULL OR revokedAt IS NULL)
);
CREATE TABLE listingClaim (
    id INTEGER PRIMARY KEY,
    merchantId INTEGER NOT NULL REFERENCES merchant(id),
    userId INTEGER NOT NULL REFERENCES user(id),
    method TEXT NOT NULL CHECK (method IN ('email', 'review')),
    digest TEXT UNIQUE,
    expiresAt DATETIME,
    siret TEXT CHECK (siret IS NULL OR (length(siret) = 14 AND siret NOT GLOB '*[^0-9]*')),
    message TEXT CHECK (message IS NULL OR length(message) <= 1000),
    createdAt DATETIME NOT NULL,
    decidedAt DATETIME,
    decidedBy INTEGER REFERENCES user(id),
    outcome TEXT CHECK (outcome IN ('approved', 'refused', 'withdrawn')),
    reason TEXT CHECK (reason IS NULL OR length(reason) <= 500),
    CHECK ((decidedAt IS NULL) = (outcome IS NULL)),
    CHECK (method <> 'email' OR (digest IS NOT NULL AND expiresAt IS NOT NULL))
);
CREATE TABLE listingReach (
    merchantId INTEGER NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    views INTEGER NOT NULL DEFAULT 0 CHECK (views >= 0),
    clicks INTEGER NOT NULL DEFAULT 0 CHECK (clicks >= 0),
    PRIMARY KEY (merchantId, day)
);
CREATE TABLE market (
    id INTEGER PRIMARY KEY,
    zoneId INTEGER NOT NULL REFERENCES zone(id),
    slug TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9-]*'),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    description TEXT NOT NULL CHECK (length(description) <= 4000),
    startsAt DATETIME NOT NULL,
    endsAt DATETIME NOT NULL,
    applicationsOpenAt DATETIME NOT NULL,
    applicationsCloseAt DATETIME NOT NULL,
    createdBy INTEGER NOT NULL REFERENCES user(id),
    createdAt DATETIME NOT NULL,
    updatedAt DATETIME NOT NULL,
    CHECK (startsAt < endsAt),
    CHECK (applicationsOpenAt < applicationsCloseAt),
    CHECK (applicationsCloseAt <= endsAt)
);
CREATE TABLE marketApplication (
    id INTEGER PRIMARY KEY,
    marketId INTEGER NOT NULL REFERENCES market(id),
    merchantId INTEGER NOT NULL REFERENCES merchant(id),
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
    note TEXT CHECK (note IS NULL OR length(note) <= 1000),
    createdAt DATETIME NOT NULL,
    updatedAt DATETIME NOT NULL,
    decidedBy INTEGER REFERENCES user(id),
    decidedAt DATETIME, reason TEXT CHECK (reason IS NULL OR length(reason) <= 500),
    UNIQUE (marketId, merchantId),
    CHECK (status NOT IN ('approved', 'rejected') OR decidedBy IS NOT NULL)
);
CREATE TABLE marketOffer (
    applicationId INTEGER NOT NULL REFERENCES marketApplication(id) ON DELETE CASCADE,
    postId INTEGER NOT NULL REFERENCES post(id),
    PRIMARY KEY (applicationId, postId)
);
CREATE TABLE marketPhoto (
    id INTEGER PRIMARY KEY,
    marketId INTEGER NOT NULL REFERENCES market(id) ON DELETE CASCADE,
    photoHash TEXT NOT NULL REFERENCES photo(hash),
    alt TEXT NOT NULL CHECK (length(trim(alt)) BETWEEN 1 AND 300),
    addedAt DATETIME NOT NULL
);
CREATE TABLE merchant (
    id INTEGER PRIMARY KEY,
    ownerId INTEGER NOT NULL REFERENCES user(id),
    slug TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9-]*'),
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    profile TEXT NOT NULL CHECK (json_valid(profile)),
    siret TEXT UNIQUE CHECK (siret IS NULL OR (length(siret) = 14 AND siret NOT GLOB '*[^0-9]*')),
    createdAt DATETIME NOT NULL,
    updatedAt DATETIME NOT NULL
, contactChangedAt DATETIME, communeKey TEXT NOT NULL DEFAULT '', confirmedAt DATETIME, confirmReminderAt DATETIME, nameKey TEXT NOT NULL DEFAULT '', claimable INTEGER NOT NULL DEFAULT 0 CHECK (claimable IN (0, 1)), hiddenAt DATETIME);
CREATE TABLE merchantCategory (
    merchantId INTEGER NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
    category TEXT NOT NULL,
    PRIMARY KEY (merchantId, category)
);
CREATE TABLE merchantPhoto (
    id INTEGER PRIMARY KEY,
    merchantId INTEGER NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
    photoHash TEXT NOT NULL REFERENCES photo(hash),
    role TEXT NOT NULL CHECK (role IN ('logo', 'shop')),
    alt TEXT NOT NULL CHECK (length(trim(alt)) BETWEEN 1 AND 300),
    addedAt DATETIME NOT NULL
);
CREATE VIRTUAL TABLE merchantSearch USING fts5(
    name, body, place, facets, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5');
CREATE TABLE 'merchantSearch_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE 'merchantSearch_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3);
CREATE TABLE 'merchantSearch_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'merchantSearch_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE 'merchantSearch_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE merchantTrust (
    merchantId INTEGER NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
    zoneId INTEGER NOT NULL REFERENCES zone(id),
    setting TEXT NOT NULL CHECK (setting IN ('granted', 'revoked')),
    updatedAt DATETIME NOT NULL,
    updatedBy INTEGER NOT NULL REFERENCES user(id),
    PRIMARY KEY (merchantId, zoneId)
);
CREATE TABLE merchantZone (
    merchantId INTEGER NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
    zoneId INTEGER NOT NULL REFERENCES zone(id),
    PRIMARY KEY (merchantId, zoneId)
);
CREATE TABLE noticePreference (
    userId INTEGER NOT NULL REFERENCES user(id),
    kind TEXT NOT NULL CHECK (kind IN (
        'annonce-retenue', 'inscription-en-attente', 'annonce-masquee', 'rappel', 'escalade',
        'demande-de-reservation', 'reservation-annulee', 'place-non-prise', 'decision-marche',
        'ouverture-marche')),
    delivery TEXT NOT NULL CHECK (delivery IN ('immediate', 'daily', 'off')),
    updatedAt DATETIME NOT NULL,
    PRIMARY KEY (userId, kind)
);
CREATE TABLE orderLine (
    id INTEGER PRIMARY KEY,
    orderId INTEGER NOT NULL REFERENCES orderRequest(id) ON DELETE CASCADE,
    productId INTEGER NOT NULL REFERENCES product(id),
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
    priceCents INTEGER NOT NULL CHECK (priceCents BETWEEN 0 AND 10000000),
    quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
    acceptedQuantity INTEGER CHECK (acceptedQuantity IS NULL OR acceptedQuantity BETWEEN 0 AND quantity),
    UNIQUE (orderId, productId)
);
CREATE TABLE orderRequest (
    id INTEGER PRIMARY KEY,
    merchantId INTEGER NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
    windowId INTEGER REFERENCES collectionWindow(id),
    campaignId INTEGER REFERENCES preOrderCampaign(id),
    userId INTEGER REFERENCES user(id) ON DELETE SET NULL,
    email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    residentName TEXT NOT NULL CHECK (length(trim(residentName)) BETWEEN 1 AND 80),
    note TEXT NOT NULL CHECK (length(note) <= 500),
    status TEXT NOT NULL CHECK (status IN ('unconfirmed', 'requested', 'accepted', 'refused', 'ready',
        'collected', 'not-collected', 'expired', 'cancelled')),
    reason TEXT CHECK (reason IS NULL OR length(reason) <= 500),
    tokenHash TEXT UNIQUE,
    confirmBy DATETIME,
    answerBy DATETIME,
    createdAt DATETIME NOT NULL,
    updatedAt DATETIME NOT NULL,
    CHECK ((windowId IS NULL) <> (campaignId IS NULL)),
    CHECK (status <> 'refused' OR length(trim(reason)) >= 1),
    CHECK (status <> 'unconfirmed' OR (tokenHash IS NOT NULL AND confirmBy IS NOT NULL))
);
CREATE TABLE outboxMessage (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('confirmation', 'already_subscribed', 'digest', 'notice')),
    recipient TEXT NOT NULL COLLATE NOCASE CHECK (recipient LIKE '%_@_%'),
    subscriptionId INTEGER REFERENCES subscription(id),
    dedupeKey TEXT UNIQUE,
    payload TEXT NOT NULL CHECK (json_valid(payload)),
    status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    nextAttemptAt DATETIME NOT NULL,
    claimedBy TEXT,
    lastError TEXT,
    createdAt DATETIME NOT NULL,
    sentAt DATETIME,
    CHECK (status <> 'sending' OR claimedBy IS NOT NULL),
    CHECK (status <> 'sent' OR sentAt IS NOT NULL)
);
CREATE TABLE photo (
    hash TEXT PRIMARY KEY CHECK (length(hash) = 64 AND hash NOT GLOB '*[^0-9a-f]*'),
    format TEXT NOT NULL CHECK (format IN ('jpeg', 'webp', 'png')),
    width INTEGER NOT NULL CHECK (width BETWEEN 1 AND 2048),
    height INTEGER NOT NULL CHECK (height BETWEEN 1 AND 2048),
    bytes BLOB NOT NULL,
    createdAt DATETIME NOT NULL
);
CREATE TABLE photoVariant (
    photoHash TEXT NOT NULL REFERENCES photo(hash) ON DELETE CASCADE,
    width INTEGER NOT NULL CHECK (width BETWEEN 1 AND 2048),
    height INTEGER NOT NULL CHECK (height BETWEEN 1 AND 2048),
    format TEXT NOT NULL CHECK (format IN ('jpeg', 'webp', 'png')),
    bytes BLOB NOT NULL,
    PRIMARY KEY (photoHash, width)
);
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
    updatedAt DATETIME NOT NULL, changedBy INTEGER REFERENCES user(id),
    CHECK (status <> 'offered' OR offerExpiresAt IS NOT NULL),
    CHECK (status <> 'refused' OR reason IS NOT NULL)
);
CREATE TABLE popUpOrganiser (
    userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
    zoneId INTEGER NOT NULL REFERENCES zone(id),
    grantedBy INTEGER REFERENCES user(id),
    grantedAt DATETIME NOT NULL,
    PRIMARY KEY (userId, zoneId)
);
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
    localStart TEXT NOT NULL CHECK (localStart GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
    localEnd TEXT NOT NULL CHECK (localEnd GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]'),
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
CREATE TABLE popUpVenuePhoto (
    id INTEGER PRIMARY KEY,
    venueId INTEGER NOT NULL REFERENCES popUpVenue(id) ON DELETE CASCADE,
    photoHash TEXT NOT NULL REFERENCES photo(hash),
    alt TEXT NOT NULL CHECK (length(trim(alt)) BETWEEN 1 AND 300),
    addedAt DATETIME NOT NULL
);
CREATE TABLE post (
    id INTEGER PRIMARY KEY,
    zoneId INTEGER NOT NULL REFERENCES zone(id),
    merchantId INTEGER NOT NULL REFERENCES merchant(id),
    kind TEXT NOT NULL CHECK (kind IN ('offer', 'news', 'event')),
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body TEXT NOT NULL CHECK (length(body) <= 10000),
    category TEXT NOT NULL,
    priceCents INTEGER CHECK (priceCents IS NULL OR priceCents BETWEEN 0 AND 100000000),
    imageURL TEXT,
    validFrom DATETIME,
    validUntil DATETIME,
    eventAt DATETIME,
    publishAt DATETIME,
    status TEXT NOT NULL CHECK (
        status IN ('draft', 'submitted', 'held', 'scheduled', 'published', 'expired', 'withdrawn', 'removed')),
    heldReasons TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(heldReasons)),
    createdAt DATETIME NOT NULL,
    updatedAt DATETIME NOT NULL,
    publishedAt DATETIME,
    CHECK (validFrom IS NULL OR validUntil IS NULL OR validFrom < validUntil),
    CHECK (kind <> 'event' OR eventAt IS NOT NULL),
    CHECK (status <> 'published' OR publishedAt IS NOT NULL)
);
CREATE TABLE postPhoto (
    id INTEGER PRIMARY KEY,
    postId INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,
    photoHash TEXT NOT NULL REFERENCES photo(hash),
    alt TEXT NOT NULL CHECK (length(trim(alt)) BETWEEN 1 AND 300),
    addedAt DATETIME NOT NULL
);
CREATE TABLE postReach (
    postId INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,
    day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    views INTEGER NOT NULL DEFAULT 0 CHECK (views >= 0),
    feedFetches INTEGER NOT NULL DEFAULT 0 CHECK (feedFetches >= 0),
    digests INTEGER NOT NULL DEFAULT 0 CHECK (digests >= 0),
    PRIMARY KEY (postId, day)
);
CREATE VIRTUAL TABLE postSearch USING fts5(
    title, body, place, facets, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5');
CREATE TABLE 'postSearch_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE 'postSearch_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3);
CREATE TABLE 'postSearch_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'postSearch_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
CREATE TABLE 'postSearch_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
CREATE TABLE preOrderCampaign (
    id INTEGER PRIMARY KEY,
    merchantId INTEGER NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 120),
    description TEXT NOT NULL CHECK (length(description) <= 2000),
    closesAt DATETIME NOT NULL,
    collectFrom DATETIME NOT NULL,
    collectUntil DATETIME NOT NULL,
    createdAt DATETIME NOT NULL,
    CHECK (closesAt <= collectFrom AND collectFrom < collectUntil)
);
CREATE TABLE product (
    id INTEGER PRIMARY KEY,
    merchantId INTEGER NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
    description TEXT NOT NULL CHECK (length(description) <= 2000),
    priceCents INTEGER NOT NULL CHECK (priceCents BETWEEN 0 AND 10000000),
    unit TEXT NOT NULL CHECK (unit IN ('piece', 'kilogram', 'hundred-grams', 'litre', 'bottle', 'dozen',
        'portion', 'jar', 'bunch', 'box')),
    availability TEXT NOT NULL CHECK (availability IN ('in-stock', 'to-order', 'seasonal')),
    seasonFrom TEXT CHECK (seasonFrom GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    seasonUntil TEXT CHECK (seasonUntil GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
    category TEXT NOT NULL CHECK (length(category) <= 60),
    position INTEGER NOT NULL CHECK (position >= 0),
    createdAt DATETIME NOT NULL,
    updatedAt DATETIME NOT NULL,
    removedAt DATETIME,
    CHECK ((availability = 'seasonal') = (seasonFrom IS NOT NULL AND seasonUntil IS NOT NULL)),
    CHECK (seasonFrom IS NULL OR seasonFrom <= seasonUntil)
);
CREATE TABLE productPhoto (
    id INTEGER PRIMARY KEY,
    productId INTEGER NOT NULL REFERENCES product(id) ON DELETE CASCADE,
    photoHash TEXT NOT NULL REFERENCES photo(hash),
    alt TEXT NOT NULL CHECK (length(trim(alt)) BETWEEN 1 AND 300),
    addedAt DATETIME NOT NULL
);
CREATE TABLE report (
    id INTEGER PRIMARY KEY,
    postId INTEGER NOT NULL REFERENCES post(id),
    reporterId INTEGER NOT NULL REFERENCES user(id),
    reason TEXT NOT NULL CHECK (reason IN ('illegal', 'scam', 'misleading', 'offensive', 'spam', 'other')),
    note TEXT CHECK (note IS NULL OR length(note) <= 1000),
    at DATETIME NOT NULL,
    UNIQUE (postId, reporterId)
);
CREATE TABLE session (
    tokenDigest TEXT PRIMARY KEY,
    userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
    createdAt DATETIME NOT NULL,
    expiresAt DATETIME NOT NULL
);
CREATE TABLE signUp (
    userId INTEGER PRIMARY KEY REFERENCES user(id) ON DELETE CASCADE,
    zoneId INTEGER NOT NULL REFERENCES zone(id),
    shopName TEXT NOT NULL CHECK (length(shopName) BETWEEN 1 AND 80),
    category TEXT NOT NULL,
    commune TEXT NOT NULL,
    postcode TEXT NOT NULL,
    createdAt DATETIME NOT NULL,
    verifiedAt DATETIME,
    decidedAt DATETIME,
    decidedBy INTEGER REFERENCES user(id),
    merchantId INTEGER REFERENCES merchant(id),
    reason TEXT
);
CREATE TABLE subscription (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email LIKE '%_@_%' AND length(email) <= 254),
    homeZoneId INTEGER NOT NULL REFERENCES zone(id),
    frequency TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
    categories TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(categories)),
    status TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
    createdAt DATETIME NOT NULL,
    updatedAt DATETIME NOT NULL,
    confirmedAt DATETIME,
    lastRequestMailAt DATETIME,
    lastDigestAt DATETIME,
    digestCount INTEGER NOT NULL DEFAULT 0, userId INTEGER REFERENCES user(id),
    CHECK (status <> 'confirmed' OR confirmedAt IS NOT NULL)
);
CREATE TABLE subscriptionZone (
    subscriptionId INTEGER NOT NULL REFERENCES subscription(id) ON DELETE CASCADE,
    zoneId INTEGER NOT NULL REFERENCES zone(id),
    PRIMARY KEY (subscriptionId, zoneId)
);
CREATE TABLE suppression (
    email TEXT PRIMARY KEY COLLATE NOCASE,
    reason TEXT NOT NULL,
    at DATETIME NOT NULL
);
CREATE TABLE throttleCount (
    subject TEXT PRIMARY KEY CHECK (length(subject) BETWEEN 1 AND 400),
    events INTEGER NOT NULL CHECK (events > 0),
    startedAt DATETIME NOT NULL,
    lastAt DATETIME NOT NULL,
    expiresAt DATETIME NOT NULL
);
CREATE TABLE user (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email LIKE '%_@_%'),
    displayName TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('operator', 'zone-admin', 'merchant', 'resident')),
    passwordHash TEXT NOT NULL,
    createdAt DATETIME NOT NULL
, status TEXT NOT NULL DEFAULT 'active'
    CHECK (status IN ('active', 'unverified', 'pending', 'refused', 'disabled')), deletedAt DATETIME);
CREATE TABLE userZone (
    userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
    zoneId INTEGER NOT NULL REFERENCES zone(id),
    PRIMARY KEY (userId, zoneId)
);
CREATE TABLE zone (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9-]*'),
    name TEXT NOT NULL CHECK (name <> ''),
    definition TEXT NOT NULL CHECK (json_valid(definition)),
    createdAt DATETIME NOT NULL,
    updatedAt DATETIME NOT NULL,
    retiredAt DATETIME
);
CREATE TABLE zoneRules (
    zoneId INTEGER PRIMARY KEY REFERENCES zone(id),
    rules TEXT NOT NULL CHECK (json_valid(rules)),
    updatedAt DATETIME NOT NULL,
    updatedBy INTEGER NOT NULL REFERENCES user(id)
);
CREATE INDEX accountToken_on_userId ON accountToken(userId, purpose);
CREATE INDEX auditEntry_on_zoneId ON auditEntry(zoneId, id);
CREATE INDEX bounce_on_outboxMessageId ON bounce(outboxMessageId);
CREATE INDEX bounce_on_recipient ON bounce(recipient, kind, at);
CREATE INDEX collectionWindow_merchant ON collectionWindow(merchantId, startsAt) WHERE removedAt IS NULL;
CREATE INDEX commune_on_foldedName ON commune(foldedName);
CREATE INDEX commune_on_postcode ON commune(postcode);
CREATE INDEX consentEvent_on_subscriptionId ON consentEvent(subscriptionId, id);
CREATE INDEX decision_on_postId ON decision(postId, id);
CREATE INDEX decision_on_zoneId_merchantId ON decision(zoneId, merchantId, id);
CREATE INDEX invitation_on_zoneId ON invitation(zoneId, createdAt);
CREATE INDEX listingClaim_on_merchantId ON listingClaim(merchantId, decidedAt);
CREATE UNIQUE INDEX listingClaim_one_open_per_person
    ON listingClaim(merchantId, userId) WHERE decidedAt IS NULL;
CREATE INDEX marketOffer_on_postId ON marketOffer(postId);
CREATE UNIQUE INDEX marketPhoto_market ON marketPhoto(marketId);
CREATE INDEX marketPhoto_photo ON marketPhoto(photoHash);
CREATE INDEX market_on_zoneId ON market(zoneId, endsAt);
CREATE INDEX merchantPhoto_merchant ON merchantPhoto(merchantId, role, id);
CREATE UNIQUE INDEX merchantPhoto_oneLogo ON merchantPhoto(merchantId) WHERE role = 'logo';
CREATE INDEX merchantPhoto_photo ON merchantPhoto(photoHash);
CREATE INDEX merchantZone_on_zoneId ON merchantZone(zoneId);
CREATE INDEX merchant_on_communeKey ON merchant(communeKey, name);
CREATE INDEX merchant_on_confirmedAt ON merchant(confirmedAt);
CREATE INDEX merchant_on_nameKey ON merchant(nameKey, id);
CREATE INDEX merchant_on_ownerId ON merchant(ownerId);
CREATE INDEX orderLine_product ON orderLine(productId);
CREATE INDEX orderRequest_campaign ON orderRequest(campaignId, status);
CREATE INDEX orderRequest_email ON orderRequest(email, status);
CREATE INDEX orderRequest_merchant ON orderRequest(merchantId, status, id);
CREATE INDEX orderRequest_open ON orderRequest(status, answerBy, confirmBy);
CREATE INDEX orderRequest_user ON orderRequest(userId, status);
CREATE INDEX orderRequest_window ON orderRequest(windowId, status);
CREATE INDEX outboxMessage_on_recipient ON outboxMessage(recipient, status);
CREATE INDEX outboxMessage_on_status_nextAttemptAt ON outboxMessage(status, nextAttemptAt, id);
CREATE INDEX outboxMessage_on_subscriptionId ON outboxMessage(subscriptionId, status);
CREATE INDEX popUpBooking_on_merchantId_status ON popUpBooking(merchantId, status);
CREATE INDEX popUpBooking_on_slotId_status ON popUpBooking(slotId, status, id);
CREATE INDEX popUpBooking_on_status_offerExpiresAt ON popUpBooking(status, offerExpiresAt);
CREATE UNIQUE INDEX popUpBooking_one_live_per_merchant ON popUpBooking(slotId, merchantId)
    WHERE status IN ('requested', 'confirmed', 'waiting', 'offered');
CREATE INDEX popUpSlot_on_seriesId ON popUpSlot(seriesId, startsAt);
CREATE INDEX popUpSlot_on_startsAt ON popUpSlot(startsAt);
CREATE INDEX popUpSlot_on_venueId ON popUpSlot(venueId, startsAt);
CREATE INDEX popUpVenuePhoto_photo ON popUpVenuePhoto(photoHash);
CREATE UNIQUE INDEX popUpVenuePhoto_venue ON popUpVenuePhoto(venueId);
CREATE INDEX popUpVenue_on_zoneId ON popUpVenue(zoneId, name);
CREATE INDEX postPhoto_photo ON postPhoto(photoHash);
CREATE INDEX postPhoto_post ON postPhoto(postId, id);
CREATE INDEX post_on_merchantId ON post(merchantId, id);
CREATE INDEX post_on_status_publishAt ON post(status, publishAt);
CREATE INDEX post_on_status_validUntil ON post(status, validUntil);
CREATE INDEX post_on_zoneId_merchantId ON post(zoneId, merchantId, id);
CREATE INDEX post_on_zoneId_status ON post(zoneId, status, id);
CREATE INDEX preOrderCampaign_merchant ON preOrderCampaign(merchantId, closesAt);
CREATE INDEX productPhoto_photo ON productPhoto(photoHash);
CREATE INDEX productPhoto_product ON productPhoto(productId, id);
CREATE INDEX product_createdAt ON product(createdAt) WHERE removedAt IS NULL;
CREATE INDEX product_merchant ON product(merchantId, position, id) WHERE removedAt IS NULL;
CREATE INDEX session_on_userId ON session(userId);
CREATE INDEX signUp_on_zoneId ON signUp(zoneId, decidedAt);
CREATE INDEX subscription_on_status_frequency ON subscription(status, frequency, homeZoneId, id);
CREATE INDEX subscription_on_userId ON subscription(userId);
CREATE INDEX throttleCount_on_expiresAt ON throttleCount(expiresAt);
