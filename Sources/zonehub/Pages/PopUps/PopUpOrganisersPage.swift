import Community
import PopUps

/// A zone admin's page for the zone's pop-up organisers: who they are, a form to name one by email, and a button
/// to take the role back from each.
struct PopUpOrganisersPage {
    let zone: Zone
    let organisers: [User]
    let flash: Flash?
    /// What was typed in the naming form, and why it was refused.
    let email: String
    let errors: FormErrors

    func title(_ t: Language) -> String {
        t("Organisateurs des boutiques éphémères", "Pop-up shop organisers") + " · " + zone.name
    }

    func body(_ t: Language) -> HTML {
        let fields = FormFields(errors: errors, t: t)
        let people: [HTML] = organisers.map { person in
            """
            <li class="organiser"><span><strong>\(person.displayName)</strong> <span class="meta">\(person.email)</span>\
            </span><form method="post" action="\(PopUpEditPaths.organisers(zone.slug))/revoke">\
            <input type="hidden" name="email" value="\(person.email)">\
            <button type="submit" class="secondary" aria-label="\(t("Retirer", "Remove")) \(person.displayName)">\
            \(t("Retirer", "Remove"))</button></form></li>
            """
        }
        let list: HTML =
            people.isEmpty
            ? "<p class=\"empty\">\(t("Personne n'est encore nommé.", "Nobody is named yet."))</p>"
            : "<ul class=\"organisers\">\(people)</ul>"
        return """
            <h1>\(t("Organisateurs des boutiques éphémères", "Pop-up shop organisers"))</h1>
            <p class="lead">\(t("Les organisateurs créent et modifient les lieux et les créneaux de la zone et répondent aux demandes de réservation. Les administrateurs de la zone le peuvent aussi.", "Organisers create and edit the zone's venues and slots and answer booking requests. The zone's admins can too."))</p>
            \(flash?.html(t) ?? "")
            <h2>\(t("Organisateurs actuels", "Current organisers"))</h2>
            \(list)
            <h2>\(t("Nommer un organisateur", "Name an organiser"))</h2>
            \(errors.summary(t))
            <form method="post" action="\(PopUpEditPaths.organisers(zone.slug))" class="stacked organiser-form field-form" novalidate>
            \(fields.input("email", t("Adresse e-mail de son compte", "Email address of their account"), value: email,
                type: "email", required: true,
                hint: t("La personne doit déjà avoir un compte sur le site.", "The person must already have an account on the site."),
                extra: " autocomplete=\"off\""))
            <div class="actions"><button type="submit">\(t("Nommer", "Name"))</button></div>
            </form>
            <p><a href="/zones/\(zone.slug)/pop-ups">\(t("Les boutiques éphémères de la zone", "The zone's pop-up shops"))</a> · \
            <a href="\(PopUpEditPaths.requests)">\(t("Demandes de réservation", "Booking requests"))</a></p>
            """
    }
}
