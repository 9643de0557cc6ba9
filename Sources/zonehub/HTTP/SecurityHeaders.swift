import HTTPTypes
import Hummingbird

/// Headers every answer carries: a content security policy (nothing runs, nothing loads from elsewhere, images
/// included: photos are uploaded to the hub and served by it; no framing), no MIME sniffing, a referrer policy,
/// and HSTS when the hub is served over https.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = HubRequestContext
    let https: Bool

    /// The pages use the hub's stylesheet and no script; JSON-LD blocks are data, which the policy does not stop.
    static let policy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
        + "frame-ancestors 'none'"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        let csp = HTTPField.Name("Content-Security-Policy")!
        // A page with a policy of its own (the poster's inline print style) keeps it.
        if response.headers[csp] == nil { response.headers[csp] = Self.policy }
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "strict-origin-when-cross-origin"
        if https { response.headers[HTTPField.Name("Strict-Transport-Security")!] = "max-age=31536000" }
        return response
    }
}
