import Community
import Membership
import Storage

/// The residents' sign-up form: an address, a password and the name shown on what they do.
struct ResidentSignUpPage {
    /// What was typed, to show again with the problem (never the password).
    let form: ResidentSignUp
    let problem: (any CategorizedError)?

    func title(_ t: Language) -> String { t("Créer un compte d'habitant", "Create a resident's account") }

    func body(_ t: Language) -> HTML {
        """
        <h1>\(title(t))</h1>
        <p>\(t(
            "Avec un compte, vous signalez une annonce qui pose problème et vous gérez votre résumé par e-mail au même endroit. Si vous recevez déjà le résumé, il sera rattaché à votre compte dès votre adresse confirmée.",
            "With an account, you report a post that is a problem and manage your email digest in one place. If you already receive the digest, it is attached to your account once your address is confirmed."))</p>
        \(UserMessages.alert(problem, t))
        <form method="post" action="/sign-up/resident" class="stacked">
        <label for="displayName">\(t("Prénom ou pseudonyme", "First name or pseudonym"))</label>
        <input id="displayName" name="displayName" required maxlength="60" autocomplete="given-name" value="\(form.displayName)">
        \(SignUpPage.accountFields(email: form.email, t))
        <button type="submit">\(t("Créer mon compte", "Create my account"))</button>
        </form>
        <p>\(t("Vous tenez un commerce ?", "You run a shop?")) <a href="/sign-up">\(t("Inscrire mon commerce", "Register my shop"))</a></p>
        <p>\(t("Déjà inscrit ?", "Already registered?")) <a href="/sign-in">\(t("Se connecter", "Sign in"))</a></p>
        """
    }
}
