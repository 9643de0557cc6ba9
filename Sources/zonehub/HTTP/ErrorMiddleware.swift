import Community
import Foundation
import Hummingbird
import Logging
import Storage

/// The one place errors become responses: each category has its status; anything unexpected is a logged 500.
/// Every 401, thrown or returned, leaves here with its `WWW-Authenticate` challenge.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        let isAPI = request.uri.path.hasPrefix("/api/")
        var response: Response
        do {
            response = try await next(request, context)
        } catch {
            let failure = Self.failure(for: error)
            if failure.status == .internalServerError {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            // The API answers in English for developers, in French to a client that asks for it first.
            let message =
                Self.prefersFrench(request.headers[.acceptLanguage]) ? failure.frenchMessage : failure.message
            response =
                isAPI
                ? JSONBody.response(ErrorPayload(error: failure.code, message: message), status: failure.status)
                : PageRenderer.error(failure, context: Self.withLanguage(context, of: request))
        }
        if response.status == .unauthorized, response.headers[.wwwAuthenticate] == nil {
            response.headers[.wwwAuthenticate] = Self.challenge(for: request, isAPI: isAPI)
        }
        return response
    }

    static func challenge(for request: Request, isAPI: Bool) -> String {
        guard isAPI else { return pageChallenge }
        return SessionMiddleware.bearerToken(request) == nil ? apiChallenge : apiChallenge + #", error="invalid_token""#
    }

    /// What every 401 names as the way to authenticate, as RFC 9110 requires. The API takes a bearer token from
    /// `POST /api/v1/sessions` (RFC 6750); a token sent but unknown or ended adds `error="invalid_token"`.
    static let apiChallenge = #"Bearer realm="zonehub""#
    /// Pages sign in by the form, which sets the session cookie (the "Cookie" scheme of
    /// draft-broyer-http-cookie-auth). Browsers know no such scheme, so they show the page and no password prompt.
    static let pageChallenge =
        #"Cookie realm="zonehub", form-action="/sign-in", cookie-name="\#(SessionMiddleware.cookieName)""#

    /// Maps any error to status, code and user-facing message.
    static func failure(for error: any Error) -> Failure {
        switch error {
        case let error as any CategorizedError:
            return Failure(
                status: status(of: error.category), code: error.code, message: error.message,
                frenchMessage: error.frenchMessage)
        case let error as HTTPError:
            let code = error.status.reasonPhrase.lowercased().replacingOccurrences(of: " ", with: "_")
            let (message, french): (String, String) =
                switch error.status {
                case .notFound: ("no such page", "Cette page n'existe pas.")
                case .contentTooLarge:
                    (
                        "the request body is larger than \(HubRequestContext.bodyLimit / 1024) KB",
                        "L'envoi dépasse \(HubRequestContext.bodyLimit / 1024) Ko."
                    )
                case .methodNotAllowed: ("this method is not allowed here", "Cette action n'est pas possible ici.")
                default: (error.body ?? error.status.reasonPhrase, "La requête n'a pas pu être traitée.")
                }
            return Failure(
                status: error.status, code: error.status == .notFound ? "not_found" : code, message: message,
                frenchMessage: french)
        default:
            return Failure(
                status: .internalServerError, code: "internal_error", message: "something went wrong on our side",
                frenchMessage: "Une erreur s'est produite de notre côté : réessayez dans un moment.")
        }
    }

    /// The context with the reader's chosen language (`?lang=`, then the cookie): failures answered before the
    /// session middleware ran (an unknown path) still speak English to whoever chose it.
    static func withLanguage(_ context: Context, of request: Request) -> Context {
        var context = context
        let asked = request.uri.queryParameters.get("lang").flatMap(Language.init(rawValue:))
        if let chosen = asked ?? request.cookies[SessionMiddleware.languageCookie].flatMap({ Language(rawValue: $0.value) }) {
            context.language = chosen
        }
        return context
    }

    /// Whether an `Accept-Language` header puts French before English ("fr-FR,fr;q=0.9,en;q=0.8"); a header
    /// that names neither, or none, keeps English.
    static func prefersFrench(_ header: String?) -> Bool {
        guard let header else { return false }
        var best: (french: Bool, quality: Double)?
        for part in header.split(separator: ",") {
            let pieces = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard let tag = pieces.first else { continue }
            let language = tag.split(separator: "-").first.map(String.init) ?? tag
            guard language == "fr" || language == "en" else { continue }
            let quality =
                pieces.dropFirst().first { $0.hasPrefix("q=") }.flatMap { Double($0.dropFirst(2)) } ?? 1
            if quality > (best?.quality ?? 0) { best = (language == "fr", quality) }
        }
        return best?.french ?? false
    }

    static func status(of category: ErrorCategory) -> HTTPResponse.Status {
        switch category {
        case .notFound: .notFound
        case .invalidInput: .badRequest
        case .unauthenticated: .unauthorized
        case .forbidden: .forbidden
        case .conflict: .conflict
        case .rateLimited: .tooManyRequests
        }
    }

    struct Failure {
        let status: HTTPResponse.Status
        let code: String
        let message: String
        let frenchMessage: String
    }
}

/// The body of every API error: `{"error": "<code>", "message": "..."}`.
struct ErrorPayload: Codable {
    let error: String
    let message: String
}
