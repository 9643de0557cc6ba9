import Community
import Notices

/// A person's notice preferences: for each kind, how it comes (at once, a daily summary, or never), with one button
/// per choice. Opened from the link in every notice, or from the dashboard when signed in.
struct NoticePreferencesPage {
    let preferences: NoticeService.Preferences
    /// The signed link's token, sent back by each button; nil when the person is signed in.
    let token: String?
    /// The kind just changed, to say so above the list.
    let saved: NoticeKind?

    func title(_ t: Language) -> String { t("Mes avis par e-mail", "My email notices") }

    func body(_ t: Language) -> HTML {
        let message: HTML =
            saved.map {
                let saved = t("Préférence enregistrée", "Preference saved")
                return "<p class=\"notice\" role=\"status\">\(saved) : \(t($0.label.fr, $0.label.en)).</p>"
            } ?? ""
        let rows: [HTML] = preferences.deliveries.map { row(kind: $0.kind, delivery: $0.delivery, t) }
        let list: HTML =
            rows.isEmpty
            ? "<p>\(t("Vous ne recevez aucun avis de ce type.", "You receive no notices of this kind."))</p>"
            : "<ul class=\"notices\">\(rows.joined())</ul>"
        let daily = t(
            "Le résumé quotidien part chaque matin vers 8 h (heure de Paris).",
            "The daily summary goes out each morning at about 8:00, Paris time.")
        return """
            <h1>\(t("Mes avis par e-mail", "My email notices"))</h1>
            \(message)
            <p>\(t("Avis envoyés à", "Notices sent to")) <strong>\(preferences.profile.person.email)</strong>. \(daily)</p>
            \(list)
            """
    }

    private func row(kind: NoticeKind, delivery: NoticeDelivery, _ t: Language) -> HTML {
        let name = t(kind.label.fr, kind.label.en)
        guard kind.isChangeable else {
            let always = t(
                "toujours tout de suite (ne peut pas être désactivé)", "always at once (cannot be turned off)")
            return "<li><strong>\(name)</strong> : \(always)</li>"
        }
        let hidden: HTML = token.map { "<input type=\"hidden\" name=\"token\" value=\"\($0)\">" } ?? ""
        let buttons: [HTML] = NoticeDelivery.allCases.map { choice in
            let current: HTML = choice == delivery ? " aria-pressed=\"true\" disabled" : ""
            let label = t(choice.label.fr, choice.label.en)
            return "<button type=\"submit\" name=\"delivery\" value=\"\(choice.rawValue)\"\(current)>\(label)</button>"
        }
        return """
            <li><strong>\(name)</strong> : \(t(delivery.label.fr, delivery.label.en))
            <form method="post" action="/notices/preferences">\(hidden)
            <input type="hidden" name="kind" value="\(kind.rawValue)">\(buttons.joined())</form></li>
            """
    }
}
