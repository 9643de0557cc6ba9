import Foundation
import Storage

/// Merchant profiles: creating, editing, finding.
package struct MerchantService: Sendable {
    let merchants: any MerchantStore
    package let zones: any ZoneStore
    package let clock: any HubClock

    package init(merchants: any MerchantStore, zones: any ZoneStore, clock: any HubClock) {
        self.merchants = merchants
        self.zones = zones
        self.clock = clock
    }

    /// Creates a profile owned by `owner` (a merchant, or an operator acting for one).
    package func create(_ profile: MerchantProfile, owner: User) async throws -> Merchant {
        guard owner.role == .merchant || owner.role == .hubOperator else {
            throw CommunityError.forbidden("only merchants can create a merchant profile")
        }
        let (profile, zoneIDs) = try await validated(profile)
        return try await merchants.create(
            slug: try await freeSlug(for: profile), profile: profile, zoneIDs: zoneIDs, owner: owner.id,
            at: clock.now())
    }

    /// A slug from the name no stored profile uses (nor any in `taken`): the name, then name and commune, then
    /// numbered.
    package func freeSlug(for profile: MerchantProfile, avoiding taken: Set<String> = []) async throws -> String {
        let base = profile.name.slugified.isEmpty ? "commerce" : String(profile.name.slugified.prefix(60))
        var slug = base
        var attempt = 1
        func isTaken(_ slug: String) async throws -> Bool {
            if taken.contains(slug) { return true }
            return try await merchants.merchant(slug: slug) != nil
        }
        while try await isTaken(slug) {
            attempt += 1
            slug = attempt == 2 ? "\(base)-\(profile.commune.slugified)" : "\(base)-\(attempt)"
        }
        return slug
    }

    /// Replaces a profile's fields; only its owner or a hub operator may.
    package func update(_ slug: String, with profile: MerchantProfile, by actor: User) async throws -> Merchant {
        let merchant = try await merchant(slug: slug)
        guard merchant.ownerID == actor.id || actor.role == .hubOperator else {
            throw CommunityError.forbidden("this merchant profile belongs to someone else")
        }
        let (profile, zoneIDs) = try await validated(profile)
        return try await merchants.update(
            merchant.id, profile: profile, zoneIDs: zoneIDs, by: actor.id, at: clock.now())
    }

    /// A shown listing; a hidden one (its owner deleted their account) is not found, as if it had never been.
    package func merchant(slug: String) async throws -> Merchant {
        guard let merchant = try await merchants.merchant(slug: slug), merchant.hiddenAt == nil else {
            throw CommunityNotFound.merchant.notFound
        }
        return merchant
    }

    package func owned(by user: User) async throws -> [Merchant] {
        try await merchants.merchants(ownedBy: user.id)
    }

    package func list(zone: Zone?, category: Category?, limit: Int = 200) async throws -> [Merchant] {
        try await merchants.merchants(zoneID: zone?.id, category: category, limit: limit)
    }

    /// Trims and checks every field; the commune must lie in every zone the profile joins.
    package func validated(_ input: MerchantProfile) async throws -> (MerchantProfile, [Zone.ID]) {
        let (profile, zoneIDs, problems) = try await checked(input)
        if let first = problems.first { throw first }
        return (profile, zoneIDs)
    }

    /// Everything wrong with a profile, each field checked whatever the others hold (a form shows them all).
    package func problems(_ input: MerchantProfile) async throws -> [CommunityError] {
        try await checked(input).2
    }

    private func checked(_ input: MerchantProfile) async throws -> (MerchantProfile, [Zone.ID], [CommunityError]) {
        var profile = input
        var problems: [CommunityError] = []
        func check(_ body: () throws(CommunityError) -> Void) {
            do throws(CommunityError) { try body() } catch { problems.append(error) }
        }
        check { () throws(CommunityError) in
            profile.name = try MerchantRules.text(input.name, field: CommunityField.name, max: 120, required: true)
        }
        check { () throws(CommunityError) in
            profile.description = try MerchantRules.text(
                input.description, field: CommunityField.description, max: 2000)
        }
        check { () throws(CommunityError) in
            profile.address = try MerchantRules.text(input.address, field: CommunityField.address, max: 200)
        }
        check { () throws(CommunityError) in
            profile.commune = try MerchantRules.text(
                input.commune, field: CommunityField.commune, max: 80, required: true)
        }
        profile.postcode = input.postcode.trimmingCharacters(in: .whitespaces)
        if profile.postcode.range(of: #"^[0-9]{5}$"#, options: .regularExpression) == nil {
            problems.append(CommunityField.postcode.invalid("a postcode has five digits"))
        }
        if !(1...5).contains(Set(input.categories).count) {
            problems.append(CommunityField.categories.invalid("choose one to five categories"))
        }
        profile.categories = Array(Set(input.categories)).sorted { $0.rawValue < $1.rawValue }
        check { () throws(CommunityError) in profile.phone = try MerchantRules.phone(input.phone) }
        check { () throws(CommunityError) in profile.email = try MerchantRules.email(input.email) }
        check { () throws(CommunityError) in
            profile.website = try MerchantRules.url(input.website, field: CommunityField.website)
        }
        check { () throws(CommunityError) in
            guard input.links.count <= 10 else { throw CommunityField.links.invalid("at most 10 links") }
            var links: [String] = []
            for link in input.links {
                if let url = try MerchantRules.url(link, field: CommunityField.links) { links.append(url) }
            }
            profile.links = links
        }
        check { () throws(CommunityError) in profile.openingHours = try MerchantRules.openingHours(input.openingHours) }
        check { () throws(CommunityError) in profile.siret = try MerchantRules.siret(input.siret) }
        let slugs = Array(Set(input.zones)).sorted()
        if slugs.isEmpty { problems.append(CommunityField.zones.invalid("choose at least one zone")) }
        var zoneIDs: [Zone.ID] = []
        for slug in slugs {
            guard let zone = try await zones.zone(slug: slug), !zone.isRetired else {
                problems.append(CommunityNotFound.zone.error("no zone '\(slug.prefix(60))'"))
                continue
            }
            // Only a commune that was given can be out of the zone; a missing one is already reported.
            if !profile.commune.isEmpty && problems.allSatisfy({ $0.code != CommunityField.postcode.code })
                && !zone.definition.contains(commune: profile.commune, postcode: profile.postcode)
            {
                problems.append(
                    CommunityField.commune.invalid(
                        "\(profile.commune) (\(profile.postcode)) is not in the zone \(zone.name)"))
            }
            zoneIDs.append(zone.id)
        }
        profile.zones = slugs
        return (profile, zoneIDs, problems)
    }
}
