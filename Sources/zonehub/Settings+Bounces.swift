import Feeds
import Foundation

/// The settings of bounces: the address they come back to, and whether each message has its own (VERP).
extension Settings {
    /// Reads `ZONEHUB_BOUNCE_ADDRESS` and `ZONEHUB_BOUNCE_VERP`. VERP is on when a bounce address is set, unless
    /// `ZONEHUB_BOUNCE_VERP=no` (for relays that rewrite the envelope sender: bounces are then matched by the
    /// Message-ID the hub writes).
    static func bounces(_ address: String?, verp: String?) throws -> (address: String?, verp: Bool) {
        guard verp == nil || verp == "yes" || verp == "no" else {
            throw CLIError("ZONEHUB_BOUNCE_VERP: '\(verp!.prefix(40))' is neither 'yes' nor 'no'")
        }
        guard let address else { return (nil, false) }
        guard (try? SubscriptionService.validated(email: address)) != nil else {
            throw CLIError("ZONEHUB_BOUNCE_ADDRESS: '\(address.prefix(80))' is not an email address")
        }
        guard !address.split(separator: "@")[0].contains("+") else {
            throw CLIError(
                "ZONEHUB_BOUNCE_ADDRESS: '\(address)' already has a '+': VERP adds '+<message>-<tag>' to it, so give "
                    + "the bare mailbox (e.g. bounces@hub.example.org)")
        }
        return (address, verp != "no")
    }

    /// The envelope sender of the outbox's messages and the way back from a bounce to them, with the hub's key.
    func returnPath(tokens: LinkTokens) -> ReturnPath {
        ReturnPath(address: bounceAddress ?? mailFrom, verp: bounceAddress != nil && verp, tokens: tokens)
    }
}
