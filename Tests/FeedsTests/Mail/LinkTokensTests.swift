import Community
import Foundation
import Testing

@testable import Feeds

@Suite struct LinkTokensTests {
    let tokens = LinkTokens(key: Data(repeating: 7, count: 32))
    let now = Date(timeIntervalSince1970: 1_773_473_400)

    @Test func aGenuineTokenNamesItsSubscription() throws {
        let token = tokens.token(.manage, for: Subscription.ID(42))
        #expect(try tokens.verify(token, for: .manage, now: now) == Subscription.ID(42))
    }

    @Test func forgedTokensAreRefused() {
        let token = tokens.token(.manage, for: Subscription.ID(42))
        let forged = [
            token.replacingOccurrences(of: "m.42.", with: "m.43."),
            LinkTokens(key: Data(repeating: 8, count: 32)).token(.manage, for: Subscription.ID(42)),
            tokens.token(.confirm, for: Subscription.ID(42)),  // right key, wrong purpose
            "", "m.42.0", String(repeating: "A", count: 500), token + "x",
        ]
        for candidate in forged {
            #expect(throws: CommunityError.self) { try tokens.verify(candidate, for: .manage, now: now) }
        }
    }

    @Test func anExpiredConfirmationIsRefusedWithItsOwnCode() throws {
        let token = tokens.token(.confirm, for: Subscription.ID(1), expires: now.addingTimeInterval(60))
        #expect(try tokens.verify(token, for: .confirm, now: now) == Subscription.ID(1))
        #expect {
            try tokens.verify(token, for: .confirm, now: now.addingTimeInterval(61))
        } throws: { ($0 as? CommunityError)?.code == "expired_link" }
    }
}
