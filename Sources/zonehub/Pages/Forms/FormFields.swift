import Community

/// Labelled fields whose errors sit right under them, tied to them by `aria-describedby`.
struct FormFields {
    let errors: FormErrors
    let t: Language

    func input(
        _ name: String, _ label: String, value: String, id: String? = nil, type: String = "text",
        required: Bool = false, hint: String? = nil, extra: HTML = ""
    ) -> HTML {
        let id = id ?? name
        let described: HTML = errors[name] == nil && hint != nil ? " aria-describedby=\"\(id)-hint\"" : ""
        let hint: HTML = hint.map { "<p class=\"hint\" id=\"\(id)-hint\">\($0)</p>" } ?? ""
        return """
            <div class="field"><label for="\(id)">\(label)</label>\(hint)\
            <input id="\(id)" name="\(name)" type="\(type)" value="\(value)"\(required ? " required" : "")\
            \(extra)\(described)\(errors.attributes(name, id: id))>\(errors.message(name, id: id, t))</div>
            """
    }

    func textArea(_ name: String, _ label: String, value: String, extra: HTML = "") -> HTML {
        """
        <div class="field"><label for="\(name)">\(label)</label>\
        <textarea id="\(name)" name="\(name)"\(extra)\(errors.attributes(name, id: name))>\(value)</textarea>\
        \(errors.message(name, id: name, t))</div>
        """
    }

    /// A list of choices; `options` pairs each value with its label.
    func select(_ name: String, _ label: String, options: [(value: String, label: String)], selected: String) -> HTML {
        let items: [HTML] = options.map {
            "<option value=\"\($0.value)\"\($0.value == selected ? " selected" : "")>\($0.label)</option>"
        }
        return """
            <div class="field"><label for="\(name)">\(label)</label>\
            <select id="\(name)" name="\(name)"\(errors.attributes(name, id: name))>\(items)</select>\
            \(errors.message(name, id: name, t))</div>
            """
    }

    func check(_ name: String, _ label: String, checked: Bool) -> HTML {
        """
        <div class="field"><label class="check"><input type="checkbox" name="\(name)" value="1"\
        \(checked ? " checked" : "")> \(label)</label></div>
        """
    }

    /// Checkboxes sharing one name in a fieldset, whose error sits under the group.
    func checks(_ name: String, _ legend: String, options: [(value: String, label: String)], checked: Set<String>)
        -> HTML
    {
        let boxes: [HTML] = options.map {
            """
            <label class="check"><input type="checkbox" name="\(name)" value="\($0.value)"\
            \(checked.contains($0.value) ? " checked" : "")> \($0.label)</label>
            """
        }
        return """
            <fieldset id="\(name)"\(errors.describedBy(name, id: name))><legend>\(legend)</legend>\(boxes)\
            \(errors.message(name, id: name, t))</fieldset>
            """
    }
}
