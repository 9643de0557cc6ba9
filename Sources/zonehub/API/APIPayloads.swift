import Community
import Foundation

/// A zone as the API shows it.
struct ZonePayload: Codable {
    let slug: String
    let name: String
    let description: String
    let departements: [String]
    let timeZone: String
    let locale: String
    let communes: [ZoneDefinition.Commune]
    let url: String

    init(_ zone: Zone, baseURL: String) {
        slug = zone.slug
        name = zone.name
        description = zone.definition.description
        departements = zone.definition.departements
        timeZone = zone.definition.timeZone
        locale = zone.definition.locale
        communes = zone.definition.communes
        url = "\(baseURL)/zones/\(zone.slug)"
    }
}

/// A commune found by a postcode or name lookup.
struct CommunePayload: Codable {
    let commune: String
    let postcode: String
    let zone: String
    let zoneName: String

    init(_ match: CommuneMatch) {
        commune = match.commune
        postcode = match.postcode
        zone = match.zoneSlug
        zoneName = match.zoneName
    }
}

/// A merchant profile as the API shows it.
struct MerchantPayload: Codable {
    let slug: String
    let profile: MerchantProfile
    let url: String
    let updatedAt: Date
    let confirmedAt: Date

    init(_ merchant: Merchant, baseURL: String) {
        slug = merchant.slug
        profile = merchant.profile
        url = "\(baseURL)/merchants/\(merchant.slug)"
        updatedAt = merchant.updatedAt
        confirmedAt = merchant.confirmedAt ?? merchant.createdAt
    }
}

/// What a client sends to create a post (`merchant` and `zone` only on creation).
struct PostRequest: Codable {
    let merchant: String?
    let zone: String?
    let content: PostContent
    /// Submit straight away rather than keep a draft.
    let submit: Bool?

    enum CodingKeys: String, CodingKey { case merchant, zone, submit }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        merchant = try container.decodeIfPresent(String.self, forKey: .merchant)
        zone = try container.decodeIfPresent(String.self, forKey: .zone)
        submit = try container.decodeIfPresent(Bool.self, forKey: .submit)
        content = try PostContent(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(merchant, forKey: .merchant)
        try container.encodeIfPresent(zone, forKey: .zone)
        try container.encodeIfPresent(submit, forKey: .submit)
        try content.encode(to: encoder)
    }
}

/// A post as the API shows it.
struct PostPayload: Codable {
    let id: Int64
    let zone: String
    let merchant: String
    let merchantName: String
    let status: PostStatus
    let heldReasons: [String]
    let content: PostContent
    let url: String
    let createdAt: Date
    let updatedAt: Date
    let publishedAt: Date?

    init(_ post: Post, baseURL: String) {
        id = post.id.rawValue
        zone = post.zoneSlug
        merchant = post.merchantSlug
        merchantName = post.merchantName
        status = post.status
        heldReasons = post.heldReasons
        content = post.content
        url = "\(baseURL)/posts/\(post.id.rawValue)"
        createdAt = post.createdAt
        updatedAt = post.updatedAt
        publishedAt = post.publishedAt
    }
}

/// Sign-in request and answer.
struct SignInRequest: Codable {
    let email: String
    let password: String
}

struct SessionPayload: Codable {
    let token: String
    let user: UserPayload
}

struct UserPayload: Codable {
    let id: Int64
    let email: String
    let displayName: String
    let role: Role

    init(_ user: User) {
        id = user.id.rawValue
        email = user.email
        displayName = user.displayName
        role = user.role
    }
}

/// A list answer, with the cursor for the next page when there may be one.
struct ListPayload<Item: Codable>: Codable {
    let items: [Item]
    let next: String?
}
