import Community

/// The message a page shows once after an action succeeded, named in the address it redirects to
/// (`?ok=venue-saved`): only these fixed messages are ever shown, never the address's own text.
enum Flash: String, CaseIterable, FlashMessage {
    case venueSaved = "venue-saved"
    case slotSaved = "slot-saved"
    case slotCancelled = "slot-cancelled"
    case seriesSaved = "series-saved"
    case seriesCancelled = "series-cancelled"
    case requestApproved = "request-approved"
    case requestRefused = "request-refused"
    case organiserNamed = "organiser-named"
    case organiserRevoked = "organiser-revoked"
    case postSaved = "post-saved"
    case postPublished = "post-published"
    case postScheduled = "post-scheduled"
    case postHeld = "post-held"
    case postWithdrawn = "post-withdrawn"
    case merchantCreated = "merchant-created"
    case merchantSaved = "merchant-saved"
    case photoAdded = "photo-added"
    case photoRemoved = "photo-removed"

    /// What a post's merchant is told once it is saved or submitted, after its new status.
    init(saved post: Post) {
        switch post.status {
        case .published: self = .postPublished
        case .scheduled: self = .postScheduled
        case .held: self = .postHeld
        case .withdrawn: self = .postWithdrawn
        default: self = .postSaved
        }
    }

    func text(_ t: Language) -> String {
        switch self {
        case .venueSaved: t("Le lieu est enregistré.", "The venue is saved.")
        case .slotSaved:
            t(
                "Le créneau est enregistré ; les commerçants qui l'ont réservé sont prévenus.",
                "The slot is saved; the merchants who booked it are told.")
        case .slotCancelled:
            t(
                "Le créneau est annulé ; les commerçants qui l'avaient réservé sont prévenus.",
                "The slot is cancelled; the merchants who had booked it are told.")
        case .seriesSaved:
            t(
                "La série est enregistrée et ses créneaux à venir sont modifiés ; les commerçants concernés sont "
                    + "prévenus.", "The series is saved and its coming slots changed; the merchants concerned are told."
            )
        case .seriesCancelled:
            t(
                "La série et ses créneaux à venir sont annulés ; les commerçants concernés sont prévenus.",
                "The series and its coming slots are cancelled; the merchants concerned are told.")
        case .requestApproved:
            t("La demande est acceptée ; le commerçant est prévenu.", "The request is approved; the merchant is told.")
        case .requestRefused:
            t("La demande est refusée ; le commerçant est prévenu.", "The request is refused; the merchant is told.")
        case .organiserNamed: t("L'organisateur est nommé.", "The organiser is named.")
        case .organiserRevoked: t("L'organisateur est retiré.", "The organiser is removed.")
        case .postSaved:
            t(
                "La publication est enregistrée comme brouillon ; soumettez-la quand elle est prête.",
                "The post is saved as a draft; submit it when it is ready.")
        case .postPublished: t("La publication est en ligne.", "The post is published.")
        case .postScheduled:
            t("La publication paraîtra à la date choisie.", "The post will be published on the date chosen.")
        case .postHeld:
            t(
                "La publication est soumise : les modérateurs de la zone la relisent avant de la publier.",
                "The post is submitted: the zone's moderators review it before it is published.")
        case .postWithdrawn:
            t("La publication est retirée : elle n'est plus visible.", "The post is withdrawn: it is no longer shown.")
        case .merchantCreated: t("La fiche du commerce est créée.", "The shop profile is created.")
        case .merchantSaved: t("La fiche du commerce est enregistrée.", "The shop profile is saved.")
        case .photoAdded: t("La photo est ajoutée.", "The photo is added.")
        case .photoRemoved: t("La photo est retirée.", "The photo is removed.")
        }
    }
}
