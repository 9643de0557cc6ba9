import Community
import Crypto
import Foundation

/// The envelope sender each outbox message goes out with, and the way back from a bounce to the message: a VERP
/// address `bounces+42-<tag>@hub.example.org` per message, and a tag in every Message-ID the hub writes
/// (`digest.42.1773475200.<tag>@hub.example.org`) for relays that rewrite the envelope sender. The tag is an HMAC
/// of the message's id with the hub's link key, so nobody can forge a bounce that suppresses someone's address.
package struct ReturnPath: Sendable {
    /// The bounce mailbox (`bounces@hub.example.org`), or the sender address when no bounce address is set.
    package let address: String
    /// Whether each message gets its own envelope sender (`local+id-tag@domain`), or all go out with `address`.
    package let verp: Bool
    let tokens: LinkTokens

    package init(address: String, verp: Bool, tokens: LinkTokens) {
        self.address = address
        self.verp = verp
        self.tokens = tokens
    }

    /// The envelope sender (SMTP `MAIL FROM`) of message `id`.
    package func envelopeSender(for id: OutboxMessage.ID) -> String {
        guard verp, let at = address.lastIndex(of: "@") else { return address }
        return "\(address[..<at])+\(id.rawValue)-\(tokens.bounceTag(for: id))\(address[at...])"
    }

    /// The message a VERP address names, if the address is this hub's bounce address with a genuine tag.
    package func message(inEnvelope candidate: String) -> OutboxMessage.ID? {
        guard let at = address.lastIndex(of: "@"), let candidateAt = candidate.lastIndex(of: "@"),
            candidate[candidateAt...].lowercased() == address[at...].lowercased()
        else { return nil }
        let prefix = address[..<at].lowercased() + "+"
        let local = candidate[..<candidateAt].lowercased()
        guard local.hasPrefix(prefix) else { return nil }
        let tagged = local.dropFirst(prefix.count).split(separator: "-", maxSplits: 1)
        guard tagged.count == 2, let number = Int64(tagged[0]), number > 0 else { return nil }
        let id = OutboxMessage.ID(number)
        return tokens.verifyBounceTag(String(tagged[1]), for: id) ? id : nil
    }

    /// The message a Message-ID the hub wrote names (`kind.id.time.tag@domain`), if its tag is genuine.
    package func message(inMessageID messageID: String) -> OutboxMessage.ID? {
        guard let at = messageID.lastIndex(of: "@") else { return nil }
        let parts = messageID[..<at].split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, let number = Int64(parts[1]), number > 0 else { return nil }
        let id = OutboxMessage.ID(number)
        return tokens.verifyBounceTag(String(parts[3]), for: id) ? id : nil
    }
}

extension LinkTokens {
    /// The tag that ties outbox message `id` to this hub: 20 lower-case hex digits (80 bits) of an HMAC-SHA256 of
    /// `b.<id>` with the link key; hex, since mail servers may change the case of an address.
    package func bounceTag(for id: OutboxMessage.ID) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("b.\(id.rawValue)".utf8), using: SymmetricKey(data: key))
        return mac.prefix(10).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Whether `tag` (any case) is message `id`'s.
    package func verifyBounceTag(_ tag: String, for id: OutboxMessage.ID) -> Bool {
        tag.utf8.count == 20 && constantTimeEqual(bounceTag(for: id), tag.lowercased())
    }
}
