import Community

/// The footer of every page: the operator's line (or the hub's), the legal pages, the contact and the digest.
enum SiteFooter {
    static func html(_ context: HubRequestContext) -> HTML {
        let t = context.language
        let identity = context.frame.identity
        let line =
            identity.footer
            ?? t(
                "\(identity.name) — le commerce local, par ceux qui le font vivre.",
                "\(identity.name) — local shops, run by the people who keep them alive.")
        let contact: HTML =
            identity.contact.map { "<a href=\"\($0.href)\">\(t("Contact", "Contact"))</a>" } ?? ""
        return """
            <footer class="site"><p>\(line)</p>
            <nav aria-label="\(t("Informations légales", "Legal information"))">\
            <a href="\(LegalPage.Kind.notice.path)">\(LegalPage.Kind.notice.title(t))</a> \
            <a href="\(LegalPage.Kind.privacy.path)">\(LegalPage.Kind.privacy.title(t))</a> \
            \(contact) <a href="/subscribe">\(t("Recevoir le résumé", "Get the digest"))</a></nav></footer>
            """
    }
}
