import Community
import Membership
import Storage

/// "Revendiquer cette fiche": the two ways to take a listing over (a link to the listing's own address, a request
/// to the zone's team with the shop's SIRET), or what to do first when the visitor cannot claim yet.
struct ClaimPage {
    let situation: ClaimSituation
    let viewer: User?
    /// What the review form held when it was refused, kept for the person to correct.
    var siret = ""
    var message = ""
    let problem: (any CategorizedError)?

    var merchant: Merchant { situation.merchant }

    func title(_ t: Language) -> String { t("Revendiquer la fiche", "Claim the listing") + " « \(merchant.name) »" }

    func body(_ t: Language) -> HTML {
        let back: HTML = "<p><a href=\"/merchants/\(merchant.slug)\">← \(merchant.name)</a></p>"
        return """
            \(back)
            <h1>\(title(t))</h1>
            \(UserMessages.alert(problem, t))
            \(content(t))
            """
    }

    private func content(_ t: Language) -> HTML {
        guard merchant.claimable else {
            return
                "<p class=\"notice\" role=\"status\">\(UserMessages.text(MembershipProblem.listingNotClaimable.error("this listing already has its owner"), t))</p>"
        }
        guard let viewer else {
            return """
                <p>\(t("Pour revendiquer cette fiche, connectez-vous avec le compte de votre commerce.", "To claim this listing, sign in with your shop's account."))</p>
                <p class="actions"><a class="button" href="/sign-in">\(t("Se connecter", "Sign in"))</a> \
                <a href="/sign-up">\(t("Pas encore de compte ? Inscrire mon commerce", "No account yet? Sign my shop up"))</a></p>
                """
        }
        guard viewer.role == .merchant, viewer.status == .active else {
            return """
                <p>\(t("Seul un compte commerçant peut revendiquer une fiche. Inscrivez votre commerce avec l'adresse de la boutique, puis revenez sur cette page.", "Only a merchant account can claim a listing. Sign your shop up, then come back to this page."))</p>
                <p><a class="button" href="/sign-up">\(t("Inscrire mon commerce", "Sign my shop up"))</a></p>
                """
        }
        return "\(pending(t))\(byLink(t))\(byReview(t))"
    }

    private func pending(_ t: Language) -> HTML {
        guard let claim = situation.openClaim else { return "" }
        switch claim.method {
        case .email:
            let until = claim.expiresAt.map { Formats.dateTime($0, t) } ?? ""
            return
                "<p class=\"notice\" role=\"status\">\(t("Un lien vous a été envoyé à l'adresse de la fiche ; il fonctionne jusqu'au", "A link was sent to the listing's address; it works until")) \(until). \(t("Une nouvelle demande le remplace.", "A new request replaces it."))</p>"
        case .review:
            return
                "<p class=\"notice\" role=\"status\">\(t("Votre demande attend la décision de l'équipe de la zone (envoyée le", "Your request waits for the zone team's decision (sent on")) \(Formats.dateTime(claim.createdAt, t))). \(t("Une nouvelle demande la remplace.", "A new request replaces it."))</p>"
        }
    }

    private func byLink(_ t: Language) -> HTML {
        guard let masked = situation.maskedEmail else {
            return
                "<p>\(t("Cette fiche n'a pas d'adresse e-mail : demandez à l'équipe de la zone.", "This listing has no email address: ask the zone's team."))</p>"
        }
        return """
            <section class="claim-way">
            <h2>\(t("Recevoir un lien à l'adresse de la fiche", "Get a link at the listing's address"))</h2>
            <p>\(t("Un lien à usage unique, valable 48 heures, sera envoyé à", "A single-use link, valid for 48 hours, will be sent to")) <strong>\(masked)</strong>, \
            \(t("l'adresse de la fiche. Ouvrez-le en étant connecté à ce compte : la fiche sera à vous aussitôt.", "the listing's address. Open it while signed in to this account: the listing becomes yours at once."))</p>
            <form method="post" action="/merchants/\(merchant.slug)/claim/link" class="inline">
            <button type="submit">\(t("Recevoir le lien", "Send me the link"))</button></form>
            </section>
            """
    }

    private func byReview(_ t: Language) -> HTML {
        """
        <section class="claim-way">
        <h2>\(t("Demander à l'équipe de la zone", "Ask the zone's team"))</h2>
        <p>\(t("Sans accès à cette adresse, donnez le SIRET de votre commerce : un administrateur de la zone le compare à celui de la fiche et vous répond par e-mail.", "Without access to that address, give your shop's SIRET: an admin of the zone compares it with the listing's and answers you by email."))</p>
        <form method="post" action="/merchants/\(merchant.slug)/claim/review" class="stacked">
        <label for="siret">\(t("SIRET du commerce (14 chiffres)", "The shop's SIRET (14 digits)"))</label>
        <input id="siret" name="siret" required maxlength="20" inputmode="numeric" autocomplete="off" value="\(siret)">
        <label for="message">\(t("Message à l'équipe (facultatif)", "Message to the team (optional)"))</label>
        <textarea id="message" name="message" maxlength="\(ListingClaimService.maxMessage)" rows="4">\(message)</textarea>
        <button type="submit">\(t("Envoyer la demande", "Send the request"))</button>
        </form>
        </section>
        """
    }
}

/// What a claim request led to: a link on its way to the listing's address, or a request waiting for the team.
struct ClaimSentPage {
    let merchant: Merchant
    /// The address the link went to, masked; nil for a request to the team.
    let maskedEmail: String?

    func title(_ t: Language) -> String { t("Demande envoyée", "Request sent") }

    func body(_ t: Language) -> HTML {
        let text: HTML =
            if let maskedEmail {
                "\(t("Un lien a été envoyé à", "A link was sent to")) <strong>\(maskedEmail)</strong>, \(t("l'adresse de la fiche « \(merchant.name) ». Ouvrez-le dans les 48 heures en étant connecté à ce compte.", "the address of the listing “\(merchant.name)”. Open it within 48 hours while signed in to this account."))"
            } else {
                "\(t("Votre demande pour « \(merchant.name) » est transmise à l'équipe de la zone. Vous recevrez sa réponse par e-mail.", "Your request for “\(merchant.name)” went to the zone's team. You will get their answer by email."))"
            }
        return """
            <h1>\(title(t))</h1>
            <p class="notice" role="status">\(text)</p>
            <p><a href="/merchants/\(merchant.slug)">← \(merchant.name)</a></p>
            """
    }
}

/// The claim invitation on a claimable listing's page.
enum ClaimViews {
    static func invitation(_ merchant: Merchant, viewer: User?, _ t: Language) -> HTML {
        guard merchant.claimable, viewer?.id != merchant.ownerID else { return "" }
        return """
            <p class="claim"><a href="/merchants/\(merchant.slug)/claim">\(t("C'est votre commerce ? Revendiquez cette fiche", "Is this your shop? Claim this listing"))</a></p>
            """
    }
}
