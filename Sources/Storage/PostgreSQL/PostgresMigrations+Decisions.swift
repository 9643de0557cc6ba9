// The PostgreSQL `v16-decisions` migration, as SQLite's `v14-decisions`: a refused market application's reason, and
// who made a pop-up booking's latest change. Frozen history once landed.

extension PostgresMigrations {
    static let decisions = """
        ALTER TABLE marketApplication ADD COLUMN reason text CHECK (reason IS NULL OR char_length(reason) <= 500);
        ALTER TABLE popUpBooking ADD COLUMN changedBy bigint REFERENCES "user"(id);
        """
}
