import Community
import Membership
import Storage

/// The merchants' sign-up form: the account, the shop's name and activity, and its commune among the zones'.
struct SignUpPage {
    let zones: [Zone]
    /// What was typed, to show again with the problem (never the password).
    let form: MerchantSignUp
    let problem: (any CategorizedError)?

    func title(_ t: Language) -> String { t("Inscrire mon commerce", "Register my shop") }

    func body(_ t: Language) -> HTML {
        let categories = Category.allCases.map { category -> HTML in
            let selected: HTML = category.rawValue == form.category ? " selected" : ""
            return
                "<option value=\"\(category.rawValue)\"\(selected)>\(t(category.label, category.englishLabel))</option>"
        }
        let communes = zones.map { zone -> HTML in
            let options = zone.definition.communes.flatMap { commune in
                commune.postcodes.map { postcode -> HTML in
                    let value = "\(zone.slug)|\(postcode)|\(commune.name)"
                    let chosen = zone.slug == form.zoneSlug && postcode == form.postcode && commune.name == form.commune
                    return
                        "<option value=\"\(value)\"\(chosen ? " selected" : "")>\(commune.name) (\(postcode))</option>"
                }
            }
            return "<optgroup label=\"\(zone.name)\">\(options.joined())</optgroup>"
        }
        return """
            <h1>\(title(t))</h1>
            <p>\(t(
                "Votre commerce, votre atelier ou votre exploitation est dans l'une de nos zones ? Créez votre compte : vous confirmerez votre adresse e-mail, puis un administrateur bénévole de la zone validera l'inscription.",
                "Is your shop, workshop or farm in one of our zones? Create your account: you will confirm your email address, then a volunteer admin of the zone will approve the sign-up."))</p>
            \(UserMessages.alert(problem, t))
            <form method="post" action="/sign-up" class="stacked">
            <label for="shopName">\(t("Nom du commerce", "Shop name"))</label>
            <input id="shopName" name="shopName" required maxlength="80" autocomplete="organization" value="\(form.shopName)">
            <label for="category">\(t("Activité", "Activity"))</label>
            <select id="category" name="category" required><option value="">\(t("Choisissez…", "Choose…"))</option>\(categories.joined())</select>
            <label for="commune">\(t("Commune du commerce", "The shop's commune"))</label>
            <select id="commune" name="commune" required><option value="">\(t("Choisissez…", "Choose…"))</option>\(communes.joined())</select>
            <p class="hint">\(t("Votre commune n'est dans aucune zone ? Elle n'est pas encore couverte par ce site.", "Your commune is in no zone? This site does not cover it yet."))</p>
            \(Self.accountFields(email: form.email, t))
            <button type="submit">\(t("Créer mon compte", "Create my account"))</button>
            </form>
            <p>\(t("Vous n'avez pas de commerce ?", "You have no shop?")) \
            <a href="/sign-up/resident">\(t("Créer un compte d'habitant", "Create a resident's account"))</a></p>
            <p>\(t("Déjà inscrit ?", "Already registered?")) <a href="/sign-in">\(t("Se connecter", "Sign in"))</a></p>
            """
    }
}

extension SignUpPage {
    /// The fields every sign-up asks for: the address, a new password, and the field only robots fill.
    static func accountFields(email: String, _ t: Language) -> HTML {
        """
        <label for="email">\(t("Adresse e-mail", "Email address"))</label>
        <input id="email" name="email" type="email" required autocomplete="email" value="\(email)">
        <label for="password">\(t("Mot de passe (10 caractères au moins)", "Password (at least 10 characters)"))</label>
        <input id="password" name="password" type="password" required minlength="10" maxlength="72" autocomplete="new-password">
        <div class="trap" aria-hidden="true"><label for="website">\(t("Ne pas remplir", "Leave empty"))</label>\
        <input id="website" name="website" tabindex="-1" autocomplete="off"></div>
        """
    }
}

/// What a sign-up answers, whatever happened: look in your mailbox.
struct SignUpSentPage {
    let email: String

    func title(_ t: Language) -> String { t("Vérifiez vos e-mails", "Check your email") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(title(t))</h1>
        <p class="notice" role="status">\(t(
            "Nous avons envoyé un message à \(email). Ouvrez le lien qu'il contient pour confirmer votre adresse (il est valable 48 heures).",
            "We sent a message to \(email). Open its link to confirm your address (it works for 48 hours)."))</p>
        <p>\(t(
            "Rien reçu après quelques minutes ? Regardez dans les indésirables, ou inscrivez-vous à nouveau avec la même adresse : un nouveau lien remplacera le premier.",
            "Nothing after a few minutes? Look in your spam folder, or sign up again with the same address: a new link will replace the first."))</p>
        """
    }
}
