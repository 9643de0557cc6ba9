import ArgumentParser
import Community
import Foundation

/// `zonehub users`: the operator creates, finds, disables and enables accounts, gives and takes the zones an admin
/// administers, and lifts sign-in lockouts, as the web console does.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Manage accounts.",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, Grant.self, Revoke.self, Unlock.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create an account and print its initial password.")

        @Option(help: "Email address (the sign-in name).") var email: String
        @Option(help: "operator, zone-admin, merchant or resident.") var role: String
        @Option(help: "Zone slug a zone admin administers (repeat for several).") var zone: [String] = []
        @Option(help: "Name shown on the hub (default: the part of the email before @).") var name: String?
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                guard let role = Role(rawValue: role) else {
                    throw CLIError(
                        "--role: '\(role)' is not one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let hub = try await Hub.open(try Settings(database: database))
                let password = String(AccountService.randomToken().prefix(16))
                let user = try await hub.accounts.add(
                    email: email, displayName: name, role: role, zoneSlugs: zone, password: password, by: nil)
                print("created \(user.role.rawValue) \(user.email) (id \(user.id))")
                print("initial password: \(password)")
                print("(give it to its owner, who changes it at \(hub.settings.publicURL)/dashboard/password)")
                print("sign in at \(hub.settings.publicURL)/sign-in")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List accounts, newest first: id, email, role, status, zones administered.")

        @Option(help: "Only accounts whose email or name contains this.") var search = ""
        @Option(help: "Only this role: operator, zone-admin, merchant or resident.") var role: String?
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let role = try role.map(UsersCommand.role)
                let hub = try await Hub.open(try Settings(database: database))
                let zones = Dictionary(uniqueKeysWithValues: try await hub.zones.active().map { ($0.id, $0.slug) })
                for account in try await hub.administration.find(search, role: role, by: nil, limit: 10_000) {
                    let user = account.user
                    let administered = user.zoneIDs.compactMap { zones[$0] }.sorted().joined(separator: ",")
                    print(
                        [
                            "\(user.id)", user.email, user.role.rawValue, user.status.rawValue,
                            administered.isEmpty ? "-" : administered,
                        ].joined(separator: "\t"))
                }
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable an account: it cannot sign in, and its sessions end at once.")

        @Option(help: "The account's email address.") var email: String
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await onAccount(email, database) { hub, user in
                let done = try await hub.administration.disable(user.id, by: nil)
                return "\(done.email): \(done.status.rawValue)"
            }
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled account again.")

        @Option(help: "The account's email address.") var email: String
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await onAccount(email, database) { hub, user in
                let done = try await hub.administration.enable(user.id, by: nil)
                return "\(done.email): \(done.status.rawValue)"
            }
        }
    }

    struct Grant: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make an account (a resident or a zone admin) an admin of a zone.")

        @Option(help: "The account's email address.") var email: String
        @Option(help: "The zone's slug.") var zone: String
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await onAccount(email, database) { hub, user in
                let done = try await hub.administration.grant(zone: zone, to: user.id, by: nil)
                return "\(done.email): \(done.role.rawValue) of \(done.zoneIDs.count) zone(s)"
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take a zone from its admin (one left with no zone becomes a resident).")

        @Option(help: "The account's email address.") var email: String
        @Option(help: "The zone's slug.") var zone: String
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await onAccount(email, database) { hub, user in
                let done = try await hub.administration.revoke(zone: zone, from: user.id, by: nil)
                return "\(done.email): \(done.role.rawValue) of \(done.zoneIDs.count) zone(s)"
            }
        }
    }

    struct Unlock: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Lift the sign-in lockout that failed passwords put on an account.")

        @Option(help: "The account's email address.") var email: String
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await onAccount(email, database) { hub, user in
                try await hub.signInThrottle.succeeded(email: user.email)
                return "\(user.email): sign-in lockout lifted"
            }
        }
    }

    static func role(_ name: String) throws -> Role {
        guard let role = Role(rawValue: name) else {
            throw CLIError("--role: '\(name)' is not one of \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return role
    }
}

extension AsyncParsableCommand {
    /// Opens the hub, finds the account by its address and prints what `body` did to it.
    func onAccount(_ email: String, _ database: DatabaseOption, _ body: (Hub, User) async throws -> String)
        async throws
    {
        try await run {
            let hub = try await Hub.open(try Settings(database: database))
            guard let user = try await hub.accounts.user(email: email) else {
                throw CLIError("--email: no account uses '\(email.prefix(80))'")
            }
            print(try await body(hub, user))
        }
    }
}
