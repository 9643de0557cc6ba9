import Community
import Membership
import Storage

/// A zone's sign-ups waiting for its admins, beside the posts' queue: who, which shop, since when; approve, or
/// refuse with a reason the person reads.
struct SignUpQueuePage {
    let zone: Zone
    let signUps: [SignUpRecord]
    /// What the last decision did, or why it was refused.
    let notice: String?
    let problem: (any CategorizedError)?

    func title(_ t: Language) -> String { t("Inscriptions à valider", "Sign-ups to approve") + " · " + zone.name }

    func body(_ t: Language) -> HTML {
        let base = "/zones/\(zone.slug)/moderation/sign-ups"
        let message: HTML = notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? ""
        let items = signUps.map { record -> HTML in
            let id = record.user.id.rawValue
            let waiting = record.verifiedAt.map { Formats.dateTime($0, t) } ?? ""
            return """
                <article class="sign-up-item">
                <h2>\(record.shop.name)</h2>
                <ul class="facts"><li>\(Formats.category(record.shop.category, t))</li>\
                <li>\(record.shop.commune) (\(record.shop.postcode))</li>\
                <li>\(record.user.email)</li>\
                <li>\(t("Adresse confirmée le", "Address confirmed on")) \(waiting)</li></ul>
                <div class="actions">
                <form method="post" action="\(base)/\(id)/approve" class="inline">\
                <button type="submit" class="approve">\(t("Accepter", "Approve"))</button></form>
                </div>
                <form method="post" action="\(base)/\(id)/refuse" class="stacked">
                <label for="reason-\(id)">\(t("Motif du refus (envoyé à la personne)", "Reason for refusing (sent to the person)"))</label>
                <input id="reason-\(id)" name="reason" required maxlength="500">
                <button type="submit" class="reject">\(t("Refuser", "Refuse"))</button>
                </form>
                </article>
                """
        }
        let list: HTML =
            signUps.isEmpty
            ? "<p class=\"empty\">\(t("Aucune inscription en attente.", "No sign-up waiting."))</p>"
            : items.joined()
        return """
            <p><a href="/zones/\(zone.slug)/moderation">\(t("← Publications à modérer", "← Posts to review"))</a></p>
            <h1>\(title(t))</h1>
            \(message)\(UserMessages.alert(problem, t))
            \(list)
            """
    }
}
