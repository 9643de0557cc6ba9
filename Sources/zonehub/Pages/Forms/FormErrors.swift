import Community
import Foundation
import PopUps

/// What is wrong in a form, field by field: every error shows beside its field at once, a summary above the form
/// links to each field in error, and the few errors that belong to no field (a conflict, a refusal) show there too.
struct FormErrors {
    /// The fields in error, in the order their errors were found (the form's order), each with its first error.
    private(set) var fields: [(name: String, error: CommunityError)] = []
    private(set) var general: [CommunityError] = []

    var isEmpty: Bool { fields.isEmpty && general.isEmpty }
    var count: Int { fields.count + general.count }
    /// Each field in error with its error.
    var byField: [String: CommunityError] {
        Dictionary(fields.map { ($0.name, $0.error) }, uniquingKeysWith: { a, _ in a })
    }

    /// Files `error` beside the form field it names (`invalid_<field>`), or above the form; a field keeps its first.
    mutating func add(_ error: CommunityError) {
        guard error.code.hasPrefix("invalid_") else { return general.append(error) }
        add(error, to: Self.input(for: String(error.code.dropFirst("invalid_".count))))
    }

    /// Files `error` beside the form field `name`, whatever its code (an email no account uses).
    mutating func add(_ error: CommunityError, to name: String) {
        if self[name] == nil { fields.append((name, error)) }
    }

    /// Files each of `errors`.
    mutating func add(_ errors: [CommunityError]) { for error in errors { add(error) } }

    /// Puts the fields in error in the order the form shows them (`names`), so the summary reads like the form.
    mutating func order(_ names: [String]) {
        let rank = { (name: String) in names.firstIndex(of: name) ?? names.count }
        fields = fields.enumerated().sorted { (rank($0.element.name), $0.offset) < (rank($1.element.name), $1.offset) }
            .map(\.element)
    }

    /// The error of the form field `name`, if any.
    subscript(name: String) -> CommunityError? { fields.first { $0.name == name }?.error }

    /// The form field that shows a rule's field: most share its name.
    static func input(for field: String) -> String {
        switch field {
        case PopUpField.priceCents.rawValue, CommunityField.priceCents.rawValue, "price": "price"
        case PopUpField.weekdays.rawValue: "weekday"
        case PopUpField.series.rawValue: "firstDay"
        default: field
        }
    }

    /// Above the form: how many fields need a look, each linked to its field, and the errors that belong to no
    /// field. `anchors` names the element to reach for a field whose id is not its name.
    func summary(_ t: Language, anchors: [String: String] = [:]) -> HTML {
        guard !isEmpty else { return "" }
        let links: [HTML] = fields.map {
            "<li><a href=\"#\(anchors[$0.name] ?? $0.name)\">\(UserMessages.text($0.error, t))</a></li>"
        }
        let count = Wording.count(
            fields.count, t, fr: ("champ est à corriger", "champs sont à corriger"),
            en: ("field needs correcting", "fields need correcting"))
        let list: HTML =
            fields.isEmpty
            ? ""
            : "<p>\(count)\(t(" :", ":"))</p><ul class=\"error-links\">\(links)</ul>"
        let others: [HTML] = general.map { "<p>\(UserMessages.text($0, t))</p>" }
        return "<div class=\"error\" role=\"alert\" id=\"form-errors\" tabindex=\"-1\">\(others)\(list)</div>"
    }

    /// The message shown under the field `name`, tied to it by `aria-describedby`.
    func message(_ name: String, id: String, _ t: Language) -> HTML {
        guard let error = self[name] else { return "" }
        return "<p class=\"field-error\" id=\"\(id)-error\">\(UserMessages.text(error, t))</p>"
    }

    /// `aria-describedby` for a group of fields (a fieldset) in error.
    func describedBy(_ name: String, id: String) -> HTML {
        self[name] == nil ? "" : " aria-describedby=\"\(id)-error\""
    }

    /// `aria-invalid` and `aria-describedby` for a field in error.
    func attributes(_ name: String, id: String) -> HTML {
        self[name] == nil ? "" : " aria-invalid=\"true\" aria-describedby=\"\(id)-error\""
    }
}
