import Community
import Hummingbird

/// Wraps page content in the site layout and turns it into a response.
enum PageRenderer {
    static func page(
        _ title: String, _ body: HTML, context: HubRequestContext, status: HTTPResponse.Status = .ok,
        head: HTML = ""
    ) -> Response {
        let t = context.language
        let account: HTML
        if let user = context.user {
            account = """
                <a href="/dashboard">\(t("Mon espace", "My space"))</a>
                \(user.role == .hubOperator ? "<a href=\"/console\">\(t("Console", "Console"))</a>" as HTML : "")
                <form method="post" action="/sign-out" class="inline"><button type="submit" class="link">\
                \(t("Se déconnecter", "Sign out"))</button></form>
                <span class="who">\(user.displayName)</span>
                """
        } else {
            account = "<a href=\"/sign-in\">\(t("Se connecter", "Sign in"))</a>"
        }
        let other: HTML =
            t == .fr ? "<a href=\"?lang=en\" lang=\"en\">English</a>" : "<a href=\"?lang=fr\" lang=\"fr\">Français</a>"
        let document: HTML = """
            <!DOCTYPE html>
            <html lang="\(t.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · zonehub</title>
            <link rel="stylesheet" href="/static/site.css">
            \(head)
            </head>
            <body>
            <header class="site"><a class="brand" href="/">zonehub</a>
            <nav>\(account) \(other)</nav></header>
            <main>
            \(body)
            </main>
            <footer class="site"><span>\(t("zonehub — le commerce local, par ceux qui le font vivre.",
                "zonehub — local shops, run by the people who keep them alive."))</span>
            <nav aria-label="\(t("Informations légales", "Legal information"))">\
            <a href="\(LegalPage.Kind.notice.path)">\(LegalPage.Kind.notice.title(t))</a> \
            <a href="\(LegalPage.Kind.privacy.path)">\(LegalPage.Kind.privacy.title(t))</a></nav></footer>
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
