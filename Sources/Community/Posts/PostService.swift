import Foundation

/// Posts: writing, submitting through screening, withdrawing, listing, and the passage of time.
package struct PostService: Sendable {
    let posts: any PostStore
    let merchants: any MerchantStore
    let zones: any ZoneStore
    let screener: any PostScreener
    let clock: any HubClock

    package init(
        posts: any PostStore, merchants: any MerchantStore, zones: any ZoneStore, screener: any PostScreener,
        clock: any HubClock
    ) {
        self.posts = posts
        self.merchants = merchants
        self.zones = zones
        self.screener = screener
        self.clock = clock
    }

    /// Saves a new draft for one of the actor's merchant profiles, in one of that merchant's zones.
    package func create(_ content: PostContent, merchantSlug: String, zoneSlug: String, by actor: User) async throws
        -> Post
    {
        let merchant = try await ownedMerchant(merchantSlug, by: actor)
        guard let zone = try await zones.zone(slug: zoneSlug), !zone.isRetired else {
            throw CommunityNotFound.zone.notFound
        }
        guard merchant.zoneIDs.contains(zone.id) else {
            throw CommunityField.zone.invalid("\(merchant.name) does not belong to the zone \(zone.name)")
        }
        let content = try PostRules.validated(content)
        return try await posts.create(
            zoneID: zone.id, merchantID: merchant.id, content: content, by: actor.id, at: clock.now())
    }

    /// Writes a new post and submits it at once: the screener decides before anything is written, so a post it
    /// blocks (or content refused) leaves no draft behind; creation and submission are audited together.
    package func createSubmitted(_ content: PostContent, merchantSlug: String, zoneSlug: String, by actor: User)
        async throws -> Post
    {
        let merchant = try await ownedMerchant(merchantSlug, by: actor)
        guard let zone = try await zones.zone(slug: zoneSlug), !zone.isRetired else {
            throw CommunityNotFound.zone.notFound
        }
        guard merchant.zoneIDs.contains(zone.id) else {
            throw CommunityField.zone.invalid("\(merchant.name) does not belong to the zone \(zone.name)")
        }
        let content = try PostRules.validated(content)
        let (status, reasons) = try await screen(content, zone: zone, merchant: merchant, isResubmission: false)
        return try await posts.createSubmitted(
            zoneID: zone.id, merchantID: merchant.id, content: content, status: status, heldReasons: reasons,
            by: actor.id, at: clock.now())
    }

    /// Replaces a draft's content and submits it in one step: when the content or the screener refuses it, the
    /// draft keeps what it held before.
    package func submit(_ id: Post.ID, content: PostContent, by actor: User) async throws -> Post {
        let post = try await ownedPost(id, by: actor)
        guard post.status == .draft else {
            throw CommunityProblem.postNotDraft.error(
                "only a draft can be submitted; this post is \(post.status.rawValue)")
        }
        let content = try PostRules.validated(content)
        let (status, reasons) = try await screen(content, of: post, isResubmission: false)
        return try await posts.update(
            id, content: content, status: status, heldReasons: reasons, expected: .draft, action: .postSubmit,
            by: actor.id, at: clock.now())
    }

    /// Replaces a post's content; a post already submitted goes through screening again.
    package func edit(_ id: Post.ID, content: PostContent, by actor: User) async throws -> Post {
        let post = try await ownedPost(id, by: actor)
        guard post.status.isEditable else {
            throw CommunityProblem.postNotEditable.error("a \(post.status.rawValue) post can no longer be edited")
        }
        let content = try PostRules.validated(content)
        guard post.status != .draft else {
            return try await posts.update(
                id, content: content, status: .draft, heldReasons: [], expected: .draft, action: .postEdit,
                by: actor.id, at: clock.now())
        }
        let (status, reasons) = try await screen(content, of: post, isResubmission: true)
        return try await posts.update(
            id, content: content, status: status, heldReasons: reasons, expected: post.status, action: .postEdit,
            by: actor.id, at: clock.now())
    }

    /// Submits a draft: the screener publishes it (now or at `publishAt`), holds it for review, or blocks it.
    package func submit(_ id: Post.ID, by actor: User) async throws -> Post {
        let post = try await ownedPost(id, by: actor)
        guard post.status == .draft else {
            throw CommunityProblem.postNotDraft.error(
                "only a draft can be submitted; this post is \(post.status.rawValue)")
        }
        let (status, reasons) = try await screen(post.content, of: post, isResubmission: false)
        return try await posts.transition(
            id, from: .draft, to: status, heldReasons: reasons, action: .postSubmit, by: actor.id, at: clock.now())
    }

    /// Takes a post off the hub at its merchant's request.
    package func withdraw(_ id: Post.ID, by actor: User) async throws -> Post {
        let post = try await ownedPost(id, by: actor)
        guard post.status.isWithdrawable else {
            throw CommunityProblem.postNotWithdrawable.error("a \(post.status.rawValue) post cannot be withdrawn")
        }
        return try await posts.transition(
            id, from: post.status, to: .withdrawn, heldReasons: post.heldReasons, action: .postWithdraw,
            by: actor.id, at: clock.now())
    }

    /// A post as `viewer` may see it: published and expired posts are public, others only to their merchant and
    /// the zone's admins (anyone else gets `post_not_found`, so unpublished posts do not leak).
    package func post(_ id: Post.ID, viewer: User?) async throws -> Post {
        guard let post = try await posts.post(id: id) else { throw CommunityNotFound.post.notFound }
        if post.status == .published || post.status == .expired { return post }
        guard let viewer, try await canManage(post, viewer) || viewer.administers(post.zoneID) else {
            throw CommunityNotFound.post.notFound
        }
        return post
    }

    /// Posts residents see: published and still valid, newest first.
    package func live(
        zone: Zone?, merchant: Merchant? = nil, category: Category? = nil, kind: PostKind? = nil,
        limit: Int = 30, before: Post.ID? = nil
    ) async throws -> [Post] {
        var query = PostQuery.live(at: clock.now(), limit: limit)
        query.zoneID = zone?.id
        query.merchantID = merchant?.id
        query.category = category
        query.kind = kind
        query.before = before
        return try await posts.posts(query)
    }

    /// A zone's posts in any status, for that zone's admins (the moderation queue builds on this).
    package func zonePosts(_ zone: Zone, statuses: Set<PostStatus>, by actor: User, limit: Int = 100) async throws
        -> [Post]
    {
        guard actor.administers(zone.id) else {
            throw CommunityError.forbidden("you do not administer the zone \(zone.name)")
        }
        return try await posts.posts(PostQuery(zoneID: zone.id, statuses: statuses, limit: limit))
    }

    /// Every post of a merchant in every status, for its owner's dashboard.
    package func dashboard(merchantSlug: String, by actor: User) async throws -> [Post] {
        let merchant = try await ownedMerchant(merchantSlug, by: actor)
        return try await posts.posts(
            PostQuery(merchantID: merchant.id, statuses: Set(PostStatus.allCases), limit: 200))
    }

    /// Publishes scheduled posts that are due and expires those whose validity ended.
    @discardableResult
    package func advance() async throws -> (published: Int, expired: Int) {
        try await posts.advance(to: clock.now())
    }

    // MARK: - Rules

    private func screen(_ content: PostContent, of post: Post, isResubmission: Bool) async throws
        -> (PostStatus, [String])
    {
        guard let zone = try await zones.zone(id: post.zoneID), !zone.isRetired else {
            throw CommunityNotFound.zone.notFound
        }
        guard let merchant = try await merchants.merchant(id: post.merchantID) else {
            throw CommunityNotFound.merchant.notFound
        }
        return try await screen(content, zone: zone, merchant: merchant, isResubmission: isResubmission)
    }

    private func screen(_ content: PostContent, zone: Zone, merchant: Merchant, isResubmission: Bool) async throws
        -> (PostStatus, [String])
    {
        let now = clock.now()
        if let until = content.validUntil, until <= now {
            throw CommunityField.validUntil.invalid("the offer's validity has already ended")
        }
        let submission = Submission(content: content, zone: zone, merchant: merchant, isResubmission: isResubmission)
        switch try await screener.screen(submission) {
        case .publish:
            if let publishAt = content.publishAt, publishAt > now { return (.scheduled, []) }
            return (.published, [])
        case .publishFlagged(let reasons):
            if let publishAt = content.publishAt, publishAt > now { return (.scheduled, reasons) }
            return (.published, reasons)
        case .hold(let reasons):
            return (.held, reasons)
        case .block(let message, let french):
            throw CommunityError(CommunityProblem.postBlocked, message, french: french)
        }
    }

    private func ownedMerchant(_ slug: String, by actor: User) async throws -> Merchant {
        guard actor.role == .merchant || actor.role == .hubOperator else {
            throw CommunityError.forbidden("only merchants can write posts")
        }
        guard let merchant = try await merchants.merchant(slug: slug) else { throw CommunityNotFound.merchant.notFound }
        guard merchant.ownerID == actor.id || actor.role == .hubOperator else {
            throw CommunityError.forbidden("this merchant profile belongs to someone else")
        }
        return merchant
    }

    private func ownedPost(_ id: Post.ID, by actor: User) async throws -> Post {
        guard let post = try await posts.post(id: id) else { throw CommunityNotFound.post.notFound }
        guard try await canManage(post, actor) else {
            throw CommunityError.forbidden("this post belongs to another merchant")
        }
        return post
    }

    private func canManage(_ post: Post, _ user: User) async throws -> Bool {
        if user.role == .hubOperator { return true }
        guard user.role == .merchant, let merchant = try await merchants.merchant(id: post.merchantID) else {
            return false
        }
        return merchant.ownerID == user.id
    }
}
