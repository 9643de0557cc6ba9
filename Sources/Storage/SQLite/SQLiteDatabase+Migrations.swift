import GRDB

extension SQLiteDatabase {
    /// Frozen history: a landed migration is never edited; a change is a new migration.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation") { db in
            try db.execute(sql: foundationSchema)
        }
        migrator.registerMigration("v2-moderation") { db in
            try db.execute(sql: moderationSchema)
        }
        migrator.registerMigration("v3-reports") { db in
            try db.execute(sql: reportsSchema)
        }
        migrator.registerMigration("v4-mail") { db in
            try db.execute(sql: mailSchema)
        }
        migrator.registerMigration("v5-pop-ups") { db in
            try db.execute(sql: popUpSchema)
        }
        migrator.registerMigration("v6-directory", migrate: migrateDirectory)
        migrator.registerMigration("v7-name-order", migrate: migrateNameOrder)
        migrator.registerMigration("v8-throttles") { db in
            try db.execute(sql: throttleSchema)
        }
        migrator.registerMigration("v9-membership") { db in
            try db.execute(sql: membershipSchema)
        }
        migrator.registerMigration("v10-joining") { db in
            try db.execute(sql: joiningSchema)
        }
        migrator.registerMigration("v11-notices") { db in
            try db.execute(sql: noticesSchema)
        }
        migrator.registerMigration("v12-bounces") { db in
            try db.execute(sql: bouncesSchema)
        }
        migrator.registerMigration("v13-reach") { db in
            try db.execute(sql: reachSchema)
        }
        migrator.registerMigration("v14-decisions") { db in
            try db.execute(sql: decisionsSchema)
        }
        migrator.registerMigration("v15-photos") { db in
            try db.execute(sql: photosSchema)
        }
        migrator.registerMigration("v16-catalogue") { db in
            try db.execute(sql: catalogueSchema)
        }
        migrator.registerMigration("v17-orders") { db in
            try db.execute(sql: ordersSchema)
        }
        migrator.registerMigration("v18-place-photos") { db in
            try db.execute(sql: placePhotosSchema)
        }
        return migrator
    }

    /// Merchants listed in French alphabetical order: by `nameKey`, the folded name ("Épicerie" between "Droguerie"
    /// and "Fromagerie", not after "Vélo" as the bytes of "É" would put it).
    static func migrateNameOrder(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE merchant ADD COLUMN nameKey TEXT NOT NULL DEFAULT ''")
        // Folded in Swift, as the stores fold it on every write (SQLite's lower() knows only ASCII).
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM merchant") {
            let name: String = row["name"]
            try db.execute(sql: "UPDATE merchant SET nameKey = ? WHERE id = ?", arguments: [name.folded, row["id"]])
        }
        try db.execute(sql: "CREATE INDEX merchant_on_nameKey ON merchant(nameKey, id)")
    }
}

/// Rate limit and sign-in lockout counts, in the database so that every process serving the hub counts together.
/// Short-lived: expired rows are deleted as counts are made, and a hub moved to another database starts afresh.
private let throttleSchema = """
    CREATE TABLE throttleCount (
        subject TEXT PRIMARY KEY CHECK (length(subject) BETWEEN 1 AND 400),
        events INTEGER NOT NULL CHECK (events > 0),
        startedAt DATETIME NOT NULL,
        lastAt DATETIME NOT NULL,
        expiresAt DATETIME NOT NULL
    );
    CREATE INDEX throttleCount_on_expiresAt ON throttleCount(expiresAt);
    """

private let foundationSchema = """
    CREATE TABLE zone (
        id INTEGER PRIMARY KEY,
        slug TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9-]*'),
        name TEXT NOT NULL CHECK (name <> ''),
        definition TEXT NOT NULL CHECK (json_valid(definition)),
        createdAt DATETIME NOT NULL,
        updatedAt DATETIME NOT NULL,
        retiredAt DATETIME
    );
    CREATE TABLE commune (
        id INTEGER PRIMARY KEY,
        zoneId INTEGER NOT NULL REFERENCES zone(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        foldedName TEXT NOT NULL,
        postcode TEXT NOT NULL CHECK (length(postcode) = 5 AND postcode NOT GLOB '*[^0-9]*'),
        UNIQUE (zoneId, foldedName, postcode)
    );
    CREATE INDEX commune_on_postcode ON commune(postcode);
    CREATE INDEX commune_on_foldedName ON commune(foldedName);

    CREATE TABLE user (
        id INTEGER PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (email LIKE '%_@_%'),
        displayName TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('operator', 'zone-admin', 'merchant', 'resident')),
        passwordHash TEXT NOT NULL,
        createdAt DATETIME NOT NULL
    );
    CREATE TABLE userZone (
        userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
        zoneId INTEGER NOT NULL REFERENCES zone(id),
        PRIMARY KEY (userId, zoneId)
    );
    CREATE TABLE session (
        tokenDigest TEXT PRIMARY KEY,
        userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
        createdAt DATETIME NOT NULL,
        expiresAt DATETIME NOT NULL
    );
    CREATE INDEX session_on_userId ON session(userId);

    CREATE TABLE merchant (
        id INTEGER PRIMARY KEY,
        ownerId INTEGER NOT NULL REFERENCES user(id),
        slug TEXT NOT NULL UNIQUE CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9-]*'),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        profile TEXT NOT NULL CHECK (json_valid(profile)),
        siret TEXT UNIQUE CHECK (siret IS NULL OR (length(siret) = 14 AND siret NOT GLOB '*[^0-9]*')),
        createdAt DATETIME NOT NULL,
        updatedAt DATETIME NOT NULL
    );
    CREATE INDEX merchant_on_ownerId ON merchant(ownerId);
    CREATE TABLE merchantZone (
        merchantId INTEGER NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
        zoneId INTEGER NOT NULL REFERENCES zone(id),
        PRIMARY KEY (merchantId, zoneId)
    );
    CREATE INDEX merchantZone_on_zoneId ON merchantZone(zoneId);
    CREATE TABLE merchantCategory (
        merchantId INTEGER NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
        category TEXT NOT NULL,
        PRIMARY KEY (merchantId, category)
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
    CREATE INDEX post_on_zoneId_status ON post(zoneId, status, id);
    CREATE INDEX post_on_merchantId ON post(merchantId, id);
    CREATE INDEX post_on_status_validUntil ON post(status, validUntil);
    CREATE INDEX post_on_status_publishAt ON post(status, publishAt);

    CREATE TABLE auditEntry (
        id INTEGER PRIMARY KEY,
        at DATETIME NOT NULL,
        actorId INTEGER REFERENCES user(id),
        zoneId INTEGER REFERENCES zone(id),
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
    );
    CREATE INDEX auditEntry_on_zoneId ON auditEntry(zoneId, id);
    CREATE TRIGGER auditEntry_is_append_only_update BEFORE UPDATE ON auditEntry
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER auditEntry_is_append_only_delete BEFORE DELETE ON auditEntry
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    """

private let moderationSchema = """
    ALTER TABLE merchant ADD COLUMN contactChangedAt DATETIME;

    CREATE TABLE zoneRules (
        zoneId INTEGER PRIMARY KEY REFERENCES zone(id),
        rules TEXT NOT NULL CHECK (json_valid(rules)),
        updatedAt DATETIME NOT NULL,
        updatedBy INTEGER NOT NULL REFERENCES user(id)
    );
    CREATE TABLE merchantTrust (
        merchantId INTEGER NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
        zoneId INTEGER NOT NULL REFERENCES zone(id),
        setting TEXT NOT NULL CHECK (setting IN ('granted', 'revoked')),
        updatedAt DATETIME NOT NULL,
        updatedBy INTEGER NOT NULL REFERENCES user(id),
        PRIMARY KEY (merchantId, zoneId)
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
    CREATE INDEX decision_on_postId ON decision(postId, id);
    CREATE INDEX decision_on_zoneId_merchantId ON decision(zoneId, merchantId, id);
    CREATE TRIGGER decision_is_append_only_update BEFORE UPDATE ON decision
    BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
    CREATE TRIGGER decision_is_append_only_delete BEFORE DELETE ON decision
    BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
    CREATE INDEX post_on_zoneId_merchantId ON post(zoneId, merchantId, id);
    """

private let reportsSchema = """
    CREATE TABLE report (
        id INTEGER PRIMARY KEY,
        postId INTEGER NOT NULL REFERENCES post(id),
        reporterId INTEGER NOT NULL REFERENCES user(id),
        reason TEXT NOT NULL CHECK (reason IN ('illegal', 'scam', 'misleading', 'offensive', 'spam', 'other')),
        note TEXT CHECK (note IS NULL OR length(note) <= 1000),
        at DATETIME NOT NULL,
        UNIQUE (postId, reporterId)
    );
    """

private let mailSchema = """
    CREATE TABLE hubSecret (
        name TEXT PRIMARY KEY,
        value BLOB NOT NULL CHECK (length(value) >= 32)
    );
    INSERT INTO hubSecret (name, value) VALUES ('links', randomblob(32));

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
        digestCount INTEGER NOT NULL DEFAULT 0,
        CHECK (status <> 'confirmed' OR confirmedAt IS NOT NULL)
    );
    CREATE INDEX subscription_on_status_frequency ON subscription(status, frequency, homeZoneId, id);
    CREATE TABLE subscriptionZone (
        subscriptionId INTEGER NOT NULL REFERENCES subscription(id) ON DELETE CASCADE,
        zoneId INTEGER NOT NULL REFERENCES zone(id),
        PRIMARY KEY (subscriptionId, zoneId)
    );
    CREATE TABLE consentEvent (
        id INTEGER PRIMARY KEY,
        subscriptionId INTEGER NOT NULL REFERENCES subscription(id),
        action TEXT NOT NULL CHECK (action IN ('requested', 'confirmed', 'changed', 'unsubscribed')),
        wording TEXT NOT NULL,
        source TEXT NOT NULL,
        at DATETIME NOT NULL
    );
    CREATE INDEX consentEvent_on_subscriptionId ON consentEvent(subscriptionId, id);
    CREATE TRIGGER consentEvent_is_append_only_update BEFORE UPDATE ON consentEvent
    BEGIN SELECT RAISE(ABORT, 'consent records are append-only'); END;
    CREATE TRIGGER consentEvent_is_append_only_delete BEFORE DELETE ON consentEvent
    BEGIN SELECT RAISE(ABORT, 'consent records are append-only'); END;

    CREATE TABLE suppression (
        email TEXT PRIMARY KEY COLLATE NOCASE,
        reason TEXT NOT NULL,
        at DATETIME NOT NULL
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
    CREATE INDEX outboxMessage_on_status_nextAttemptAt ON outboxMessage(status, nextAttemptAt, id);
    CREATE INDEX outboxMessage_on_recipient ON outboxMessage(recipient, status);
    CREATE INDEX outboxMessage_on_subscriptionId ON outboxMessage(subscriptionId, status);

    CREATE TABLE digestRun (
        zoneId INTEGER NOT NULL REFERENCES zone(id),
        frequency TEXT NOT NULL CHECK (frequency IN ('daily', 'weekly')),
        scheduledFor DATETIME NOT NULL,
        startedAt DATETIME NOT NULL,
        PRIMARY KEY (zoneId, frequency, scheduledFor)
    );
    """
