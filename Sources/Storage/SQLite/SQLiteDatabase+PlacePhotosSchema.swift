/// The `v18-place-photos` migration (issue 21): one photo on a pop-up venue (`popUpVenuePhoto`, placed by the zone's
/// organisers) and one on a seasonal market (`marketPhoto`, placed by the zone's admins), each with the text read in
/// its place (`alt`), as `merchantPhoto` places a merchant's logo. A unique index keeps one photo per venue and per
/// market; the photo itself is the photo store's, deleted with its last placement. Frozen history once landed.
let placePhotosSchema = """
    CREATE TABLE popUpVenuePhoto (
        id INTEGER PRIMARY KEY,
        venueId INTEGER NOT NULL REFERENCES popUpVenue(id) ON DELETE CASCADE,
        photoHash TEXT NOT NULL REFERENCES photo(hash),
        alt TEXT NOT NULL CHECK (length(trim(alt)) BETWEEN 1 AND 300),
        addedAt DATETIME NOT NULL
    );
    CREATE UNIQUE INDEX popUpVenuePhoto_venue ON popUpVenuePhoto(venueId);
    CREATE INDEX popUpVenuePhoto_photo ON popUpVenuePhoto(photoHash);
    CREATE TABLE marketPhoto (
        id INTEGER PRIMARY KEY,
        marketId INTEGER NOT NULL REFERENCES market(id) ON DELETE CASCADE,
        photoHash TEXT NOT NULL REFERENCES photo(hash),
        alt TEXT NOT NULL CHECK (length(trim(alt)) BETWEEN 1 AND 300),
        addedAt DATETIME NOT NULL
    );
    CREATE UNIQUE INDEX marketPhoto_market ON marketPhoto(marketId);
    CREATE INDEX marketPhoto_photo ON marketPhoto(photoHash);
    """
