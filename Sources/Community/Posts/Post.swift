import Foundation

/// What a post announces.
package enum PostKind: String, Codable, CaseIterable, Sendable {
    case offer, news, event
}

/// Where a post is in its life: draft → submitted → published or held → expired, withdrawn or removed.
package enum PostStatus: String, Codable, CaseIterable, Sendable {
    case draft, submitted, held, scheduled, published, expired, withdrawn, removed

    /// States a merchant may still edit.
    package var isEditable: Bool { [.draft, .held, .scheduled, .published].contains(self) }
    /// States a merchant may withdraw from.
    package var isWithdrawable: Bool { [.draft, .held, .scheduled, .published].contains(self) }
}

/// The part of a post its merchant writes.
package struct PostContent: Codable, Equatable, Sendable {
    package var kind: PostKind
    package var title: String
    /// Plain text: shown escaped, with links made clickable, never as HTML.
    package var body: String
    package var category: Category
    package var priceCents: Int?
    package var imageURL: String?
    package var validFrom: Date?
    package var validUntil: Date?
    package var eventAt: Date?
    /// Publication waits until this moment when it is in the future.
    package var publishAt: Date?

    package init(
        kind: PostKind, title: String, body: String, category: Category, priceCents: Int? = nil,
        imageURL: String? = nil, validFrom: Date? = nil, validUntil: Date? = nil, eventAt: Date? = nil,
        publishAt: Date? = nil
    ) {
        self.kind = kind
        self.title = title
        self.body = body
        self.category = category
        self.priceCents = priceCents
        self.imageURL = imageURL
        self.validFrom = validFrom
        self.validUntil = validUntil
        self.eventAt = eventAt
        self.publishAt = publishAt
    }
}

/// A merchant's post in one zone, with the names needed to show it.
package struct Post: Identifiable, Equatable, Sendable {
    package typealias ID = Identifier<Post>

    package let id: ID
    package let zoneID: Zone.ID
    package let zoneSlug: String
    package let merchantID: Merchant.ID
    package let merchantSlug: String
    package let merchantName: String
    package let content: PostContent
    package let status: PostStatus
    /// Why screening held the post, for the admins who review it.
    package let heldReasons: [String]
    package let createdAt: Date
    package let updatedAt: Date
    package let publishedAt: Date?

    package init(
        id: ID, zoneID: Zone.ID, zoneSlug: String, merchantID: Merchant.ID, merchantSlug: String,
        merchantName: String, content: PostContent, status: PostStatus, heldReasons: [String], createdAt: Date,
        updatedAt: Date, publishedAt: Date?
    ) {
        self.id = id
        self.zoneID = zoneID
        self.zoneSlug = zoneSlug
        self.merchantID = merchantID
        self.merchantSlug = merchantSlug
        self.merchantName = merchantName
        self.content = content
        self.status = status
        self.heldReasons = heldReasons
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.publishedAt = publishedAt
    }
}

/// Which posts a listing wants.
package struct PostQuery: Equatable, Sendable {
    package var zoneID: Zone.ID?
    package var merchantID: Merchant.ID?
    package var category: Category?
    package var kind: PostKind?
    package var statuses: Set<PostStatus>
    /// Leaves out posts whose `validUntil` has passed at this moment, even before the expiry sweep ran.
    package var liveAt: Date?
    package var limit: Int
    /// Only posts with an id below this one (for paging newest first).
    package var before: Post.ID?

    package init(
        zoneID: Zone.ID? = nil, merchantID: Merchant.ID? = nil, category: Category? = nil, kind: PostKind? = nil,
        statuses: Set<PostStatus> = [.published], liveAt: Date? = nil, limit: Int = 50, before: Post.ID? = nil
    ) {
        self.zoneID = zoneID
        self.merchantID = merchantID
        self.category = category
        self.kind = kind
        self.statuses = statuses
        self.liveAt = liveAt
        self.limit = limit
        self.before = before
    }

    /// Published posts still valid at `now`: what residents see.
    package static func live(at now: Date, limit: Int = 50) -> PostQuery {
        PostQuery(statuses: [.published], liveAt: now, limit: limit)
    }
}

/// Community's screening hook: decides what happens to a submitted post. Moderation implements it.
package protocol PostScreener: Sendable {
    func screen(_ submission: Submission) async throws -> ScreeningDecision
}

/// What a screener sees of a submitted post.
package struct Submission: Sendable {
    package let content: PostContent
    package let zone: Zone
    package let merchant: Merchant
    package let isResubmission: Bool

    package init(content: PostContent, zone: Zone, merchant: Merchant, isResubmission: Bool) {
        self.content = content
        self.zone = zone
        self.merchant = merchant
        self.isResubmission = isResubmission
    }
}

/// A screener's verdict on a submission.
package enum ScreeningDecision: Equatable, Sendable {
    case publish
    /// Published, but marked for admins to look at, with the reasons.
    case publishFlagged(reasons: [String])
    /// Held for an admin, with every reason that applied.
    case hold(reasons: [String])
    /// Refused outright, with a message for the author in English and in French; the post stays a draft.
    case block(message: String, french: String)
}

/// The simplest screening: the zone's policy alone decides publish or hold (the hub wires in Moderation's rules;
/// this serves where rules do not matter, such as Community's own tests).
package struct ZonePolicyScreener: PostScreener {
    package init() {}

    package func screen(_ submission: Submission) async throws -> ScreeningDecision {
        switch submission.zone.definition.moderation.policy {
        case .publish: .publish
        case .review: .hold(reasons: [HoldReason.zonePolicyReview.stored])
        }
    }
}
