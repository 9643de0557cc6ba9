/// The `v10-joining` migration: the rest of joining. Zone admins and operators invite people by mail; a listing
/// imported or created by an admin can be claimed by its shop (by a link mailed to the listing's own address, or by
/// a request an admin approves); residents have accounts, and a digest subscription of their address is attached to
/// it; an account can be deleted (its row kept with its id, for the append-only audit log, but emptied) and a
/// deleted merchant's listings hidden from every public list.
let joiningSchema = """
    ALTER TABLE user ADD COLUMN deletedAt DATETIME;
    ALTER TABLE merchant ADD COLUMN claimable INTEGER NOT NULL DEFAULT 0 CHECK (claimable IN (0, 1));
    ALTER TABLE merchant ADD COLUMN hiddenAt DATETIME;
    UPDATE merchant SET claimable = 1 WHERE ownerId IN (SELECT id FROM user WHERE role <> 'merchant');
    ALTER TABLE subscription ADD COLUMN userId INTEGER REFERENCES user(id);
    CREATE INDEX subscription_on_userId ON subscription(userId);

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
    CREATE INDEX invitation_on_zoneId ON invitation(zoneId, createdAt);

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
    CREATE UNIQUE INDEX listingClaim_one_open_per_person
        ON listingClaim(merchantId, userId) WHERE decidedAt IS NULL;
    CREATE INDEX listingClaim_on_merchantId ON listingClaim(merchantId, decidedAt);
    """
