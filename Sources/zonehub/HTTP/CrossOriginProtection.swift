import Community
import Foundation
import HTTPTypes
import Hummingbird

/// Refuses a form or API write that a browser sent from another site (cross-site request forgery), for every
/// route at once. Browsers say where a request comes from: `Sec-Fetch-Site` (all current ones) or, failing that,
/// `Origin`. A request carrying neither is not from a browser's page (a script, a feed reader, a mail provider's
/// one-click unsubscription) and cannot ride on a visitor's cookie, so it passes. The session cookie is also
/// `SameSite=Lax`.
struct CrossOriginProtection: RouterMiddleware {
    typealias Context = HubRequestContext
    /// The hub's own origin, from its public URL (`https://hub.example.org`).
    let origin: String
    /// Paths that other sites post to by design: RFC 8058 one-click unsubscription needs no cookie.
    static let open: Set<String> = ["/subscriptions/unsubscribe"]

    static let refused = RequestProblem.crossSiteRequest.error(
        "this form was sent from another site; open the page on the hub and try again"
    )

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard Self.changes(request.method), !Self.open.contains(request.uri.path) else {
            return try await next(request, context)
        }
        if let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!] {
            guard site == "same-origin" || site == "none" else { throw Self.refused }
        } else if let from = request.headers[HTTPField.Name("Origin")!] {
            guard from == origin || (Self.host(of: from) != nil && Self.host(of: from) == request.head.authority) else {
                throw Self.refused
            }
        }
        return try await next(request, context)
    }

    /// `scheme://host[:port]` of a URL, as browsers write it in `Origin`.
    static func origin(of url: String) -> String {
        guard let parts = URLComponents(string: url), let scheme = parts.scheme, let host = parts.host else {
            return url
        }
        return "\(scheme)://\(host)\(parts.port.map { ":\($0)" } ?? "")"
    }

    static func changes(_ method: HTTPRequest.Method) -> Bool {
        ![.get, .head, .options].contains(method)
    }

    /// The `host:port` of an origin: a hub reached under another name than its public URL (a local address, say)
    /// still recognises its own pages by the `Host` they were sent to.
    static func host(of origin: String) -> String? {
        for scheme in ["https://", "http://"] where origin.hasPrefix(scheme) {
            return String(origin.dropFirst(scheme.count))
        }
        return nil
    }
}
