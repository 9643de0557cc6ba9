import GRDB

extension SQLiteDatabase {
    /// The directory: full-text indexes kept in step by triggers, listing confirmation, seasonal markets.
    static func migrateDirectory(_ db: Database) throws {
        try db.execute(sql: merchantColumns)
        // The folded commune is computed in Swift (SQLite's lower() knows only ASCII), once for existing rows.
        for row in try Row.fetchAll(db, sql: "SELECT id, json_extract(profile, '$.commune') AS commune FROM merchant") {
            let commune: String = row["commune"] ?? ""
            try db.execute(
                sql: "UPDATE merchant SET communeKey = ? WHERE id = ?", arguments: [commune.folded, row["id"]])
        }
        try db.execute(sql: directorySchema)
        try db.execute(sql: "INSERT INTO merchantSearch (rowid, name, body, place, facets) \(merchantDocument)")
        try db.execute(
            sql: """
                INSERT INTO postSearch (rowid, title, body, place, facets) \(postDocument)
                WHERE p.status = 'published'
                """)
    }
}

/// `œ` and `æ` are letters of their own to SQLite's tokenizer; searches type them as "oe" and "ae".
private func fold(_ expression: String) -> String {
    "replace(replace(replace(replace(\(expression), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE')"
}

// Entries have the negated id as rowid: FTS5 walks a term's entries in ascending rowid order lazily, and newest
// first is what a bounded search wants, while a descending walk reads the term's whole list first.

/// A merchant as indexed: name, description and categories, place, and filter tokens (`kd` kind, `zn` zone,
/// `ct` category, `cm` commune) that only filters match.
let merchantDocument = """
    SELECT -m.id, \(fold("m.name")),
      \(fold("json_extract(m.profile, '$.description')")) || ' ' ||
        coalesce((SELECT group_concat(category, ' ') FROM merchantCategory WHERE merchantId = m.id), ''),
      \(fold("json_extract(m.profile, '$.commune') || ' ' || json_extract(m.profile, '$.postcode') || ' ' || json_extract(m.profile, '$.address')")),
      'kdmerchant cm' || replace(m.communeKey, ' ', '') ||
        coalesce((SELECT group_concat(' zn' || zoneId, '') FROM merchantZone WHERE merchantId = m.id), '') ||
        coalesce((SELECT group_concat(' ct' || replace(category, '-', ''), '') FROM merchantCategory
          WHERE merchantId = m.id), '')
    FROM merchant m
    """

/// A post as indexed: title, body and category, its merchant's name and commune, and filter tokens.
let postDocument = """
    SELECT -p.id, \(fold("p.title")), \(fold("p.body")) || ' ' || p.category,
      \(fold("m.name || ' ' || json_extract(m.profile, '$.commune')")),
      'kd' || p.kind || ' zn' || p.zoneId || ' ct' || replace(p.category, '-', '') || ' cm' ||
        replace(m.communeKey, ' ', '')
    FROM post p JOIN merchant m ON m.id = p.merchantId
    """

private func reindexMerchant(_ id: String) -> String {
    """
    DELETE FROM merchantSearch WHERE rowid = -\(id);
    INSERT INTO merchantSearch (rowid, name, body, place, facets) \(merchantDocument) WHERE m.id = \(id);
    """
}

private let merchantColumns = """
    ALTER TABLE merchant ADD COLUMN communeKey TEXT NOT NULL DEFAULT '';
    ALTER TABLE merchant ADD COLUMN confirmedAt DATETIME;
    ALTER TABLE merchant ADD COLUMN confirmReminderAt DATETIME;
    UPDATE merchant SET confirmedAt = updatedAt;
    """

private let directorySchema = """

    CREATE VIRTUAL TABLE merchantSearch USING fts5(
        name, body, place, facets, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5');
    CREATE VIRTUAL TABLE postSearch USING fts5(
        title, body, place, facets, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5');

    -- Only published posts are indexed; an expired, withdrawn, held or removed post leaves the index with the
    -- status change that ends it, whichever code path writes it.
    CREATE TRIGGER post_search_insert AFTER INSERT ON post WHEN NEW.status = 'published'
    BEGIN
        INSERT INTO postSearch (rowid, title, body, place, facets) \(postDocument) WHERE p.id = NEW.id;
    END;
    CREATE TRIGGER post_search_update AFTER UPDATE OF title, body, category, kind, zoneId, merchantId, status ON post
    BEGIN
        DELETE FROM postSearch WHERE rowid = -OLD.id;
        INSERT INTO postSearch (rowid, title, body, place, facets) \(postDocument)
        WHERE p.id = NEW.id AND p.status = 'published';
    END;
    CREATE TRIGGER post_search_delete AFTER DELETE ON post
    BEGIN
        DELETE FROM postSearch WHERE rowid = -OLD.id;
    END;

    CREATE TRIGGER merchant_search_insert AFTER INSERT ON merchant
    BEGIN
        \(reindexMerchant("NEW.id"))
    END;
    -- A merchant's name and commune are part of its posts' entries too.
    CREATE TRIGGER merchant_search_update AFTER UPDATE OF name, profile, communeKey ON merchant
    BEGIN
        \(reindexMerchant("NEW.id"))
        DELETE FROM postSearch WHERE rowid IN (SELECT -id FROM post WHERE merchantId = NEW.id);
        INSERT INTO postSearch (rowid, title, body, place, facets) \(postDocument)
        WHERE p.merchantId = NEW.id AND p.status = 'published';
    END;
    CREATE TRIGGER merchant_search_delete AFTER DELETE ON merchant
    BEGIN
        DELETE FROM merchantSearch WHERE rowid = -OLD.id;
    END;
    CREATE TRIGGER merchantZone_search_insert AFTER INSERT ON merchantZone
    BEGIN
        \(reindexMerchant("NEW.merchantId"))
    END;
    CREATE TRIGGER merchantZone_search_delete AFTER DELETE ON merchantZone
    BEGIN
        \(reindexMerchant("OLD.merchantId"))
    END;
    CREATE TRIGGER merchantCategory_search_insert AFTER INSERT ON merchantCategory
    BEGIN
        \(reindexMerchant("NEW.merchantId"))
    END;
    CREATE TRIGGER merchantCategory_search_delete AFTER DELETE ON merchantCategory
    BEGIN
        \(reindexMerchant("OLD.merchantId"))
    END;
    CREATE INDEX merchant_on_confirmedAt ON merchant(confirmedAt);
    CREATE INDEX merchant_on_communeKey ON merchant(communeKey, name);

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
    CREATE INDEX market_on_zoneId ON market(zoneId, endsAt);
    CREATE TABLE marketApplication (
        id INTEGER PRIMARY KEY,
        marketId INTEGER NOT NULL REFERENCES market(id),
        merchantId INTEGER NOT NULL REFERENCES merchant(id),
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
        note TEXT CHECK (note IS NULL OR length(note) <= 1000),
        createdAt DATETIME NOT NULL,
        updatedAt DATETIME NOT NULL,
        decidedBy INTEGER REFERENCES user(id),
        decidedAt DATETIME,
        UNIQUE (marketId, merchantId),
        CHECK (status NOT IN ('approved', 'rejected') OR decidedBy IS NOT NULL)
    );
    CREATE TABLE marketOffer (
        applicationId INTEGER NOT NULL REFERENCES marketApplication(id) ON DELETE CASCADE,
        postId INTEGER NOT NULL REFERENCES post(id),
        PRIMARY KEY (applicationId, postId)
    );
    CREATE INDEX marketOffer_on_postId ON marketOffer(postId);
    """
