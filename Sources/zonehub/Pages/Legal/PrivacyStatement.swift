/// What the hub itself stores, why and for how long, in its own words below the operator's privacy policy. Each
/// line follows the code: the stores, the lifetimes in `AccountService` and `MembershipService`, the two cookies
/// of `SessionMiddleware`, the request log of `RequestMetricsMiddleware`.
enum PrivacyStatement {
    static func body(_ t: Language) -> HTML {
        let stored: [HTML] = items(t).map { "<li><strong>\($0.what)</strong> — \($0.why)</li>" }
        return """
            <section class="privacy" aria-labelledby="hub-privacy">
            <h2 id="hub-privacy">\(t("Ce que le site enregistre", "What the site stores"))</h2>
            <p>\(t(
                "Ce site fonctionne avec le logiciel zonehub. Voici ce qu'il enregistre, pourquoi, et combien de temps.",
                "This site runs the zonehub software. Here is what it stores, why, and for how long."))</p>
            <ul>\(stored)</ul>
            <h2>\(t("Cookies et services tiers", "Cookies and third parties"))</h2>
            <p>\(t(
                "Deux cookies seulement, tous deux nécessaires : celui de votre session quand vous êtes connecté (30 jours au plus), et celui de la langue, quand vous en choisissez une (un an). Aucun cookie de suivi ni de mesure d'audience, aucune publicité, aucun service tiers : ni police de caractères, ni script, ni CAPTCHA venus d'ailleurs.",
                "Two cookies only, both needed: your session's while you are signed in (30 days at most), and the language's, when you choose one (one year). No tracking or audience cookie, no advertising, no third-party service: no fonts, scripts or CAPTCHA from elsewhere."))</p>
            <h2>\(t("Vos données, vos droits", "Your data, your rights"))</h2>
            <p>\(t(
                "Connecté, vous téléchargez tout ce que le site garde sur vous dans un fichier JSON, et vous supprimez votre compte vous-même :",
                "Signed in, you download everything the site keeps about you as a JSON file, and you delete your account yourself:"))</p>
            <ul>
            <li><a href="/dashboard/data">\(t("Télécharger mes données", "Download my data"))</a></li>
            <li><a href="/dashboard/delete">\(t("Supprimer mon compte", "Delete my account"))</a></li>
            </ul>
            <p>\(t(
                "Pour toute autre demande (rectification, opposition, question), écrivez à l'éditeur du site (voir les mentions légales). Vous pouvez aussi adresser une réclamation à la CNIL (cnil.fr).",
                "For any other request (correction, objection, question), write to the site's publisher (see the legal notice). You may also complain to the CNIL (cnil.fr)."))</p>
            </section>
            """
    }

    /// One kind of record: what it is, then why it is kept and for how long.
    static func items(_ t: Language) -> [(what: String, why: String)] {
        [
            (
                t("Votre compte", "Your account"),
                t(
                    "adresse e-mail, nom affiché, rôle et zones, et l'empreinte de votre mot de passe (jamais le mot de passe lui-même) : pour vous connecter. Gardés jusqu'à la suppression du compte.",
                    "email address, display name, role and zones, and your password's hash (never the password itself): to sign you in. Kept until the account is deleted."
                )
            ),
            (
                t("Vos sessions", "Your sessions"),
                t(
                    "l'empreinte d'un jeton aléatoire par appareil connecté : elle finit à la déconnexion, avec « Se déconnecter partout », ou après 30 jours.",
                    "a random token's hash per signed-in device: it ends when you sign out, with “Sign out everywhere”, or after 30 days."
                )
            ),
            (
                t("Les liens à usage unique", "Single-use links"),
                t(
                    "l'empreinte des liens envoyés par e-mail (confirmer une adresse : 48 heures ; changer d'adresse : 24 heures ; nouveau mot de passe : une heure). Un lien ne sert qu'une fois.",
                    "the hash of links sent by email (confirming an address: 48 hours; changing address: 24 hours; new password: one hour). A link works once."
                )
            ),
            (
                t("Les inscriptions de commerçants", "Merchants' sign-ups"),
                t(
                    "le nom du commerce, son activité, sa commune et la décision de l'administrateur de la zone (avec son motif en cas de refus) : pour examiner la demande.",
                    "the shop's name, activity, commune and the zone admin's decision (with the reason for a refusal): to review the request."
                )
            ),
            (
                t("Les invitations", "Invitations"),
                t(
                    "l'adresse invitée, la zone, le rôle offert et qui a invité : pour accueillir la personne. Le lien vaut 7 jours ; l'adresse est effacée si la personne supprime son compte.",
                    "the address invited, the zone, the role offered and who invited: to welcome the person. The link works 7 days; the address is erased if the person deletes their account."
                )
            ),
            (
                t("Les revendications de fiches", "Listing claims"),
                t(
                    "qui revendique quelle fiche, le SIRET et le message donnés, et la décision : pour confier chaque fiche à son commerce, et une seule fois.",
                    "who claims which listing, the SIRET and message given, and the decision: to hand each listing to its shop, once."
                )
            ),
            (
                t("Les e-mails revenus en erreur", "Mail that bounced"),
                t(
                    "l'adresse, la réponse du serveur qui a refusé le message et ce que le site a fait (adresse suspendue ou non) : pour ne plus écrire à une adresse qui n'existe pas.",
                    "the address, the answer of the server that refused the message and what the site did (address suspended or not): to stop writing to an address that does not exist."
                )
            ),
            (
                t("Vos préférences d'avis", "Your notice preferences"),
                t(
                    "pour chaque sorte d'avis (annonce retenue, demande de réservation…), si vous le voulez tout de suite, en résumé quotidien ou pas du tout : pour vous prévenir comme vous l'avez choisi. Effacées avec le compte.",
                    "for each kind of notice (post held, booking request…), whether you want it at once, in a daily summary or not at all: to tell you as you chose. Erased with the account."
                )
            ),
            (
                t("La visibilité des commerçants", "Merchants' reach"),
                t(
                    "par jour, le nombre de vues de chaque annonce et fiche, de lectures par les flux, d'envois dans les résumés et de clics vers les sites des commerçants : des totaux seulement, sans adresse IP, cookie ni navigateur, pour montrer à chaque commerçant ce que ses annonces ont donné.",
                    "per day, how many times each post and listing was viewed, read by feeds, sent in digests, and how many clicks went to the merchants' sites: totals only, with no IP address, cookie or browser, to show each merchant what their posts achieved."
                )
            ),
            (
                t("Votre activité", "What you do on the site"),
                t(
                    "fiches de commerce, publications, réservations de places, signalements : ce que vous y faites. Les fiches et les publications des commerçants sont publiques, c'est leur raison d'être.",
                    "shop listings, posts, bookings of places, reports: what you do there. Merchants' listings and posts are public: that is what they are for."
                )
            ),
            (
                t("Les abonnements aux résumés", "Digest subscriptions"),
                t(
                    "adresse e-mail, zones et préférences, et chaque consentement (date, texte exact accepté, origine) : pour envoyer les résumés demandés. Les preuves de consentement sont conservées, même après désinscription, pour pouvoir démontrer ce consentement (RGPD, art. 7).",
                    "email address, zones and preferences, and each consent (date, exact wording accepted, where it came from): to send the digests asked for. The records of consent are kept, even after unsubscribing, to be able to show that consent (GDPR, art. 7)."
                )
            ),
            (
                t("Le journal des actions", "The audit log"),
                t(
                    "qui a fait quoi en modération et en administration, pour rendre compte des décisions. Il ne se réécrit pas : un compte supprimé n'y est plus désigné que par un numéro, sans nom ni adresse.",
                    "who did what in moderation and administration, to account for decisions. It is never rewritten: a deleted account is only named there by a number, without name or address."
                )
            ),
            (
                t("Les compteurs anti-abus", "Abuse counters"),
                t(
                    "le nombre de tentatives par adresse e-mail, par compte et par adresse IP (connexion, inscription, mot de passe oublié, abonnement, signalement) : oublié au bout d'une heure au plus, ou d'un jour sans échec pour les connexions.",
                    "the number of attempts per email address, per account and per IP address (sign-in, sign-up, forgotten password, subscription, report): forgotten after an hour at most, or after a day without failure for sign-ins."
                )
            ),
            (
                t("Le journal du serveur", "The server log"),
                t(
                    "pour chaque requête, la méthode, le chemin, la réponse et sa durée, sans adresse IP ni cookie : pour surveiller le bon fonctionnement du site.",
                    "for each request, the method, path, answer and its duration, with no IP address or cookie: to watch that the site works."
                )
            ),
        ]
    }
}
