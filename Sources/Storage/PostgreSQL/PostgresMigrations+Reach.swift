// The PostgreSQL `v15-reach` migration, as SQLite's `v13-reach`: merchants' reach per day (Europe/Paris), sums only.
// Frozen history once landed.

extension PostgresMigrations {
    /// Per-day sums of each post's views, feed fetches and digests, and of each listing's views and link clicks; no
    /// address, user agent or cookie is stored.
    static let reach = """
        CREATE TABLE postReach (
            postId bigint NOT NULL REFERENCES post(id) ON DELETE CASCADE,
            day text NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
            views bigint NOT NULL DEFAULT 0 CHECK (views >= 0),
            feedFetches bigint NOT NULL DEFAULT 0 CHECK (feedFetches >= 0),
            digests bigint NOT NULL DEFAULT 0 CHECK (digests >= 0),
            PRIMARY KEY (postId, day)
        );
        CREATE TABLE listingReach (
            merchantId bigint NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
            day text NOT NULL CHECK (day ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
            views bigint NOT NULL DEFAULT 0 CHECK (views >= 0),
            clicks bigint NOT NULL DEFAULT 0 CHECK (clicks >= 0),
            PRIMARY KEY (merchantId, day)
        );
        """
}
