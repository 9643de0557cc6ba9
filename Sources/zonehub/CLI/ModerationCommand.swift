import ArgumentParser
import Community
import Foundation
import Moderation

/// `zonehub moderation list|approve|reject`: the queue from the command line.
struct ModerationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "moderation", abstract: "Work through a zone's review queue.",
        subcommands: [List.self, Approve.self, Reject.self])

    /// Who the decisions are recorded under.
    struct Moderator: ParsableArguments {
        @Option(name: .customLong("as"), help: "Email of the admin deciding (default: the hub's only operator).")
        var email: String?

        func user(in hub: Hub) async throws -> User {
            if let email {
                guard let user = try await hub.accounts.user(email: email) else {
                    throw CLIError("--as: no account '\(email)'")
                }
                return user
            }
            let operators = try await hub.accounts.users(role: .hubOperator)
            guard operators.count == 1, let only = operators.first else {
                throw CLIError("say who decides with --as EMAIL (the hub has \(operators.count) operator accounts)")
            }
            return only
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the zone's held posts, oldest first.")
        @Option(help: "Zone slug.") var zone: String
        @Flag(help: "Print JSON.") var json = false
        @OptionGroup var moderator: Moderator
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let hub = try await Hub.open(try Settings(database: database))
                let zone = try await hub.zones.zone(slug: zone)
                let items = try await hub.moderation.list(zone, by: try await moderator.user(in: hub))
                if json {
                    let rows = items.map {
                        [
                            "id": "\($0.post.id)", "title": $0.post.content.title, "merchant": $0.post.merchantSlug,
                            "reasons": $0.post.heldReasons.joined(separator: ","),
                            "waitingHours": "\(Int($0.waiting / 3600))",
                        ]
                    }
                    let data = try JSONSerialization.data(withJSONObject: rows, options: [.sortedKeys, .prettyPrinted])
                    print(String(decoding: data, as: UTF8.self))
                } else if items.isEmpty {
                    print("nothing waiting in \(zone.slug)")
                } else {
                    for item in items {
                        let hours = Int(item.waiting / 3600)
                        let flag = item.escalated ? " ESCALATED" : item.overdue ? " OVERDUE" : ""
                        print(
                            "\(item.post.id)\t\(hours) h\(flag)\t\(item.post.merchantSlug)\t\(item.post.content.title)\t"
                                + item.post.heldReasons.joined(separator: ","))
                    }
                }
            }
        }
    }

    struct Approve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve a held post.")
        @Argument(help: "Post id.") var id: Int64
        @OptionGroup var moderator: Moderator
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let hub = try await Hub.open(try Settings(database: database))
                let decision = try await hub.moderation.decide(
                    Post.ID(id), action: .approve, by: try await moderator.user(in: hub))
                print("post \(id): approved by \(decision.moderatorName)")
            }
        }
    }

    struct Reject: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject a held post with a reason code.")
        @Argument(help: "Post id.") var id: Int64
        @Option(help: "One of \(ReasonCode.allCases.map(\.rawValue).joined(separator: ", ")).") var reason: String
        @Option(help: "A note for the merchant.") var note: String?
        @OptionGroup var moderator: Moderator
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let reason = try ReasonCode.parse(reason)
                let hub = try await Hub.open(try Settings(database: database))
                let decision = try await hub.moderation.decide(
                    Post.ID(id), action: .reject, reason: reason, note: note, by: try await moderator.user(in: hub))
                print("post \(id): rejected (\(reason.rawValue)) by \(decision.moderatorName)")
            }
        }
    }
}
