import Community
import Foundation

extension LinkTokens {
    /// `k.<merchant>.<signature>`: the address of a merchant's private booking calendar. It does not expire, since
    /// calendar apps keep polling it; it reveals only that merchant's bookings.
    package func calendarToken(for merchant: Merchant.ID) -> String {
        let payload = "k.\(merchant.rawValue)"
        return payload + "." + signature(payload)
    }

    /// The merchant a calendar token names, if it is genuine.
    package func verifyCalendar(_ token: String) throws(CommunityError) -> Merchant.ID {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, token.utf8.count < 200, parts[0] == "k", let id = Int64(parts[1]),
            constantTimeEqual(signature(parts[0..<2].joined(separator: ".")), String(parts[2]))
        else { throw FeedsProblem.invalidLink.error("this link is not valid") }
        return Merchant.ID(id)
    }
}
