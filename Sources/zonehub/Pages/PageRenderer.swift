import Community
import Hummingbird

/// Wraps page content in the site layout and turns it into a response.
enum PageRenderer {
    /// `zone` is the zone the page belongs to (the header names it and its links stay in it); `crumbs`, when given,
    /// shows the way back to it: the steps between the zone and this page, whose name is `title`.
    static func page(
        _ title: String, _ body: HTML, context: HubRequestContext, status: HTTPResponse.Status = .ok,
        head: HTML = "", zone: ZoneLink? = nil, crumbs: [Breadcrumbs.Crumb]? = nil
    ) -> Response {
        let t = context.language
        let identity = context.frame.identity
        let breadcrumbs = zone.flatMap { zone in crumbs.map { Breadcrumbs(zone: zone, trail: $0, current: title) } }
        let trail: HTML = breadcrumbs?.structuredData(base: context.frame.publicURL, t) ?? ""
        let document: HTML = """
            <!DOCTYPE html>
            <html lang="\(t.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · \(identity.name)</title>
            <link rel="stylesheet" href="/static/site.css">
            \(head)
            \(trail)
            </head>
            <body>
            \(SiteHeader.html(context, zone: zone))
            \(breadcrumbs?.html(t) ?? "")
            <main id="contenu" tabindex="-1">
            \(body)
            </main>
            \(SiteFooter.html(context))
            </body>
            </html>
            """
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-cache"
        return Response(
            status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: document.rendered)))
    }

    static func error(_ failure: ErrorMiddleware.Failure, context: HubRequestContext) -> Response {
        let t = context.language
        let heading =
            switch failure.status {
            case .notFound: t("Page introuvable", "Page not found")
            case .unauthorized: t("Connexion nécessaire", "Please sign in")
            case .forbidden: t("Accès refusé", "Access denied")
            case .internalServerError: t("Erreur du serveur", "Server error")
            default: t("Requête invalide", "Invalid request")
            }
        let signIn: HTML =
            failure.status == .unauthorized ? "<p><a href=\"/sign-in\">\(t("Se connecter", "Sign in"))</a></p>" : ""
        let body: HTML = """
            <h1>\(heading)</h1>
            <p class="error" role="alert">\(UserMessages.text(failure, t))</p>
            \(signIn)
            <p><a href="/">\(t("Retour à l'accueil", "Back to the home page"))</a></p>
            """
        return page(heading, body, context: context, status: failure.status)
    }

    static func redirect(to location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
