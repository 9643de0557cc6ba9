import Hummingbird

/// `/mentions-legales` and `/confidentialite`, public, from the texts the settings read at start.
struct LegalPagesController {
    /// The operator's "Mentions légales"; nil when not published.
    let notice: LegalText?
    /// The operator's privacy policy; nil when not published.
    let privacy: LegalText?

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/mentions-legales") { _, context in page(.notice, context) }
        router.get("/confidentialite") { _, context in page(.privacy, context) }
    }

    func page(_ kind: LegalPage.Kind, _ context: HubRequestContext) -> Response {
        let page = LegalPage(kind: kind, text: kind == .notice ? notice : privacy)
        return PageRenderer.page(page.title(context.language), page.body(context.language), context: context)
    }
}
