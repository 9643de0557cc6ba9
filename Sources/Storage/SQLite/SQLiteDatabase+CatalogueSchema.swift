/// The `v16-catalogue` migration (issue 23): merchants' products. A product belongs to one merchant, has a price in
/// cents per unit, an availability (in stock, to order, or seasonal between two dates written `YYYY-MM-DD`), a
/// category the merchant names (the shelf it sits on in the shop's list) and a position in that list. A removed
/// product keeps its row (`removedAt`), so that what refers to it later (order requests, pre-order campaigns) keeps
/// its name and price. `productPhoto` places photos of the photo store on a product, as `merchantPhoto` does on a
/// merchant. Frozen history once landed.
let catalogueSchema = """
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
    CREATE INDEX product_merchant ON product(merchantId, position, id) WHERE removedAt IS NULL;
    CREATE INDEX product_createdAt ON product(createdAt) WHERE removedAt IS NULL;
    CREATE TABLE productPhoto (
        id INTEGER PRIMARY KEY,
        productId INTEGER NOT NULL REFERENCES product(id) ON DELETE CASCADE,
        photoHash TEXT NOT NULL REFERENCES photo(hash),
        alt TEXT NOT NULL CHECK (length(trim(alt)) BETWEEN 1 AND 300),
        addedAt DATETIME NOT NULL
    );
    CREATE INDEX productPhoto_product ON productPhoto(productId, id);
    CREATE INDEX productPhoto_photo ON productPhoto(photoHash);
    """
