/// The `v13-reach` migration (issue 22): merchants' reach, counted per day (Europe/Paris, `YYYY-MM-DD`) without
/// tracking anyone. `postReach` holds each post's page views, the feed fetches of the feeds that carried it and the
/// digests that carried it; `listingReach` each merchant page's views and the clicks on its links through `/go/`.
/// Only sums are stored: no address, no user agent, no cookie, no visitor of any kind. Several processes add their
/// counts to the same row (`ON CONFLICT … DO UPDATE SET views = views + …`).
let reachSchema = """
    CREATE TABLE postReach (
        postId INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,
        day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        views INTEGER NOT NULL DEFAULT 0 CHECK (views >= 0),
        feedFetches INTEGER NOT NULL DEFAULT 0 CHECK (feedFetches >= 0),
        digests INTEGER NOT NULL DEFAULT 0 CHECK (digests >= 0),
        PRIMARY KEY (postId, day)
    );
    CREATE TABLE listingReach (
        merchantId INTEGER NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
        day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        views INTEGER NOT NULL DEFAULT 0 CHECK (views >= 0),
        clicks INTEGER NOT NULL DEFAULT 0 CHECK (clicks >= 0),
        PRIMARY KEY (merchantId, day)
    );
    """
