import Foundation
import Testing

@testable import zonehub

/// `zonehub users list, disable, enable, grant, revoke, unlock` on the real binary.
@Suite struct UsersCLITests {
    func users(_ arguments: [String], _ database: String) async throws -> (
        status: Int32, output: String, errors: String
    ) {
        let outcome = try await Binary.running(["users"] + arguments + ["--db", database])
        return (outcome.status, outcome.output, outcome.errors)
    }

    @Test func theOperatorManagesAccountsFromTheCommandLine() async throws {
        let database = try await Binary.hubWithZones().database
        for (email, role) in [("habitant@example.org", "resident"), ("boutique@example.org", "merchant")] {
            #expect(try await users(["add", "--email", email, "--role", role], database).status == 0)
        }
        let granted = try await users(["grant", "--email", "habitant@example.org", "--zone", "oise"], database)
        #expect(granted.output == "habitant@example.org: zone-admin of 1 zone(s)\n", "\(granted.errors)")
        let listed = try await users(["list"], database)
        #expect(
            listed.output.split(separator: "\n").map { $0.split(separator: "\t").dropFirst().joined(separator: " ") }
                == [
                    "boutique@example.org merchant active -", "habitant@example.org zone-admin active oise",
                ])
        #expect(try await users(["list", "--role", "merchant"], database).output.contains("boutique@example.org"))
        #expect(try await users(["list", "--search", "HABIT"], database).output.split(separator: "\n").count == 1)
        let disabled = try await users(["disable", "--email", "boutique@example.org"], database)
        #expect(disabled.output == "boutique@example.org: disabled\n")
        #expect(
            try await users(["enable", "--email", "boutique@example.org"], database).output
                == "boutique@example.org: active\n")
        #expect(
            try await users(["unlock", "--email", "boutique@example.org"], database).output
                == "boutique@example.org: sign-in lockout lifted\n")
        let revoked = try await users(["revoke", "--email", "habitant@example.org", "--zone", "oise"], database)
        #expect(revoked.output == "habitant@example.org: resident of 0 zone(s)\n")
    }

    @Test func badCommandsSayWhatIsWrongAndChangeNothing() async throws {
        let database = try await Binary.hubWithZones().database
        _ = try await users(["add", "--email", "boutique@example.org", "--role", "merchant"], database)
        let cases: [([String], String)] = [
            (["disable", "--email", "personne@example.org"], "error: --email: no account uses 'personne@example.org'"),
            (
                ["grant", "--email", "boutique@example.org", "--zone", "oise"],
                "error: role: only a resident or a zone admin can be given a zone to administer"
            ),
            (["grant", "--email", "boutique@example.org", "--zone", "atlantide"], "error: no zone 'atlantide'"),
            (
                ["revoke", "--email", "boutique@example.org", "--zone", "oise"],
                "error: administeredZone: this account does not administer that zone"
            ),
            (
                ["list", "--role", "king"],
                "error: --role: 'king' is not one of operator, zone-admin, merchant, resident"
            ),
        ]
        for (arguments, message) in cases {
            let outcome = try await users(arguments, database)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.errors == message + "\n", "\(arguments)")
        }
        #expect(try await users(["list"], database).output.contains("boutique@example.org\tmerchant\tactive\t-"))
    }
}
