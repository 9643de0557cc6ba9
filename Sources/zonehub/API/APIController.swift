import Community
import Foundation
import Hummingbird

/// The JSON API under `/api/v1`: zones, postcode lookup, merchants, posts and sessions.
struct APIController {
    let accounts: AccountService
    let merchants: MerchantService
    let posts: PostService
    let zones: ZoneService
    let signInThrottle: SignInThrottle
    /// The hub's public address, for absolute links.
    let publicURL: String
    let clock: any HubClock
    var base: String { publicURL }

    func addRoutes(to group: some RouterMethods<HubRequestContext>) {
        group.get("zones", use: zones)
        group.get("zones/:slug", use: zone)
        group.get("communes", use: communes)
        group.get("merchants", use: merchants)
        group.post("merchants", use: createMerchant)
        group.get("merchants/:slug", use: merchant)
        group.put("merchants/:slug", use: updateMerchant)
        group.get("posts", use: posts)
        group.post("posts", use: createPost)
        group.get("posts/:id", use: post)
        group.put("posts/:id", use: editPost)
        group.post("posts/:id/submit", use: submitPost)
        group.post("posts/:id/withdraw", use: withdrawPost)
        group.post("sessions", use: signIn)
        group.delete("sessions/current", use: signOut)
        group.get("me", use: me)
        group.get("openapi.json", use: openAPI)
    }

    func zones(_ request: Request, context: HubRequestContext) async throws -> Response {
        let zones = try await zones.active().map { ZonePayload($0, baseURL: base) }
        return JSONBody.response(ListPayload(items: zones, next: nil))
    }

    func zone(_ request: Request, context: HubRequestContext) async throws -> Response {
        JSONBody.response(
            ZonePayload(try await zones.zone(slug: context.parameters.require("slug")), baseURL: base))
    }

    func communes(_ request: Request, context: HubRequestContext) async throws -> Response {
        let matches = try await zones.find(request.formQuery().get("q") ?? "")
        return JSONBody.response(ListPayload(items: matches.map(CommunePayload.init), next: nil))
    }

    func merchants(_ request: Request, context: HubRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let zone = try await query.get("zone").asyncMap { try await zones.zone(slug: $0) }
        let category = try query.get("category").map { try Category.parse($0) }
        let merchants = try await merchants.list(zone: zone, category: category)
        return JSONBody.response(ListPayload(items: merchants.map { MerchantPayload($0, baseURL: base) }, next: nil))
    }

    func createMerchant(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let profile = try await JSONBody.decode(MerchantProfile.self, from: request, context: context)
        let merchant = try await merchants.create(profile, owner: user)
        return JSONBody.response(MerchantPayload(merchant, baseURL: base), status: .created)
    }

    func merchant(_ request: Request, context: HubRequestContext) async throws -> Response {
        let merchant = try await merchants.merchant(slug: context.parameters.require("slug"))
        return JSONBody.response(MerchantPayload(merchant, baseURL: base))
    }

    func updateMerchant(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let profile = try await JSONBody.decode(MerchantProfile.self, from: request, context: context)
        let merchant = try await merchants.update(context.parameters.require("slug"), with: profile, by: user)
        return JSONBody.response(MerchantPayload(merchant, baseURL: base))
    }

    /// Published posts by zone, category, merchant and kind; zone admins may ask their zone for other statuses.
    func posts(_ request: Request, context: HubRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let zone = try await query.get("zone").asyncMap { try await zones.zone(slug: $0) }
        let merchant = try await query.get("merchant").asyncMap { try await merchants.merchant(slug: $0) }
        let category = try query.get("category").map { try Category.parse($0) }
        let kind = try query.get("kind").map { value throws(CommunityError) -> PostKind in
            guard let kind = PostKind(rawValue: value) else {
                throw CommunityField.kind.invalid("one of offer, news, event")
            }
            return kind
        }
        let limit = try Self.integer(query.get("limit"), RequestField.limit, in: 1...100) ?? 30
        let before = try Self.integer(query.get("before"), RequestField.before, in: 1...Int.max).map {
            Post.ID(Int64($0))
        }
        let found: [Post]
        if let status = query.get("status"), status != PostStatus.published.rawValue {
            guard let status = PostStatus(rawValue: status) else {
                throw RequestField.status.invalid("unknown status '\(status.prefix(20))'")
            }
            guard let zone else { throw RequestField.zone.invalid("a status filter needs a zone") }
            found = try await posts.zonePosts(zone, statuses: [status], by: try context.requireUser(), limit: limit)
        } else {
            found = try await posts.live(
                zone: zone, merchant: merchant, category: category, kind: kind, limit: limit, before: before)
        }
        let next = found.count == limit ? found.last.map { String($0.id.rawValue) } : nil
        return JSONBody.response(ListPayload(items: found.map { PostPayload($0, baseURL: base) }, next: next))
    }

    func createPost(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await JSONBody.decode(PostRequest.self, from: request, context: context)
        guard let merchant = body.merchant else {
            throw BodyError(.missingField, "merchant: is required")
        }
        guard let zone = body.zone else { throw BodyError(.missingField, "zone: is required") }
        // A submission the screener refuses writes nothing, so a retry does not leave drafts behind.
        let post =
            body.submit == true
            ? try await posts.createSubmitted(body.content, merchantSlug: merchant, zoneSlug: zone, by: user)
            : try await posts.create(body.content, merchantSlug: merchant, zoneSlug: zone, by: user)
        return JSONBody.response(PostPayload(post, baseURL: base), status: .created)
    }

    func post(_ request: Request, context: HubRequestContext) async throws -> Response {
        JSONBody.response(
            PostPayload(try await posts.post(try PathID.post(context), viewer: context.user), baseURL: base))
    }

    func editPost(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try PathID.post(context)
        let body = try await JSONBody.decode(PostRequest.self, from: request, context: context)
        return JSONBody.response(
            PostPayload(try await posts.edit(id, content: body.content, by: user), baseURL: base))
    }

    func submitPost(_ request: Request, context: HubRequestContext) async throws -> Response {
        let post = try await posts.submit(try PathID.post(context), by: try context.requireUser())
        return JSONBody.response(PostPayload(post, baseURL: base))
    }

    func withdrawPost(_ request: Request, context: HubRequestContext) async throws -> Response {
        let post = try await posts.withdraw(try PathID.post(context), by: try context.requireUser())
        return JSONBody.response(PostPayload(post, baseURL: base))
    }

    func signIn(_ request: Request, context: HubRequestContext) async throws -> Response {
        let body = try await JSONBody.decode(SignInRequest.self, from: request, context: context)
        let (user, token) = try await accounts.signIn(
            email: body.email, password: body.password, client: context.clientAddress, throttle: signInThrottle,
            now: clock.now())
        return JSONBody.response(SessionPayload(token: token, user: UserPayload(user)), status: .created)
    }

    func signOut(_ request: Request, context: HubRequestContext) async throws -> Response {
        _ = try context.requireUser()
        if let token = context.sessionToken { try await accounts.signOut(token: token) }
        return Response(status: .noContent)
    }

    func me(_ request: Request, context: HubRequestContext) async throws -> Response {
        JSONBody.response(UserPayload(try context.requireUser()))
    }

    /// `API/openapi.json`, the one description of the API, served byte for byte as SwiftPM embedded it.
    static let openAPIDocument = ByteBuffer(bytes: PackageResources.openapi_json)

    func openAPI(_ request: Request, context: HubRequestContext) async throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: Self.openAPIDocument))
    }

    static func integer(_ text: String?, _ field: some InputField, in range: ClosedRange<Int>) throws(CommunityError)
        -> Int?
    {
        guard let text else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw field.invalid("must be a whole number from \(range.lowerBound)")
        }
        return value
    }
}

extension Optional {
    /// `map` for async transforms.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
