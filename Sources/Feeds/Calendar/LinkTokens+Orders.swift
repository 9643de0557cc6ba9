import Community
import Foundation

extension LinkTokens {
    /// `o.<merchant>.<signature>`: the address of a merchant's private calendar of collection windows and orders.
    /// It does not expire, since calendar apps keep polling it; it reveals only that merchant's orders.
    package func ordersCalendarToken(for merchant: Merchant.ID) -> String { merchantToken("o", merchant) }

    /// The merchant an orders calendar token names, if it is genuine.
    package func verifyOrdersCalendar(_ token: String) throws(CommunityError) -> Merchant.ID {
        try verifyMerchantToken(token, kind: "o")
    }
}
