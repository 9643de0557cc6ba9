// The PostgreSQL `v13-notices` migration, as SQLite's `v11-notices`: each person's delivery (at once, daily, off)
// for each kind of notice to people who must act. Frozen history once landed.

extension PostgresMigrations {
    /// Notice preferences, one row per person and kind; a missing row means the kind's default.
    static let notices = """
        CREATE TABLE noticePreference (
            userId bigint NOT NULL REFERENCES "user"(id),
            kind text NOT NULL CHECK (kind IN (
                'annonce-retenue', 'inscription-en-attente', 'annonce-masquee', 'rappel', 'escalade',
                'demande-de-reservation', 'reservation-annulee', 'place-non-prise', 'decision-marche',
                'ouverture-marche')),
            delivery text NOT NULL CHECK (delivery IN ('immediate', 'daily', 'off')),
            updatedAt timestamptz NOT NULL,
            PRIMARY KEY (userId, kind)
        );
        """
}
