/// The `v12-bounces` migration: every delivery status notification (bounce) the hub read and matched to an outbox
/// message: its status code, the receiving server's diagnostic, what the hub did (suppressed the address, counted
/// a soft bounce, or ignored a delay warning or a success report) and why. Rows are written once and never changed.
let bouncesSchema = """
    CREATE TABLE bounce (
        id INTEGER PRIMARY KEY,
        outboxMessageId INTEGER NOT NULL REFERENCES outboxMessage(id),
        recipient TEXT NOT NULL COLLATE NOCASE CHECK (recipient LIKE '%_@_%'),
        finalRecipient TEXT CHECK (finalRecipient IS NULL OR length(finalRecipient) <= 320),
        matchedBy TEXT NOT NULL CHECK (matchedBy IN ('verp', 'message_id')),
        kind TEXT NOT NULL CHECK (kind IN ('hard', 'soft', 'delay', 'success')),
        status TEXT NOT NULL CHECK (length(status) BETWEEN 5 AND 11),
        dsnAction TEXT NOT NULL CHECK (length(dsnAction) <= 20),
        diagnosticCode TEXT CHECK (diagnosticCode IS NULL OR length(diagnosticCode) <= 1000),
        reportingMta TEXT CHECK (reportingMta IS NULL OR length(reportingMta) <= 255),
        action TEXT NOT NULL CHECK (action IN ('suppressed', 'counted', 'ignored', 'already_suppressed')),
        reason TEXT NOT NULL CHECK (length(reason) <= 1500),
        at DATETIME NOT NULL
    );
    CREATE INDEX bounce_on_recipient ON bounce(recipient, kind, at);
    CREATE INDEX bounce_on_outboxMessageId ON bounce(outboxMessageId);
    CREATE TRIGGER bounce_is_append_only_update BEFORE UPDATE ON bounce
    BEGIN SELECT RAISE(ABORT, 'bounce records are append-only'); END;
    """
