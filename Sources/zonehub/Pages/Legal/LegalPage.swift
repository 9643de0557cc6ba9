/// `/mentions-legales` and `/confidentialite`: the operator's text from configuration, or a plain statement that
/// it is not published yet; the privacy page then says, in the hub's own words, what it stores.
struct LegalPage {
    enum Kind: Sendable {
        /// "Mentions légales": who publishes the hub and who hosts it (LCEN art. 6).
        case notice
        /// "Politique de confidentialité".
        case privacy

        var path: String {
            switch self {
            case .notice: "/mentions-legales"
            case .privacy: "/confidentialite"
            }
        }

        func title(_ t: Language) -> String {
            switch self {
            case .notice: t("Mentions légales", "Legal notice")
            case .privacy: t("Politique de confidentialité", "Privacy policy")
            }
        }
    }

    let kind: Kind
    /// The operator's text; nil when its setting is not set.
    let text: LegalText?

    func title(_ t: Language) -> String { kind.title(t) }

    func body(_ t: Language) -> HTML {
        let published: HTML
        if let text {
            // The operator writes one text, in French: in English it is said so, and marked as French.
            let english: HTML =
                t == .en ? "<p class=\"hint\">The hub's publisher wrote this text in French.</p>" : ""
            published = """
                \(english)<div class="legal" lang="fr">
                \(Self.blocks(text))
                </div>
                """
        } else {
            published = "<p class=\"notice\" role=\"status\">\(missing(t))</p>"
        }
        let statement: HTML = kind == .privacy ? PrivacyStatement.body(t) : ""
        return """
            <h1>\(title(t))</h1>
            \(published)
            \(statement)
            """
    }

    /// The plain statement shown while the operator has not published the text.
    func missing(_ t: Language) -> String {
        switch kind {
        case .notice:
            t(
                "L'éditeur de ce site n'a pas encore publié ses mentions légales.",
                "The publisher of this site has not published its legal notice yet.")
        case .privacy:
            t(
                "L'éditeur de ce site n'a pas encore publié sa politique de confidentialité.",
                "The publisher of this site has not published its privacy policy yet.")
        }
    }

    /// The text's headings and paragraphs, every line escaped, line breaks kept.
    static func blocks(_ text: LegalText) -> HTML {
        let parts: [HTML] = text.blocks.map { block in
            switch block {
            case .heading(let heading):
                return "<h2>\(heading)</h2>"
            case .paragraph(let lines):
                let joined: [HTML] = lines.map { line in "\(line)" }
                return "<p>\(joined.joined(separator: "<br>\n"))</p>"
            }
        }
        return parts.joined(separator: "\n")
    }
}
