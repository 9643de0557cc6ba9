import Community

/// The header of every page: the hub's name and logo, the zone one is in, the ways around the hub, the account menu
/// and the language switch. On a phone they fold behind a "Menu" button opening a popover (`popovertarget`: no
/// script, which the security policy forbids anyway); on a wide screen the stylesheet shows them in the header.
/// A browser without popovers shows them unfolded.
enum SiteHeader {
    static func html(_ context: HubRequestContext, zone: ZoneLink?) -> HTML {
        let t = context.language
        let identity = context.frame.identity
        let here: HTML =
            zone.map {
                "<a class=\"here\" href=\"/zones/\($0.slug)\"><span class=\"visually-hidden\">\(t("Zone :", "Zone:")) </span>\($0.name)</a>"
            } ?? ""
        let other: HTML =
            t == .fr
            ? "<a href=\"?lang=en\" lang=\"en\" hreflang=\"en\">English</a>"
            : "<a href=\"?lang=fr\" lang=\"fr\" hreflang=\"fr\">Français</a>"
        return """
            <a class="skip" href="#contenu">\(t("Aller au contenu", "Skip to content"))</a>
            <header class="site">
            <div class="bar"><a class="brand" href="/">\(SiteLogo.image(identity))<span>\(identity.name)</span></a>\(here)</div>
            <button type="button" class="menu-button" popovertarget="site-menu">\(t("Menu", "Menu"))</button>
            <div id="site-menu" class="menu-panel" popover>
            <nav class="main" aria-label="\(t("Navigation principale", "Main navigation"))"><ul>\(links(zone, t))</ul></nav>
            <nav class="account" aria-label="\(t("Votre compte", "Your account"))"><ul>\(account(context))</ul></nav>
            <p class="lang">\(other)</p>
            </div>
            </header>
            """
    }

    /// The ways around the hub, within the zone when there is one.
    static func links(_ zone: ZoneLink?, _ t: Language) -> [HTML] {
        let items: [(String, String)]
        if let zone {
            items = [
                ("/zones/\(zone.slug)/directory", t("Annuaire", "Directory")),
                ("/search", t("Rechercher", "Search")),
                ("/zones/\(zone.slug)/markets", t("Marchés", "Markets")),
                ("/zones/\(zone.slug)/pop-ups", t("Boutiques éphémères", "Pop-up shops")),
                ("/subscribe?zone=\(zone.slug)", t("Recevoir le résumé", "Get the digest")),
            ]
        } else {
            items = [
                ("/directory", t("Annuaire", "Directory")),
                ("/search", t("Rechercher", "Search")),
                ("/#marches", t("Marchés", "Markets")),
                ("/#boutiques-ephemeres", t("Boutiques éphémères", "Pop-up shops")),
                ("/subscribe", t("Recevoir le résumé", "Get the digest")),
            ]
        }
        return items.map { "<li><a href=\"\($0.0)\">\($0.1)</a></li>" }
    }

    /// Signed out: sign in and sign up. Signed in: the dashboard, the pages of one's roles, and signing out.
    static func account(_ context: HubRequestContext) -> [HTML] {
        let t = context.language
        guard let user = context.user else {
            return [
                "<li><a href=\"/sign-in\">\(t("Se connecter", "Sign in"))</a></li>",
                "<li><a href=\"/sign-up\">\(t("S'inscrire", "Sign up"))</a></li>",
            ]
        }
        var items: [HTML] = [
            "<li class=\"who\"><span class=\"who\">\(user.displayName)</span></li>",
            "<li><a href=\"/dashboard\">\(t("Mon espace", "My space"))</a></li>",
            "<li><a href=\"/account/orders\">\(t("Mes commandes", "My orders"))</a></li>",
        ]
        if user.role == .hubOperator {
            items.append("<li><a href=\"/console\">\(t("Console", "Console"))</a></li>")
        }
        for zone in context.frame.administered {
            items.append(
                "<li><a href=\"/zones/\(zone.slug)/moderation\">\(t("Modération", "Moderation")) · \(zone.name)</a></li>"
            )
        }
        for zone in context.frame.organised {
            items.append(
                "<li><a href=\"/zones/\(zone.slug)/pop-ups\">\(t("Organiser", "Organise")) · \(zone.name)</a></li>")
        }
        items.append(
            """
            <li><form method="post" action="/sign-out" class="inline"><button type="submit" class="link">\
            \(t("Se déconnecter", "Sign out"))</button></form></li>
            """)
        return items
    }
}
