/// The `v15-photos` migration (issue 21): photos uploaded to the hub, kept in the database so that backups, exports
/// and every `serve` process on one database see the same ones. `photo` holds each image once, keyed by the
/// SHA-256 of its stored bytes (decoded, stripped of metadata and re-encoded at 2,048 px at most); `photoVariant`
/// its narrower copies for lists and pages. `merchantPhoto` places photos on a merchant's page (one logo, up to six
/// of the shop), `postPhoto` on a post (up to four), each with the text read in its place (`alt`). A photo no
/// longer placed anywhere is deleted with the last placement. Frozen history once landed.
let photosSchema = """
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
    CREATE TABLE merchantPhoto (
        id INTEGER PRIMARY KEY,
        merchantId INTEGER NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
        photoHash TEXT NOT NULL REFERENCES photo(hash),
        role TEXT NOT NULL CHECK (role IN ('logo', 'shop')),
        alt TEXT NOT NULL CHECK (length(trim(alt)) BETWEEN 1 AND 300),
        addedAt DATETIME NOT NULL
    );
    CREATE INDEX merchantPhoto_merchant ON merchantPhoto(merchantId, role, id);
    CREATE UNIQUE INDEX merchantPhoto_oneLogo ON merchantPhoto(merchantId) WHERE role = 'logo';
    CREATE INDEX merchantPhoto_photo ON merchantPhoto(photoHash);
    CREATE TABLE postPhoto (
        id INTEGER PRIMARY KEY,
        postId INTEGER NOT NULL REFERENCES post(id) ON DELETE CASCADE,
        photoHash TEXT NOT NULL REFERENCES photo(hash),
        alt TEXT NOT NULL CHECK (length(trim(alt)) BETWEEN 1 AND 300),
        addedAt DATETIME NOT NULL
    );
    CREATE INDEX postPhoto_post ON postPhoto(postId, id);
    CREATE INDEX postPhoto_photo ON postPhoto(photoHash);
    """
