import Community
import PopUps

/// A merchant's coming pop-up bookings, with each profile's private calendar address.
struct PopUpDashboardPage {
    /// One of the merchant's profiles: its bookings with their slots, and its private calendar.
    struct MerchantBookings {
        let merchant: Merchant
        let bookings: [(booking: PopUpBooking, slot: PopUpSlot)]
        let calendarURL: String
    }

    let merchants: [MerchantBookings]

    func title(_ t: Language) -> String { t("Mes boutiques éphémères", "My pop-up shops") }

    func body(_ t: Language) -> HTML {
        let blocks: [HTML] = merchants.map { block($0, t) }
        return "<h1>\(t("Mes boutiques éphémères", "My pop-up shops"))</h1>\(blocks)"
    }

    private func block(_ entry: MerchantBookings, _ t: Language) -> HTML {
        let rows: [HTML] = entry.bookings.map { booking, slot in
            """
            <tr><td><a href="/pop-up-slots/\(slot.id)">\(PopUpViews.when(slot, t))</a></td>\
            <td>\(PopUpViews.status(booking.status, t))</td></tr>
            """
        }
        let calendar = entry.calendarURL
        return """
            <h2>\(entry.merchant.name)</h2>
            \(PopUpViews.either(rows, "<table><tbody>\(rows)</tbody></table>",
                empty: t("Aucune réservation à venir.", "No coming booking.")))
            <p class="meta">\(t("Votre calendrier privé (à garder pour vous)", "Your private calendar (keep it secret)")) : \
            <a href="\(calendar)">\(calendar)</a></p>
            """
    }
}
