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
        router.get("/dashboard/posts/:id/withdraw", use: confirmWithdrawal)
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
        page.flash = Flash(request)
        page.organisesPopUps = !context.frame.organised.isEmpty || !context.frame.administered.isEmpty
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    // MARK: - Merchant profiles

    func newMerchant(_ request: Request, context: HubRequestContext) async throws -> Response {
        _ = try context.requireUser()
        let empty = MerchantProfile(name: "", categories: [], commune: "", postcode: "", zones: [])
        return try await merchantEditor(
            empty, hours: OpeningHoursFields(stored: nil), action: "/dashboard/merchants", errors: .init(),
            context: context)
    }

    func createMerchant(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        var (profile, hours, errors) = MerchantForm.read(try await FormBody.read(request, context: context))
        errors.add(try await merchants.problems(profile))
        errors.order(MerchantForm.fields)
        if errors.isEmpty {
            do {
                let merchant = try await merchants.create(profile, owner: user)
                return PageRenderer.redirect(to: Flash.merchantCreated.on("/merchants/\(merchant.slug)"))
            } catch let error as CommunityError where Self.answerable(error) { errors.add(error) }
        }
        return try await merchantEditor(
            profile, hours: hours, action: "/dashboard/merchants", errors: errors, context: context)
    }

    func editMerchant(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let merchant = try await ownMerchant(try context.parameters.require("slug"), user)
        return try await merchantEditor(
            merchant.profile, hours: OpeningHoursFields(stored: merchant.profile.openingHours),
            action: "/dashboard/merchants/\(merchant.slug)", errors: .init(), context: context)
    }

    func updateMerchant(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let merchant = try await ownMerchant(try context.parameters.require("slug"), user)
        var (profile, hours, errors) = MerchantForm.read(try await FormBody.read(request, context: context))
        errors.add(try await merchants.problems(profile))
        errors.order(MerchantForm.fields)
        if errors.isEmpty {
            do {
                let saved = try await merchants.update(merchant.slug, with: profile, by: user)
                return PageRenderer.redirect(to: Flash.merchantSaved.on("/merchants/\(saved.slug)"))
            } catch let error as CommunityError where Self.answerable(error) { errors.add(error) }
        }
        return try await merchantEditor(
            profile, hours: hours, action: "/dashboard/merchants/\(merchant.slug)", errors: errors, context: context)
    }

    private func merchantEditor(
        _ profile: MerchantProfile, hours: OpeningHoursFields, action: String, errors: FormErrors,
        context: HubRequestContext
    ) async throws -> Response {
        let page = MerchantFormPage(
            profile: profile, hours: hours, action: action, zones: try await zones.active(), errors: errors)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: Self.status(errors))
    }

    func ownMerchant(_ slug: String, _ user: User) async throws -> Merchant {
        let merchant = try await merchants.merchant(slug: slug)
        guard merchant.ownerID == user.id || user.role == .hubOperator else {
            throw CommunityError.forbidden("this merchant profile belongs to someone else")
        }
        return merchant
    }

    /// Errors a form answers on its own page: what was typed, and conflicts with what is stored.
    static func answerable(_ error: CommunityError) -> Bool {
        error.category == .invalidInput || error.category == .conflict
    }

    /// 400 for a form sent back with errors, 409 when only a conflict stopped it.
    static func status(_ errors: FormErrors) -> HTTPResponse.Status {
        if errors.isEmpty { return .ok }
        return errors.byField.isEmpty && errors.general.allSatisfy { $0.category == .conflict } ? .conflict : .badRequest
    }
}
