import Community
import Foundation
import HubTestSupport
import Testing

/// The console's rules on either engine: who may disable whom, what disabling does at once, and zones given and
/// taken.
@Suite struct AccountAdministrationTests {
    let hub: TestHub
    let console: AccountAdministration

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        console = AccountAdministration(
            accounts: hub.accountStore, zones: hub.zoneStore, merchants: hub.merchantStore, clock: hub.clock)
    }

    @Test func disablingEndsTheSessionsAtOnceAndEnablingLetsTheAccountBackIn() async throws {
        let operator_ = try await hub.user("op@example.org", role: .hubOperator)
        let merchant = try await hub.user("shop@example.org", role: .merchant)
        try await hub.accountStore.createSession(
            tokenDigest: "s", user: merchant.id, at: hub.clock.now(), expiresAt: hub.clock.now() + 600)
        #expect(try await hub.accountStore.user(sessionDigest: "s", now: hub.clock.now())?.id == merchant.id)
        #expect(try await console.disable(merchant.id, by: operator_).status == .disabled)
        #expect(try await hub.accountStore.user(sessionDigest: "s", now: hub.clock.now()) == nil)
        #expect(try await console.enable(merchant.id, by: operator_).status == .active)
        let actions = try await hub.audit.entries(zoneID: nil, limit: 10).map(\.action)
        #expect(actions.prefix(2) == ["user.enable", "user.disable"])
        await #expect { try await console.disable(operator_.id, by: operator_) } throws: {
            ($0 as? CommunityError)?.code == "forbidden"
        }
    }

    @Test func aZoneAdminSuspendsOnlyTheMerchantsOfTheirZones() async throws {
        let admin = try await hub.user("admin@example.org", role: .zoneAdmin, zones: ["alpha"])
        let own = try await hub.user("alpha-shop@example.org", role: .merchant)
        _ = try await hub.merchant("Épicerie", owner: own, zone: "alpha")
        let other = try await hub.user("beta-shop@example.org", role: .merchant)
        _ = try await hub.merchant("Boulangerie", owner: other, zone: "beta")
        let resident = try await hub.user("habitant@example.org", role: .resident)
        #expect(try await console.disable(own.id, by: admin).status == .disabled)
        for target in [other, resident] {
            await #expect { try await console.disable(target.id, by: admin) } throws: {
                ($0 as? CommunityError)?.code == "forbidden"
            }
            #expect(try await hub.accountStore.user(id: target.id)?.status == .active)
        }
        let alpha = try #require(try await hub.zoneStore.zone(slug: "alpha"))
        let beta = try #require(try await hub.zoneStore.zone(slug: "beta"))
        #expect(try await console.merchantAccounts(of: alpha, by: admin).map(\.user.email) == [own.email])
        await #expect { try await console.merchantAccounts(of: beta, by: admin) } throws: {
            ($0 as? CommunityError)?.code == "forbidden"
        }
        // Nor may a merchant, nor may a zone admin give zones.
        await #expect { try await console.enable(own.id, by: other) } throws: {
            ($0 as? CommunityError)?.code == "forbidden"
        }
        await #expect { try await console.grant(zone: "beta", to: resident.id, by: admin) } throws: {
            ($0 as? CommunityError)?.code == "forbidden"
        }
    }

    @Test func zonesAreGivenToResidentsAndAdminsAndTakenBack() async throws {
        let operator_ = try await hub.user("op@example.org", role: .hubOperator)
        let resident = try await hub.user("habitant@example.org", role: .resident)
        let merchant = try await hub.user("shop@example.org", role: .merchant)
        let granted = try await console.grant(zone: "alpha", to: resident.id, by: operator_)
        #expect(granted.role == .zoneAdmin && granted.zoneIDs.count == 1)
        #expect(try await console.grant(zone: "beta", to: resident.id, by: operator_).zoneIDs.count == 2)
        await #expect { try await console.grant(zone: "alpha", to: merchant.id, by: operator_) } throws: {
            ($0 as? CommunityError)?.code == "invalid_role"
        }
        await #expect { try await console.grant(zone: "nowhere", to: resident.id, by: operator_) } throws: {
            ($0 as? CommunityError)?.code == "zone_not_found"
        }
        #expect(try await console.revoke(zone: "alpha", from: resident.id, by: operator_).role == .zoneAdmin)
        await #expect { try await console.revoke(zone: "alpha", from: resident.id, by: operator_) } throws: {
            ($0 as? CommunityError)?.code == "invalid_administeredZone"
        }
        let last = try await console.revoke(zone: "beta", from: resident.id, by: operator_)
        #expect(last.role == .resident && last.zoneIDs.isEmpty)
        #expect(try await hub.accountStore.user(id: merchant.id)?.role == .merchant)
    }

    @Test func findLooksInAddressesAndNamesForOperatorsOnly() async throws {
        let operator_ = try await hub.user("op@example.org", role: .hubOperator)
        _ = try await hub.user("fromagerie@example.org", role: .merchant)
        _ = try await hub.user("habitant@example.org", role: .resident)
        #expect(
            try await console.find("FROMAGE", role: nil, by: operator_).map(\.user.email) == ["fromagerie@example.org"])
        #expect(
            try await console.find("", role: .resident, by: operator_).map(\.user.email) == ["habitant@example.org"])
        #expect(try await console.find("%", role: nil, by: operator_).count == 3)
        let merchant = try await hub.user("m@example.org", role: .merchant)
        await #expect { try await console.find("", role: nil, by: merchant) } throws: {
            ($0 as? CommunityError)?.code == "forbidden"
        }
    }
}
