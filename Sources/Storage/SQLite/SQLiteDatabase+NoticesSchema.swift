/// The `v11-notices` migration (issue 22): each person's choice of delivery for each kind of notice sent to people
/// who must act (zone admins, organisers, market applicants, operators). A missing row means the kind's default.
/// What was already mailed is not stored here: the outbox's unique `dedupeKey` keeps every notice to one mail.
let noticesSchema = """
    CREATE TABLE noticePreference (
        userId INTEGER NOT NULL REFERENCES user(id),
        kind TEXT NOT NULL CHECK (kind IN (
            'annonce-retenue', 'inscription-en-attente', 'annonce-masquee', 'rappel', 'escalade',
            'demande-de-reservation', 'reservation-annulee', 'place-non-prise', 'decision-marche',
            'ouverture-marche')),
        delivery TEXT NOT NULL CHECK (delivery IN ('immediate', 'daily', 'off')),
        updatedAt DATETIME NOT NULL,
        PRIMARY KEY (userId, kind)
    );
    """
