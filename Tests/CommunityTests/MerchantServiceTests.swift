import Community
import Foundation
import HubTestSupport
import Testing

@Suite struct MerchantServiceTests {
    let hub: TestHub
    let owner: User

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        owner = try await hub.user("m@example.org", role: .merchant)
    }

    func profile(_ change: (inout MerchantProfile) -> Void = { _ in }) -> MerchantProfile {
        var profile = MerchantProfile(
            name: "  Atelier Terre & Feu ", categories: [.artisanatDArt, .artisanatDArt], commune: "evry courcouronnes",
            postcode: "91000", phone: "06 12 34 56 78", website: "https://atelier.example.org",
            siret: "900 004 123 00015",
            zones: ["alpha"])
        change(&profile)
        return profile
    }

    @Test func aProfileIsTrimmedDeduplicatedAndGivenAUniqueSlug() async throws {
        let first = try await hub.merchants.create(profile(), owner: owner)
        #expect(first.slug == "atelier-terre-feu")
        #expect(first.profile.name == "Atelier Terre & Feu")
        #expect(first.profile.categories == [.artisanatDArt])
        #expect(first.profile.siret == "90000412300015")
        let second = try await hub.merchants.create(profile { $0.siret = nil }, owner: owner)
        #expect(second.slug == "atelier-terre-feu-evry-courcouronnes")
        let third = try await hub.merchants.create(profile { $0.siret = nil }, owner: owner)
        #expect(third.slug == "atelier-terre-feu-3")
    }

    @Test(arguments: [
        ("12345678901234", "invalid_siret"), ("1234", "invalid_siret"), ("01 23", "invalid_phone"),
        ("ftp://shop.example.org", "invalid_website"),
    ])
    func badContactDetailsAreRefused(value: String, code: String) async throws {
        let bad = profile {
            switch code {
            case "invalid_siret": $0.siret = value
            case "invalid_phone": $0.phone = value
            default: $0.website = value
            }
        }
        await #expect { try await hub.merchants.create(bad, owner: owner) } throws: {
            ($0 as? CommunityError)?.code == code
        }
        #expect(try await hub.merchants.owned(by: owner).isEmpty)
    }

    @Test func laPostesSiretsFollowTheirOwnRule() async throws {
        // The head office passes the Luhn check; this post office passes only La Poste's digit-sum rule.
        let office = try await hub.merchants.create(profile { $0.siret = "35600000012346" }, owner: owner)
        #expect(office.profile.siret == "35600000012346")
        await #expect {
            try await hub.merchants.create(profile { $0.siret = "35600000012345" }, owner: owner)
        } throws: {
            ($0 as? CommunityError)?.code == "invalid_siret"
        }
    }

    @Test func aCommuneOutsideTheZoneIsRefused() async throws {
        await #expect(throws: CommunityField.commune.invalid("Beauvais (60000) is not in the zone Alpha")) {
            try await hub.merchants.create(
                profile {
                    $0.commune = "Beauvais"
                    $0.postcode = "60000"
                }, owner: owner)
        }
    }

    @Test func aSiretCanBelongToOneProfileOnly() async throws {
        _ = try await hub.merchants.create(profile(), owner: owner)
        await #expect(
            throws: CommunityProblem.siretTaken.error("another merchant profile already uses this SIRET")
        ) {
            try await hub.merchants.create(profile { $0.name = "Autre nom" }, owner: owner)
        }
    }

    @Test func onlyTheOwnerOrAnOperatorMayEditAProfile() async throws {
        let merchant = try await hub.merchants.create(profile(), owner: owner)
        let stranger = try await hub.user("s@example.org", role: .merchant)
        await #expect(throws: CommunityError.forbidden("this merchant profile belongs to someone else")) {
            try await hub.merchants.update(merchant.slug, with: profile { $0.name = "Volé" }, by: stranger)
        }
        let hubOperator = try await hub.user("op@example.org", role: .hubOperator)
        let edited = try await hub.merchants.update(
            merchant.slug, with: profile { $0.description = "Modifié" }, by: hubOperator)
        #expect(edited.profile.description == "Modifié")
        #expect(edited.slug == merchant.slug)
    }

    @Test func residentsCannotCreateProfiles() async throws {
        let resident = try await hub.user("r@example.org", role: .resident)
        await #expect(throws: CommunityError.forbidden("only merchants can create a merchant profile")) {
            try await hub.merchants.create(profile(), owner: resident)
        }
    }
}
