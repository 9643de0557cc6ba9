// The `v11-membership` migration, as SQLite's `v9-membership`: account statuses, single-use links, sign-ups.
// Frozen history.

extension PostgresMigrations {
    static let membership = """
        ALTER TABLE "user" ADD COLUMN status text NOT NULL DEFAULT 'active'
            CHECK (status IN ('active', 'unverified', 'pending', 'refused', 'disabled'));
        CREATE TABLE accountToken (
            digest text PRIMARY KEY,
            purpose text NOT NULL CHECK (purpose IN ('verify', 'reset', 'email')),
            userId bigint NOT NULL REFERENCES "user"(id) ON DELETE CASCADE,
            createdAt timestamptz NOT NULL,
            expiresAt timestamptz NOT NULL,
            newEmail text
        );
        CREATE INDEX accountToken_on_userId ON accountToken(userId, purpose);
        CREATE TABLE signUp (
            userId bigint PRIMARY KEY REFERENCES "user"(id) ON DELETE CASCADE,
            zoneId bigint NOT NULL REFERENCES zone(id),
            shopName text NOT NULL CHECK (char_length(shopName) BETWEEN 1 AND 80),
            category text NOT NULL,
            commune text NOT NULL,
            postcode text NOT NULL,
            createdAt timestamptz NOT NULL,
            verifiedAt timestamptz,
            decidedAt timestamptz,
            decidedBy bigint REFERENCES "user"(id),
            merchantId bigint REFERENCES merchant(id),
            reason text
        );
        CREATE INDEX signUp_on_zoneId ON signUp(zoneId, decidedAt);
        """
}
