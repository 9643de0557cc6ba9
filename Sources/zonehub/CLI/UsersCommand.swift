import ArgumentParser
import Community
import Foundation

/// `zonehub users add`: the operator creates accounts.
struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "Manage accounts.", subcommands: [Add.self])

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
                let hub = try await Hub.open(try Settings(database: database.path))
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
}
