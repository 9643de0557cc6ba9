/// Statuses of an order request that hold a place in its collection window.
private let holding = "('requested', 'accepted', 'ready', 'collected', 'not-collected')"
/// Statuses an order request never leaves.
private let final = "('refused', 'collected', 'not-collected', 'expired', 'cancelled')"

/// The `v17-orders` migration (issue 23): merchants' collection windows, residents' order requests and their lines,
/// and holiday pre-order campaigns with a quantity per product. The database guards what must never break: requests
/// holding a place never outnumber their window's capacity (the triggers below), a campaign never promises more
/// units of a product than its quantity (`promised` checked against `quantity`), and a finished request never comes
/// back. A request names its resident by account or, for a guest, by email address with the hash of the token mailed
/// to them. Frozen history once landed.
let ordersSchema = """
    CREATE TABLE collectionWindow (
        id INTEGER PRIMARY KEY,
        merchantId INTEGER NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
        startsAt DATETIME NOT NULL,
        endsAt DATETIME NOT NULL,
        capacity INTEGER NOT NULL CHECK (capacity BETWEEN 1 AND 500),
        createdAt DATETIME NOT NULL,
        removedAt DATETIME,
        CHECK (startsAt < endsAt)
    );
    CREATE INDEX collectionWindow_merchant ON collectionWindow(merchantId, startsAt) WHERE removedAt IS NULL;
    CREATE TABLE preOrderCampaign (
        id INTEGER PRIMARY KEY,
        merchantId INTEGER NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
        title TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 120),
        description TEXT NOT NULL CHECK (length(description) <= 2000),
        closesAt DATETIME NOT NULL,
        collectFrom DATETIME NOT NULL,
        collectUntil DATETIME NOT NULL,
        createdAt DATETIME NOT NULL,
        CHECK (closesAt <= collectFrom AND collectFrom < collectUntil)
    );
    CREATE INDEX preOrderCampaign_merchant ON preOrderCampaign(merchantId, closesAt);
    CREATE TABLE campaignProduct (
        campaignId INTEGER NOT NULL REFERENCES preOrderCampaign(id) ON DELETE CASCADE,
        productId INTEGER NOT NULL REFERENCES product(id),
        position INTEGER NOT NULL CHECK (position >= 0),
        quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
        promised INTEGER NOT NULL DEFAULT 0 CHECK (promised >= 0 AND promised <= quantity),
        PRIMARY KEY (campaignId, productId)
    );
    CREATE TABLE orderRequest (
        id INTEGER PRIMARY KEY,
        merchantId INTEGER NOT NULL REFERENCES merchant(id) ON DELETE CASCADE,
        windowId INTEGER REFERENCES collectionWindow(id),
        campaignId INTEGER REFERENCES preOrderCampaign(id),
        userId INTEGER REFERENCES user(id) ON DELETE SET NULL,
        email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        residentName TEXT NOT NULL CHECK (length(trim(residentName)) BETWEEN 1 AND 80),
        note TEXT NOT NULL CHECK (length(note) <= 500),
        status TEXT NOT NULL CHECK (status IN ('unconfirmed', 'requested', 'accepted', 'refused', 'ready',
            'collected', 'not-collected', 'expired', 'cancelled')),
        reason TEXT CHECK (reason IS NULL OR length(reason) <= 500),
        tokenHash TEXT UNIQUE,
        confirmBy DATETIME,
        answerBy DATETIME,
        createdAt DATETIME NOT NULL,
        updatedAt DATETIME NOT NULL,
        CHECK ((windowId IS NULL) <> (campaignId IS NULL)),
        CHECK (status <> 'refused' OR length(trim(reason)) >= 1),
        CHECK (status <> 'unconfirmed' OR (tokenHash IS NOT NULL AND confirmBy IS NOT NULL))
    );
    CREATE INDEX orderRequest_merchant ON orderRequest(merchantId, status, id);
    CREATE INDEX orderRequest_window ON orderRequest(windowId, status);
    CREATE INDEX orderRequest_campaign ON orderRequest(campaignId, status);
    CREATE INDEX orderRequest_user ON orderRequest(userId, status);
    CREATE INDEX orderRequest_email ON orderRequest(email, status);
    CREATE INDEX orderRequest_open ON orderRequest(status, answerBy, confirmBy);
    CREATE TABLE orderLine (
        id INTEGER PRIMARY KEY,
        orderId INTEGER NOT NULL REFERENCES orderRequest(id) ON DELETE CASCADE,
        productId INTEGER NOT NULL REFERENCES product(id),
        name TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
        priceCents INTEGER NOT NULL CHECK (priceCents BETWEEN 0 AND 10000000),
        quantity INTEGER NOT NULL CHECK (quantity BETWEEN 1 AND 99),
        acceptedQuantity INTEGER CHECK (acceptedQuantity IS NULL OR acceptedQuantity BETWEEN 0 AND quantity),
        UNIQUE (orderId, productId)
    );
    CREATE INDEX orderLine_product ON orderLine(productId);

    CREATE TRIGGER orderRequest_capacity_insert BEFORE INSERT ON orderRequest
    WHEN NEW.windowId IS NOT NULL AND NEW.status IN \(holding)
      AND (SELECT count(*) FROM orderRequest WHERE windowId = NEW.windowId AND status IN \(holding))
        >= (SELECT capacity FROM collectionWindow WHERE id = NEW.windowId)
    BEGIN SELECT RAISE(ABORT, 'order_window_full'); END;
    CREATE TRIGGER orderRequest_capacity_update BEFORE UPDATE OF status ON orderRequest
    WHEN NEW.windowId IS NOT NULL AND NEW.status IN \(holding) AND OLD.status NOT IN \(holding)
      AND (SELECT count(*) FROM orderRequest WHERE windowId = NEW.windowId AND status IN \(holding))
        >= (SELECT capacity FROM collectionWindow WHERE id = NEW.windowId)
    BEGIN SELECT RAISE(ABORT, 'order_window_full'); END;
    CREATE TRIGGER orderRequest_final_stays_final BEFORE UPDATE OF status ON orderRequest
    WHEN OLD.status IN \(final) AND NEW.status <> OLD.status
    BEGIN SELECT RAISE(ABORT, 'order_final'); END;
    """
