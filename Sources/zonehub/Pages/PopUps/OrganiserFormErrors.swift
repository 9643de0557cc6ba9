import Community
import Foundation
import PopUps

/// What is wrong in an organiser's form, field by field: every error shows beside its field at once, and the few
/// that belong to no field (a conflict) show above the form.
struct OrganiserFormErrors {
    private(set) var byField: [String: CommunityError] = [:]
    private(set) var general: [CommunityError] = []

    var isEmpty: Bool { byField.isEmpty && general.isEmpty }
    var count: Int { byField.count + general.count }

    /// Files `error` beside the form field it names (`invalid_<field>`), or above the form; a field keeps its first.
    mutating func add(_ error: CommunityError) {
        guard error.code.hasPrefix("invalid_") else { return general.append(error) }
        let name = Self.input(for: String(error.code.dropFirst("invalid_".count)))
        if byField[name] == nil { byField[name] = error }
    }

    /// Files `error` beside the form field `name`, whatever its code (an email no account uses).
    mutating func add(_ error: CommunityError, to name: String) {
        if byField[name] == nil { byField[name] = error }
    }

    /// The error of the form field `name`, if any.
    subscript(name: String) -> CommunityError? { byField[name] }

    /// The form field that shows a rule's field: most share its name.
    static func input(for field: String) -> String {
        switch field {
        case PopUpField.priceCents.rawValue, "price": "price"
        case PopUpField.weekdays.rawValue: "weekday"
        case PopUpField.series.rawValue: "firstDay"
        default: field
        }
    }

    /// Above the form: how many fields need a look, and the errors that belong to no field.
    func summary(_ t: Language) -> HTML {
        guard !isEmpty else { return "" }
        let fields: HTML =
            byField.isEmpty
            ? ""
            : "<p>\(Wording.count(byField.count, t, fr: ("champ est à corriger", "champs sont à corriger"), en: ("field needs correcting", "fields need correcting"))), \(t("voir le message sous chacun.", "see the message under each."))</p>"
        let others: [HTML] = general.map { "<p>\(UserMessages.text($0, t))</p>" }
        return "<div class=\"error\" role=\"alert\" id=\"form-errors\" tabindex=\"-1\">\(fields)\(others)</div>"
    }

    /// The message shown under the field `name`, tied to it by `aria-describedby`.
    func message(_ name: String, id: String, _ t: Language) -> HTML {
        guard let error = byField[name] else { return "" }
        return "<p class=\"field-error\" id=\"\(id)-error\">\(UserMessages.text(error, t))</p>"
    }

    /// `aria-invalid` and `aria-describedby` for a field in error.
    func attributes(_ name: String, id: String) -> HTML {
        byField[name] == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(id)-error\""
    }
}

/// Labelled fields whose errors sit right under them.
struct OrganiserFields {
    let errors: OrganiserFormErrors
    let t: Language

    func input(
        _ name: String, _ label: String, value: String, id: String? = nil, type: String = "text",
        required: Bool = false, hint: String? = nil, extra: HTML = ""
    ) -> HTML {
        let id = id ?? name
        let hint: HTML = hint.map { "<p class=\"hint\">\($0)</p>" } ?? ""
        return """
            <div class="field"><label for="\(id)">\(label)</label>\(hint)\
            <input id="\(id)" name="\(name)" type="\(type)" value="\(value)"\(required ? " required" : "")\
            \(extra)\(errors.attributes(name, id: id))>\(errors.message(name, id: id, t))</div>
            """
    }

    func textArea(_ name: String, _ label: String, value: String) -> HTML {
        """
        <div class="field"><label for="\(name)">\(label)</label>\
        <textarea id="\(name)" name="\(name)"\(errors.attributes(name, id: name))>\(value)</textarea>\
        \(errors.message(name, id: name, t))</div>
        """
    }

    func check(_ name: String, _ label: String, checked: Bool) -> HTML {
        """
        <div class="field"><label class="check"><input type="checkbox" name="\(name)" value="1"\
        \(checked ? " checked" : "")> \(label)</label></div>
        """
    }
}
