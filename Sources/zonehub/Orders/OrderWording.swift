import Community
import Foundation
import Orders

/// How orders read on the pages and in mail: windows, campaigns' dates, statuses, lines and totals, in French or
/// English, in Paris time.
enum OrderWording {
    /// "samedi 19 décembre 2026, de 10:00 à 12:00".
    static func window(_ window: CollectionWindow, _ t: Language) -> String {
        span(window.startsAt, window.endsAt, t)
    }

    /// A span of time: one day with two times, or two full dates.
    static func span(_ start: Date, _ end: Date, _ t: Language) -> String {
        let day = DateText.format(
            start, locale: t == .fr ? "fr_FR" : "en_GB", timeZone: Formats.paris,
            pattern: t == .fr ? "EEEE d MMMM yyyy" : "EEEE d MMMM yyyy")
        let sameDay = calendar.isDate(start, inSameDayAs: end)
        guard sameDay else {
            return t(
                "du \(Formats.dateTime(start, t)) au \(Formats.dateTime(end, t))",
                "from \(Formats.dateTime(start, t)) to \(Formats.dateTime(end, t))")
        }
        return t("\(day), de \(time(start)) à \(time(end))", "\(day), from \(time(start)) to \(time(end))")
    }

    /// The Gregorian calendar in Paris time.
    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Formats.paris
        return calendar
    }()

    static func time(_ date: Date) -> String {
        DateText.format(date, locale: "en_US_POSIX", timeZone: Formats.paris, pattern: "HH:mm")
    }

    /// The status as a resident or merchant reads it, capitalised.
    static func status(_ status: OrderStatus, _ t: Language) -> String {
        let text = t(status.french, status.english)
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// "2 × Bûche chocolat (32,00 €)", with the accepted quantity once answered ("1 sur 2 × …").
    static func line(_ line: OrderLine, _ t: Language) -> String {
        let price = Formats.price(cents: line.priceCents, t)
        if let accepted = line.acceptedQuantity, accepted != line.quantity {
            return t(
                "\(accepted) sur \(line.quantity) × \(line.name) (\(price) l'unité)",
                "\(accepted) of \(line.quantity) × \(line.name) (\(price) each)")
        }
        return t(
            "\(line.quantity) × \(line.name) (\(price) l'unité)", "\(line.quantity) × \(line.name) (\(price) each)")
    }

    /// "Total à payer au retrait : 64,00 €".
    static func total(_ request: OrderRequest, _ t: Language) -> String {
        t("Total à payer au retrait : ", "Total to pay on collection: ") + Formats.price(cents: request.totalCents, t)
    }

    /// "Commande n° 12".
    static func number(_ request: OrderRequest, _ t: Language) -> String {
        t("Commande n° \(request.id.rawValue)", "Order no. \(request.id.rawValue)")
    }

    /// Why a request expired or was refused, as the resident reads it.
    static func reason(_ request: OrderRequest, _ t: Language) -> String? {
        switch request.reason {
        case nil, "": nil
        case "not_answered": t("le commerce n'a pas répondu à temps", "the shop did not answer in time")
        case "not_confirmed": t("l'adresse n'a pas été confirmée à temps", "the address was not confirmed in time")
        case let reason?: reason
        }
    }
}
