import Community
import Directory
import Foundation
import PopUps

/// Reading the market forms: zone admins give whole days, in the zone's time zone.
enum MarketForms {
    /// The draft a creation form describes. The last day of the market and of the applications is included: the
    /// market ends, and applications close, at the following midnight.
    static func draft(_ form: FormBody, timeZone: TimeZone) throws(CommunityError) -> MarketDraft {
        let opens = try day(form, "applicationsOpenAt")
        let closes = try day(form, "applicationsCloseAt")
        let starts = try day(form, "startsAt")
        let ends = try day(form, "endsAt")
        let midnight = { (day: LocalDay) in LocalDateTime(day: day, hour: 0, minute: 0).date(in: timeZone) }
        return MarketDraft(
            title: form["title"] ?? "", description: form.text("description"), startsAt: midnight(starts),
            endsAt: midnight(ends.next), applicationsOpenAt: midnight(opens), applicationsCloseAt: midnight(closes.next)
        )
    }

    /// The offers a merchant's application form chose.
    static func offers(_ form: FormBody) throws(CommunityError) -> [Post.ID] {
        try form.all("post").map { text throws(CommunityError) in
            guard let raw = Int64(text) else { throw .invalid("posts", "choose offers from the list") }
            return Post.ID(raw)
        }
    }

    private static func day(_ form: FormBody, _ field: String) throws(CommunityError) -> LocalDay {
        guard let day = LocalDay(form[field] ?? "") else { throw .invalid(field, "expected a day like 2026-12-01") }
        return day
    }

    /// The market forms' French wording of their errors, by code.
    static let french: [String: String] = [
        "invalid_title": "Le titre du marché est obligatoire (120 caractères au plus).",
        "invalid_description": "La présentation fait 4 000 caractères au plus.",
        "invalid_startsAt": "Le premier jour du marché s'écrit comme 2026-12-01.",
        "invalid_endsAt": "Le dernier jour du marché vient après le premier et n'est pas déjà passé.",
        "invalid_applicationsOpenAt": "L'ouverture des inscriptions s'écrit comme 2026-11-15.",
        "invalid_applicationsCloseAt":
            "La clôture des inscriptions vient après leur ouverture, au plus tard le dernier jour du marché.",
        "invalid_posts": "Choisissez de une à vingt de vos offres en cours dans la zone.",
        "market_slug_taken": "La zone a déjà un marché portant ce titre.",
        "applications_closed": "Ce marché ne prend pas d'inscriptions en ce moment.",
        "already_applied": "Ce commerce s'est déjà inscrit à ce marché.",
        "application_decided": "Cette candidature a déjà été traitée ; rechargez la page.",
    ]
}
