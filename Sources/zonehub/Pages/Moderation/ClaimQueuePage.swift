import Community
import Membership
import Storage

/// A zone's listing claims waiting for its admins, beside the sign-ups: the listing, who asks, the SIRET they gave
/// beside the listing's own; approve, or refuse with a reason the person reads.
struct ClaimQueuePage {
    let zone: Zone
    let reviews: [ClaimReview]
    /// What the last decision did.
    let notice: String?
    let problem: (any CategorizedError)?

    func title(_ t: Language) -> String {
        t("Fiches revendiquées", "Claimed listings") + " · " + zone.name
    }

    func body(_ t: Language) -> HTML {
        let message: HTML = notice.map { "<p class=\"notice\" role=\"status\">\($0)</p>" } ?? ""
        let list: HTML =
            reviews.isEmpty
            ? "<p class=\"empty\">\(t("Aucune demande en attente.", "No request waiting."))</p>"
            : reviews.map { item($0, t) }.joined()
        return """
            <p><a href="/zones/\(zone.slug)/moderation">\(t("← Publications à modérer", "← Posts to review"))</a> · \
            <a href="/zones/\(zone.slug)/moderation/sign-ups">\(t("Inscriptions à valider", "Sign-ups to approve"))</a></p>
            <h1>\(title(t))</h1>
            \(message)\(UserMessages.alert(problem, t))
            \(list)
            """
    }

    private func item(_ review: ClaimReview, _ t: Language) -> HTML {
        let base = "/zones/\(zone.slug)/moderation/claims/\(review.claim.id.rawValue)"
        let id = review.claim.id.rawValue
        let profile = review.merchant.profile
        let message: HTML = review.claim.message.map { "<blockquote>\(HTML.text($0))</blockquote>" } ?? ""
        return """
            <article class="sign-up-item">
            <h2><a href="/merchants/\(review.merchant.slug)">\(review.merchant.name)</a></h2>
            <ul class="facts"><li>\(profile.commune) (\(profile.postcode))</li>\
            <li>\(t("Demandée par", "Asked by")) \(review.claimant.displayName) — \(review.claimant.email)</li>\
            <li>\(t("Le", "On")) \(Formats.dateTime(review.claim.createdAt, t))</li></ul>
            \(sirets(review, t))
            \(message)
            <div class="actions">
            <form method="post" action="\(base)/approve" class="inline">\
            <button type="submit" class="approve">\(t("Confier la fiche", "Hand the listing over"))</button></form>
            </div>
            <form method="post" action="\(base)/refuse" class="stacked">
            <label for="reason-\(id)">\(t("Motif du refus (envoyé à la personne)", "Reason for refusing (sent to the person)"))</label>
            <input id="reason-\(id)" name="reason" required maxlength="500">
            <button type="submit" class="reject">\(t("Refuser", "Refuse"))</button>
            </form>
            </article>
            """
    }

    /// The SIRET given and the listing's, one above the other, and whether they match.
    private func sirets(_ review: ClaimReview, _ t: Language) -> HTML {
        let given = review.claim.siret ?? "—"
        let listed = review.merchant.profile.siret
        let verdict: HTML =
            switch listed {
            case nil:
                "<strong>\(t("La fiche n'a pas de SIRET : vérifiez autrement.", "The listing has no SIRET: check another way."))</strong>"
            case review.claim.siret: "<strong>\(t("Identiques.", "They match."))</strong>"
            default:
                "<strong class=\"stale\">\(t("Différents : vérifiez avant d'accepter.", "They differ: check before approving."))</strong>"
            }
        return """
            <dl class="sirets"><dt>\(t("SIRET donné", "SIRET given"))</dt><dd><code>\(given)</code></dd>\
            <dt>\(t("SIRET de la fiche", "The listing's SIRET"))</dt><dd><code>\(listed ?? "—")</code></dd></dl>
            <p>\(verdict)</p>
            """
    }
}
