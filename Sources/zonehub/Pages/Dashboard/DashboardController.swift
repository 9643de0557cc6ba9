import Community
import Feeds
import Foundation
import Hummingbird
import Moderation

/// The signed-in space: a merchant's profiles and posts, a zone admin's zones. Each page's markup is its view's
/// (`DashboardPage`, `MerchantFormPage`, `PostFormPage`).
struct DashboardController {
    let zones: ZoneService
    let merchants: MerchantService
    let posts: PostService
    let moderation: ModerationQueue
    let subscriptions: SubscriptionService
    /// Each merchant's last 30 days of reach.
    let reach: ReachService

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/dashboard", use: overview)
        router.get("/dashboard/merchants/new", use: newMerchant)
        router.post("/dashboard/merchants", use: createMerchant)
        router.get("/dashboard/merchants/:slug/edit", use: editMerchant)
        router.post("/dashboard/merchants/:slug", use: updateMerchant)
        router.get("/dashboard/posts/new", use: newPost)
        router.post("/dashboard/posts", use: createPost)
        router.get("/dashboard/posts/:id/edit", use: editPost)
        router.post("/dashboard/posts/:id", use: updatePost)
        router.post("/dashboard/posts/:id/submit", use: submitPost)
        router.post("/dashboard/posts/:id/withdraw", use: withdrawPost)
    }

    func overview(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        var spaces: [DashboardPage.MerchantSpace] = []
        for merchant in try await merchants.owned(by: user) {
            let posts = try await posts.dashboard(merchantSlug: merchant.slug, by: user)
            var decisions: [Post.ID: Decision] = [:]
            for post in posts where post.status == .draft || post.status == .removed {
                decisions[post.id] = try await moderation.history(of: post, for: user).last
            }
            spaces.append(
                DashboardPage.MerchantSpace(
                    merchant: merchant, posts: posts, decisions: decisions, reach: try await reach.recent(merchant)))
        }
        var adminZones: [DashboardPage.AdminZone] = []
        for zone in try await zones.active() where user.role != .merchant && user.administers(zone.id) {
            let items = try await moderation.list(zone, by: user)
            // Operators are shown only the zones whose queue has escalated; zone admins always see theirs.
            if user.role == .hubOperator && !items.contains(where: \.escalated) { continue }
            adminZones.append(DashboardPage.AdminZone(zone: zone, items: items))
        }
        let digest = try await subscriptions.subscription(of: user)
        var page = DashboardPage(user: user, merchants: spaces, adminZones: adminZones, digest: digest)
        page.organisesPopUps = !context.frame.organised.isEmpty || !context.frame.administered.isEmpty
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    // MARK: - Merchant profiles

    func newMerchant(_ request: Request, context: HubRequestContext) async throws -> Response {
        _ = try context.requireUser()
        let empty = MerchantProfile(name: "", categories: [], commune: "", postcode: "", zones: [])
        return try await merchantEditor(empty, action: "/dashboard/merchants", error: nil, context: context)
    }

    func createMerchant(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await FormBody.read(request, context: context)
        var profile = MerchantProfile(name: "", categories: [], commune: "", postcode: "", zones: [])
        do {
            profile = try MerchantForm.profile(form)
            let merchant = try await merchants.create(profile, owner: user)
            return PageRenderer.redirect(to: "/merchants/\(merchant.slug)")
        } catch let error as CommunityError where error.category == .invalidInput || error.category == .conflict {
            return try await merchantEditor(profile, action: "/dashboard/merchants", error: error, context: context)
        }
    }

    func editMerchant(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let merchant = try await merchants.merchant(slug: context.parameters.require("slug"))
        guard merchant.ownerID == user.id || user.role == .hubOperator else {
            throw CommunityError.forbidden("this merchant profile belongs to someone else")
        }
        return try await merchantEditor(
            merchant.profile, action: "/dashboard/merchants/\(merchant.slug)", error: nil, context: context)
    }

    func updateMerchant(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = try context.parameters.require("slug")
        let form = try await FormBody.read(request, context: context)
        var profile = try await merchants.merchant(slug: slug).profile
        do {
            profile = try MerchantForm.profile(form)
            let merchant = try await merchants.update(slug, with: profile, by: user)
            return PageRenderer.redirect(to: "/merchants/\(merchant.slug)")
        } catch let error as CommunityError where error.category == .invalidInput || error.category == .conflict {
            return try await merchantEditor(
                profile, action: "/dashboard/merchants/\(slug)", error: error, context: context)
        }
    }

    private func merchantEditor(
        _ profile: MerchantProfile, action: String, error: CommunityError?,
        context: HubRequestContext
    ) async throws -> Response {
        let page = MerchantFormPage(profile: profile, action: action, zones: try await zones.active(), error: error)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context,
            status: error == nil ? .ok : ErrorMiddleware.status(of: error!.category))
    }

    // MARK: - Posts

    func newPost(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let slug = request.uri.queryParameters.get("merchant") ?? ""
        let merchant = try await ownMerchant(slug, user)
        return try await postEditor(PostForm(), merchant: merchant, postID: nil, error: nil, context: context)
    }

    func createPost(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await FormBody.read(request, context: context)
        let merchant = try await ownMerchant(body["merchant"] ?? "", user)
        let form = PostForm(body)
        do {
            var post = try await posts.create(
                try form.content(), merchantSlug: merchant.slug, zoneSlug: form.zone, by: user)
            if body["action"] == "submit" { post = try await posts.submit(post.id, by: user) }
            return PageRenderer.redirect(to: "/dashboard#post-\(post.id.rawValue)")
        } catch let error as CommunityError where error.category == .invalidInput {
            return try await postEditor(form, merchant: merchant, postID: nil, error: error, context: context)
        }
    }

    func editPost(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let post = try await posts.post(try PathID.post(context), viewer: user)
        let merchant = try await ownMerchant(post.merchantSlug, user)
        return try await postEditor(PostForm(post), merchant: merchant, postID: post.id, error: nil, context: context)
    }

    func updatePost(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try PathID.post(context)
        let body = try await FormBody.read(request, context: context)
        let post = try await posts.post(id, viewer: user)
        let merchant = try await ownMerchant(post.merchantSlug, user)
        let form = PostForm(body)
        do {
            var edited = try await posts.edit(id, content: try form.content(), by: user)
            if body["action"] == "submit" && edited.status == .draft {
                edited = try await posts.submit(id, by: user)
            }
            return PageRenderer.redirect(to: "/dashboard#post-\(edited.id.rawValue)")
        } catch let error as CommunityError where error.category == .invalidInput {
            return try await postEditor(form, merchant: merchant, postID: id, error: error, context: context)
        }
    }

    func submitPost(_ request: Request, context: HubRequestContext) async throws -> Response {
        let post = try await posts.submit(try PathID.post(context), by: try context.requireUser())
        return PageRenderer.redirect(to: "/dashboard#post-\(post.id.rawValue)")
    }

    func withdrawPost(_ request: Request, context: HubRequestContext) async throws -> Response {
        let post = try await posts.withdraw(try PathID.post(context), by: try context.requireUser())
        return PageRenderer.redirect(to: "/dashboard#post-\(post.id.rawValue)")
    }

    private func postEditor(
        _ form: PostForm, merchant: Merchant, postID: Post.ID?, error: CommunityError?,
        context: HubRequestContext
    ) async throws -> Response {
        let zones = try await zones.active().filter { merchant.zoneIDs.contains($0.id) }
        let page = PostFormPage(form: form, merchant: merchant, postID: postID, zones: zones, error: error)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context,
            status: error == nil ? .ok : .badRequest)
    }

    private func ownMerchant(_ slug: String, _ user: User) async throws -> Merchant {
        let merchant = try await merchants.merchant(slug: slug)
        guard merchant.ownerID == user.id || user.role == .hubOperator else {
            throw CommunityError.forbidden("this merchant profile belongs to someone else")
        }
        return merchant
    }
}
