import ArgumentParser
import Community
import Feeds
import Foundation

/// `zonehub mail status|unsubscribe`: the outbox at a glance, and unsubscription by mail.
struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "The outbox, mailto: unsubscription, and bounces.",
        subcommands: [Status.self, Unsubscribe.self, Reach.self, Bounce.self])

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count the outbox's messages by status.")
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let hub = try await Hub.open(try Settings(database: database))
                let counts = try await hub.outbox.counts()
                print(OutboxStatus.allCases.map { "\($0.rawValue): \(counts[$0] ?? 0)" }.joined(separator: "\n"))
                print(
                    "subscribers: \(try await hub.subscriptionStore.count(status: .confirmed)) confirmed, "
                        + "\(try await hub.subscriptionStore.count(status: .pending)) waiting for confirmation")
                print("mail goes to: \(hub.mailTransport.destination)")
            }
        }
    }

    struct Unsubscribe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a mail on standard input and end the subscription its subject names.",
            discussion: """
                For the mailto: address of List-Unsubscribe (ZONEHUB_MAIL_FROM): have the mail server pipe \
                messages to it into this command, e.g. a Postfix alias "|/usr/local/bin/zonehub mail unsubscribe".
                """)
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let input = FileHandle.standardInput.readData(ofLength: 256 * 1024)
                guard let token = Self.token(inMessage: String(decoding: input, as: UTF8.self)) else {
                    throw CLIError("no 'unsubscribe <token>' subject in the message")
                }
                let hub = try await Hub.open(try Settings(database: database))
                let subscription = try await hub.subscriptions.unsubscribe(manageToken: token, source: "mail")
                print("unsubscribed: \(subscription.email)")
            }
        }

        /// The token in a `Subject: unsubscribe <token>` header (unfolded, any case).
        static func token(inMessage message: String) -> String? {
            let head = message.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")[0]
                .replacingOccurrences(of: "\n ", with: " ").replacingOccurrences(of: "\n\t", with: " ")
            for line in head.split(separator: "\n") where line.lowercased().hasPrefix("subject:") {
                let words = line.dropFirst("subject:".count).split(separator: " ")
                if words.count >= 2, words[words.count - 2].lowercased() == "unsubscribe" {
                    return String(words[words.count - 1])
                }
            }
            return nil
        }
    }
}
