import Community
import Hummingbird

/// The message a page shows after an organiser's or a zone admin's action succeeded, named in the address it
/// redirects to (`?ok=venue-saved`): only these fixed messages are ever shown, never the address's own text.
enum OrganiserFlash: String, CaseIterable {
    case venueSaved = "venue-saved"
    case slotSaved = "slot-saved"
    case slotCancelled = "slot-cancelled"
    case seriesSaved = "series-saved"
    case seriesCancelled = "series-cancelled"
    case requestApproved = "request-approved"
    case requestRefused = "request-refused"
    case organiserNamed = "organiser-named"
    case organiserRevoked = "organiser-revoked"

    /// The flash named in the request's query, if it is one of ours.
    init?(_ request: Request) {
        guard let value = request.uri.queryParameters.get("ok") else { return nil }
        self.init(rawValue: String(value))
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
        }
    }

    /// The message as a page shows it.
    func html(_ t: Language) -> HTML { "<p class=\"notice\" role=\"status\">\(text(t))</p>" }

    /// `path` with this flash.
    func on(_ path: String) -> String { path + (path.contains("?") ? "&" : "?") + "ok=" + rawValue }
}
