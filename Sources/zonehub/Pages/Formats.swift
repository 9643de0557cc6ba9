import Community
import Foundation

/// How dates, prices and labels read on the pages, in French or English, in the zone's time zone.
enum Formats {
    static let paris = TimeZone(identifier: "Europe/Paris") ?? .gmt

    static func dateTime(_ date: Date, _ language: Language, timeZone: TimeZone = paris) -> String {
        format(date, language, timeZone, french: "EEEE d MMMM yyyy 'à' HH:mm", english: "EEEE d MMMM yyyy 'at' HH:mm")
    }

    static func date(_ date: Date, _ language: Language, timeZone: TimeZone = paris) -> String {
        format(date, language, timeZone, french: "d MMMM yyyy", english: "d MMMM yyyy")
    }

    private static func format(_ date: Date, _ language: Language, _ zone: TimeZone, french: String, english: String)
        -> String
    {
        DateText.format(
            date, locale: language == .fr ? "fr_FR" : "en_GB", timeZone: zone,
            pattern: language == .fr ? french : english)
    }

    /// "12,50 €" in French, "€12.50" in English.
    static func price(cents: Int, _ language: Language) -> String {
        Euros.text(cents: cents, french: language == .fr)
    }

    static func kind(_ kind: PostKind, _ t: Language) -> String {
        switch kind {
        case .offer: t("Offre", "Offer")
        case .news: t("Actualité", "News")
        case .event: t("Événement", "Event")
        }
    }

    static func status(_ status: PostStatus, _ t: Language) -> String {
        switch status {
        case .draft: t("Brouillon", "Draft")
        case .submitted: t("Soumise", "Submitted")
        case .held: t("En attente de validation", "Awaiting review")
        case .scheduled: t("Programmée", "Scheduled")
        case .published: t("Publiée", "Published")
        case .expired: t("Expirée", "Expired")
        case .withdrawn: t("Retirée", "Withdrawn")
        case .removed: t("Supprimée par la modération", "Removed by moderators")
        }
    }

    static func category(_ category: Category, _ t: Language) -> String {
        t(category.label, category.englishLabel)
    }

    /// Parses a `datetime-local` form value ("2026-03-14T10:00") in `timeZone`.
    static func localDateTime(_ text: String, timeZone: TimeZone = paris) -> Date? {
        for pattern in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd"] {
            if let date = DateText.parse(text, locale: "en_US_POSIX", timeZone: timeZone, pattern: pattern) {
                return date
            }
        }
        return nil
    }

    /// The `datetime-local` form value of `date` in `timeZone`.
    static func localInput(_ date: Date?, timeZone: TimeZone = paris) -> String {
        guard let date else { return "" }
        return DateText.format(date, locale: "en_US_POSIX", timeZone: timeZone, pattern: "yyyy-MM-dd'T'HH:mm")
    }
}
