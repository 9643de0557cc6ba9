import Community
import Hummingbird

/// Finds who is asking (session cookie for pages, bearer token for the API) and which language they read.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext
    static let cookieName = "zonehub_session"
    static let languageCookie = "zonehub_lang"

    let accounts: AccountService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        let token = Self.bearerToken(request) ?? request.cookies[Self.cookieName]?.value
        if let token, let user = try await accounts.user(token: token) {
            context.user = user
            context.sessionToken = token
        }
        let asked = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:))
        // French unless the reader chose English: the hub's residents and merchants are French, whatever
        // language their browser happens to be set to.
        context.language = asked ?? request.cookies[Self.languageCookie].flatMap { Language(rawValue: $0.value) } ?? .fr
        var response = try await next(request, context)
        if let asked {
            response.setCookie(
                Cookie(
                    name: Self.languageCookie, value: asked.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                    httpOnly: true, sameSite: .lax))
        }
        return response
    }

    static func bearerToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer ") else {
            return nil
        }
        return String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)
    }
}

/// The interface languages: French first, English available.
enum Language: String, Sendable {
    case fr, en

    /// Picks the French or English wording.
    func callAsFunction(_ french: String, _ english: String) -> String {
        self == .fr ? french : english
    }
}
