import Community
import Foundation

extension LinkTokens {
    /// `k.<merchant>.<signature>`: the address of a merchant's private booking calendar. It does not expire, since
    /// calendar apps keep polling it; it reveals only that merchant's bookings.
    package func calendarToken(for merchant: Merchant.ID) -> String { merchantToken("k", merchant) }

    /// The merchant a calendar token names, if it is genuine.
    package func verifyCalendar(_ token: String) throws(CommunityError) -> Merchant.ID {
        try verifyMerchantToken(token, kind: "k")
    }

    /// `<kind>.<merchant>.<signature>`: a merchant's never-expiring link of one kind (the kind keeps a booking
    /// calendar's token from opening the orders calendar, and the reverse).
    func merchantToken(_ kind: String, _ merchant: Merchant.ID) -> String {
        let payload = "\(kind).\(merchant.rawValue)"
        return payload + "." + signature(payload)
    }

    /// The merchant a token of `kind` names, if it is genuine.
    func verifyMerchantToken(_ token: String, kind: String) throws(CommunityError) -> Merchant.ID {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, token.utf8.count < 200, parts[0] == kind, let id = Int64(parts[1]),
            constantTimeEqual(signature(parts[0..<2].joined(separator: ".")), String(parts[2]))
        else { throw FeedsProblem.invalidLink.error("this link is not valid") }
        return Merchant.ID(id)
    }
}
