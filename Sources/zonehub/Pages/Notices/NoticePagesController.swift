import Community
import Hummingbird
import Notices

/// The notice preference page: from the signed link in every notice (no sign-in needed), or signed in from the
/// dashboard. A GET only shows (a mail scanner following the link changes nothing); a POST changes one kind.
struct NoticePagesController {
    let notices: NoticeService

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/notices/preferences", use: page)
        router.post("/notices/preferences", use: change)
    }

    func page(_ request: Request, context: HubRequestContext) async throws -> Response {
        let token = request.uri.queryParameters.get("token").map { String($0) }
        return try await show(token: token, saved: nil, context: context)
    }

    func change(_ request: Request, context: HubRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        let token = form["token"].flatMap { $0.isEmpty ? nil : $0 }
        let kind = form["kind"] ?? ""
        let delivery = form["delivery"] ?? ""
        if let token {
            try await notices.set(kind: kind, delivery: delivery, token: token)
        } else {
            try await notices.set(kind: kind, delivery: delivery, user: try context.requireUser().id)
        }
        return try await show(token: token, saved: NoticeKind(rawValue: kind), context: context)
    }

    private func show(token: String?, saved: NoticeKind?, context: HubRequestContext) async throws -> Response {
        let preferences =
            if let token {
                try await notices.preferences(token: token)
            } else {
                try await notices.preferences(user: try context.requireUser().id)
            }
        let page = NoticePreferencesPage(preferences: preferences, token: token, saved: saved)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }
}
