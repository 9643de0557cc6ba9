import Feeds
import Foundation
import Testing

@testable import zonehub

/// The bounce address and VERP settings: what the outbox's envelope sender becomes, and what is refused.
@Suite struct BounceSettingsTests {
    let tokens = LinkTokens(key: Data(repeating: 3, count: 32))

    @Test func withoutABounceAddressTheEnvelopeSenderStaysTheSenderAddress() throws {
        let settings = try Settings(environment: ["ZONEHUB_MAIL_FROM": "resume@zones.example.org"])
        let path = settings.returnPath(tokens: tokens)
        #expect(path.envelopeSender(for: OutboxMessage.ID(7)) == "resume@zones.example.org")
    }

    @Test func aBounceAddressGivesEachMessageItsOwnEnvelopeSenderUnlessVERPIsOff() throws {
        let verp = try Settings(environment: ["ZONEHUB_BOUNCE_ADDRESS": "bounces@zones.example.org"])
            .returnPath(tokens: tokens)
        let sender = verp.envelopeSender(for: OutboxMessage.ID(7))
        #expect(sender == "bounces+7-\(tokens.bounceTag(for: OutboxMessage.ID(7)))@zones.example.org")
        let plain = try Settings(environment: [
            "ZONEHUB_BOUNCE_ADDRESS": "bounces@zones.example.org", "ZONEHUB_BOUNCE_VERP": "no",
        ]).returnPath(tokens: tokens)
        #expect(plain.envelopeSender(for: OutboxMessage.ID(7)) == "bounces@zones.example.org")
    }

    @Test func aBounceAddressThatIsNoAddressHasAPlusAlreadyOrAVERPSettingThatIsNeitherYesNorNoIsRefused() {
        for environment in [
            ["ZONEHUB_BOUNCE_ADDRESS": "bounces"], ["ZONEHUB_BOUNCE_ADDRESS": "bounces+x@zones.example.org"],
            ["ZONEHUB_BOUNCE_VERP": "maybe"],
        ] {
            let error = #expect(throws: CLIError.self) { try Settings(environment: environment) }
            #expect(error?.description.hasPrefix("ZONEHUB_BOUNCE_") == true, "\(environment)")
        }
    }
}
