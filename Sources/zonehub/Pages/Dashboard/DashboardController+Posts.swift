import Community
import Hummingbird

/// A merchant's posts: writing, submitting and withdrawing them, each success told once on the dashboard.
extension DashboardController {
    func newPost(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let merchant = try await ownMerchant(request.uri.queryParameters.get("merchant") ?? "", user)
        return try await postEditor(PostForm(), merchant: merchant, postID: nil, errors: .init(), context: context)
    }

    /// Saves a draft, or writes the post submitted: a refused submission writes nothing and shows the form again.
    func createPost(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await FormBody.read(request, context: context)
        let merchant = try await ownMerchant(body["merchant"] ?? "", user)
        let form = PostForm(body)
        var (content, errors) = form.content()
        if let content {
            do {
                let post =
                    body["action"] == "submit"
                    ? try await posts.createSubmitted(
                        content, merchantSlug: merchant.slug, zoneSlug: form.zone, by: user)
                    : try await posts.create(content, merchantSlug: merchant.slug, zoneSlug: form.zone, by: user)
                return PageRenderer.redirect(to: Flash(saved: post).on("/dashboard#post-\(post.id.rawValue)"))
            } catch let error as CommunityError where Self.answerable(error) { errors.add(error) }
        }
        return try await postEditor(form, merchant: merchant, postID: nil, errors: errors, context: context)
    }

    func editPost(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let post = try await posts.post(try PathID.post(context), viewer: user)
        let merchant = try await ownMerchant(post.merchantSlug, user)
        return try await postEditor(
            PostForm(post), merchant: merchant, postID: post.id, errors: .init(), context: context)
    }

    /// Saves the changes; "Soumettre" on a draft saves and submits in one step, or changes nothing when refused.
    func updatePost(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try PathID.post(context)
        let body = try await FormBody.read(request, context: context)
        let post = try await posts.post(id, viewer: user)
        let merchant = try await ownMerchant(post.merchantSlug, user)
        let form = PostForm(body)
        var (content, errors) = form.content()
        if let content {
            do {
                let saved =
                    body["action"] == "submit" && post.status == .draft
                    ? try await posts.submit(id, content: content, by: user)
                    : try await posts.edit(id, content: content, by: user)
                return PageRenderer.redirect(to: Flash(saved: saved).on("/dashboard#post-\(saved.id.rawValue)"))
            } catch let error as CommunityError where Self.answerable(error) { errors.add(error) }
        }
        return try await postEditor(form, merchant: merchant, postID: id, errors: errors, context: context)
    }

    /// Submits a draft from the dashboard; when refused, its form shows why with the draft's values.
    func submitPost(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try PathID.post(context)
        do {
            let post = try await posts.submit(id, by: user)
            return PageRenderer.redirect(to: Flash(saved: post).on("/dashboard#post-\(post.id.rawValue)"))
        } catch let error as CommunityError where Self.answerable(error) {
            let post = try await posts.post(id, viewer: user)
            var errors = FormErrors()
            errors.add(error)
            return try await postEditor(
                PostForm(post), merchant: try await ownMerchant(post.merchantSlug, user), postID: id, errors: errors,
                context: context)
        }
    }

    /// The step before withdrawing, which cannot be undone: what will happen, and the button that does it.
    func confirmWithdrawal(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let post = try await posts.post(try PathID.post(context), viewer: user)
        _ = try await ownMerchant(post.merchantSlug, user)
        let page = PostWithdrawPage(post: post)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }

    /// Withdraws only with the field the confirmation page sends; otherwise shows that page.
    func withdrawPost(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await FormBody.read(request, context: context)
        guard form["confirm"] == "1" else { return try await confirmWithdrawal(request, context: context) }
        let post = try await posts.withdraw(try PathID.post(context), by: user)
        return PageRenderer.redirect(to: Flash.postWithdrawn.on("/dashboard#post-\(post.id.rawValue)"))
    }

    private func postEditor(
        _ form: PostForm, merchant: Merchant, postID: Post.ID?, errors: FormErrors, context: HubRequestContext
    ) async throws -> Response {
        let zones = try await zones.active().filter { merchant.zoneIDs.contains($0.id) }
        let page = PostFormPage(form: form, merchant: merchant, postID: postID, zones: zones, errors: errors)
        return PageRenderer.page(
            page.title(context.language), page.body(context.language), context: context, status: Self.status(errors))
    }
}
