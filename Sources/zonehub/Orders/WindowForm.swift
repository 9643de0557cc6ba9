import Community
import Foundation
import Orders

/// A collection window as the merchant types it: a day, a start and an end time (Paris time), a capacity.
struct WindowForm {
    var day = ""
    var from = ""
    var until = ""
    var capacity = "10"
    var errors = FormErrors()

    init() {}

    init(_ form: FormBody) {
        day = form["day"] ?? ""
        from = form["from"] ?? ""
        until = form["until"] ?? ""
        capacity = form["capacity"] ?? ""
    }

    /// The window, or nil with every field that cannot be read filed (the core checks the rules after).
    mutating func details() -> WindowDetails? {
        let start = Formats.localDateTime("\(day)T\(from)")
        let end = Formats.localDateTime("\(day)T\(until)")
        if start == nil { errors.add(OrderFormField.dateTime.invalid("expected a day and a start time"), to: "from") }
        if end == nil { errors.add(OrderFormField.dateTime.invalid("expected a day and an end time"), to: "until") }
        let places = Int(capacity)
        if places == nil { errors.add(OrdersField.capacity.invalid("must be a whole number"), to: "capacity") }
        guard let start, let end, let places else { return nil }
        return WindowDetails(startsAt: start, endsAt: end, capacity: places)
    }

    /// Files a refusal of the core beside its field.
    mutating func file(_ error: CommunityError) {
        switch error.code {
        case OrdersField.start.code: errors.add(error, to: "from")
        case OrdersField.end.code: errors.add(error, to: "until")
        case OrdersField.capacity.code: errors.add(error, to: "capacity")
        default: errors.add(error)
        }
    }
}

/// The windows part of the orders dashboard: the windows offered, each with its places held and a way to remove
/// it, the form to add one, and the private calendar's address.
struct OrderWindowsSection {
    let merchant: Merchant
    let windows: [CollectionWindow]
    let form: WindowForm
    let calendarURL: String

    func body(_ t: Language) -> HTML {
        let base = "/dashboard/merchants/\(merchant.slug)/windows"
        let items: [HTML] = windows.map { window in
            let held = Wording.count(window.held, t, fr: ("commande", "commandes"), en: ("order", "orders"))
            return """
                <li id="creneau-\(window.id.rawValue)">\(OrderWording.window(window, t)) \
                <span class="meta">\(t("\(held) sur \(window.capacity)", "\(held) of \(window.capacity)"))</span> \
                <a href="\(base)/\(window.id.rawValue)/remove">\(t("Retirer", "Remove"))</a></li>
                """
        }
        let list: HTML =
            windows.isEmpty
            ? "<p class=\"empty\">\(t("Aucun créneau à venir : les clients ne peuvent pas commander pour retrait.", "No coming collection times: customers cannot order for collection."))</p>"
            : "<ul class=\"window-list\">\(items)</ul>"
        let fields = FormFields(errors: form.errors, t: t)
        var errors = form.errors
        errors.order(["day", "from", "until", "capacity"])
        return """
            <section class="order-windows" id="creneaux">
            <h2>\(t("Créneaux de retrait", "Collection times"))</h2>
            \(list)
            <h3>\(t("Ajouter un créneau", "Add a collection time"))</h3>
            \(errors.summary(t))
            <form method="post" action="\(base)" class="field-form window-form" novalidate>
            \(fields.input("day", t("Jour", "Day"), value: form.day, type: "date", required: true))
            \(fields.input("from", t("De (heure de Paris)", "From (Paris time)"), value: form.from, type: "time", required: true))
            \(fields.input("until", t("À", "Until"), value: form.until, type: "time", required: true))
            \(fields.input("capacity", t("Nombre de commandes au plus", "Orders at most"), value: form.capacity, type: "number", required: true, extra: " min=\"1\" max=\"500\" inputmode=\"numeric\""))
            <div class="actions"><button type="submit">\(t("Ajouter le créneau", "Add the collection time"))</button></div>
            </form>
            <p>\(t("Calendrier privé des créneaux et de leurs commandes, à ajouter à votre agenda (ne le partagez pas) :", "Private calendar of the collection times and their orders, to add to your calendar app (do not share it):"))</p>
            <p class="calendar-link"><a href="\(calendarURL)">\(calendarURL)</a></p>
            </section>
            """
    }
}

/// Asks the merchant to confirm removing a window.
struct WindowRemovalPage {
    let merchant: Merchant
    let window: CollectionWindow

    func title(_ t: Language) -> String { t("Retirer un créneau", "Remove a collection time") }

    func body(_ t: Language) -> HTML {
        let action = "/dashboard/merchants/\(merchant.slug)/windows/\(window.id.rawValue)/remove"
        return """
            <h1>\(title(t))</h1>
            <p>\(t("Ne plus proposer le créneau du \(OrderWording.window(window, .fr)) ? Les \(window.held) commandes déjà faites y restent.",
                "Stop offering the collection time of \(OrderWording.window(window, .en))? The \(window.held) orders already made stay."))</p>
            <div class="confirm-actions">
            <form method="post" action="\(action)" class="inline"><button type="submit" class="danger">\(t("Retirer", "Remove"))</button></form>
            <a href="/dashboard/merchants/\(merchant.slug)/orders#creneaux">\(t("Annuler", "Cancel"))</a>
            </div>
            """
    }
}
