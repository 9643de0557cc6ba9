import Community
import Foundation

extension LinkTokens {
    /// `o.<merchant>.<signature>`: the address of a merchant's private calendar of collection windows and orders.
    /// It does not expire, since calendar apps keep polling it; it reveals only that merchant's orders.
    package func ordersCalendarToken(for merchant: Merchant.ID) -> String {
        let payload = "o.\(merchant.rawValue)"
        return payload + "." + signature(payload)
    }

    /// The merchant an orders calendar token names, if it is genuine.
    package func verifyOrdersCalendar(_ token: String) throws(CommunityError) -> Merchant.ID {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, token.utf8.count < 200, parts[0] == "o", let id = Int64(parts[1]),
            constantTimeEqual(signature(parts[0..<2].joined(separator: ".")), String(parts[2]))
        else { throw FeedsProblem.invalidLink.error("this link is not valid") }
        return Merchant.ID(id)
    }
}
