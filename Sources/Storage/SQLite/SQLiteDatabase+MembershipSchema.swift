/// The `v9-membership` migration: people join on their own. An account now has a status (a sign-up is unverified,
/// then waits for its zone's admins where the zone asks for that); single-use links (address verification,
/// password reset, a new address) are kept as digests, never as the token mailed; a merchant's sign-up keeps the shop it asked for
/// until the account is approved and the shop's profile created.
let membershipSchema = """
    ALTER TABLE user ADD COLUMN status TEXT NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'unverified', 'pending', 'refused', 'disabled'));
    CREATE TABLE accountToken (
        digest TEXT PRIMARY KEY,
        purpose TEXT NOT NULL CHECK (purpose IN ('verify', 'reset', 'email')),
        userId INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
        createdAt DATETIME NOT NULL,
        expiresAt DATETIME NOT NULL,
        newEmail TEXT
    );
    CREATE INDEX accountToken_on_userId ON accountToken(userId, purpose);
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
    CREATE INDEX signUp_on_zoneId ON signUp(zoneId, decidedAt);
    """
