import Community

/// The form to change one's password, with why the last change was refused.
struct PasswordPage {
    /// Why the new password was not taken.
    enum Problem {
        case confirmationDiffers
        case wrongCurrentPassword
        case invalidNewPassword
    }

    let problem: Problem?

    func title(_ t: Language) -> String { t("Mot de passe", "Password") }

    func body(_ t: Language) -> HTML {
        let alert: HTML = text(t).map { "<p class=\"error\" role=\"alert\">\($0)</p>" } ?? ""
        return """
            <h1>\(t("Changer de mot de passe", "Change password"))</h1>
            \(alert)
            <form method="post" action="/dashboard/password" class="stacked">
            <label for="current">\(t("Mot de passe actuel", "Current password"))</label>
            <input id="current" name="current" type="password" autocomplete="current-password" required>
            <label for="new">\(t("Nouveau mot de passe (10 caractères au moins)", "New password (at least 10 characters)"))</label>
            <input id="new" name="new" type="password" autocomplete="new-password" required minlength="10" maxlength="72">
            <label for="confirm">\(t("Nouveau mot de passe, encore", "New password, again"))</label>
            <input id="confirm" name="confirm" type="password" autocomplete="new-password" required>
            <button type="submit">\(t("Changer", "Change"))</button>
            </form>
            """
    }

    private func text(_ t: Language) -> String? {
        switch problem {
        case nil: nil
        case .confirmationDiffers: t("Les deux nouveaux mots de passe diffèrent.", "The two new passwords differ.")
        case .wrongCurrentPassword: t("Le mot de passe actuel est incorrect.", "The current password is wrong.")
        case .invalidNewPassword:
            t(
                "Le nouveau mot de passe doit compter de 10 à 72 caractères.",
                "The new password must be 10 to 72 characters long.")
        }
    }
}
