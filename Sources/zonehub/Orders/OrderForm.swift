import Catalogue
import Community
import Foundation
import Orders

/// A resident's order as typed: a quantity per product (`q-<product>`), the window, a note and, for a guest, an
/// address and a name. Reading it files every error it can find at once, before the core checks the rest.
struct OrderForm {
    var quantities: [Product.ID: String] = [:]
    var window = ""
    var note = ""
    var email = ""
    var name = ""
    var errors = FormErrors()
    /// The core's refusal, when it refused the order (its category gives the page's status).
    var refusal: CommunityError?

    init() {}

    /// An empty form with `product` already at 1 (the "order" link of a product's page).
    init(preselected product: Product.ID?) {
        if let product { quantities[product] = "1" }
    }

    init(_ form: FormBody, offered: [Product.ID]) {
        for id in offered { quantities[id] = form["q-\(id.rawValue)"] ?? "" }
        window = form["window"] ?? ""
        note = form.text("note")
        email = form["email"] ?? ""
        name = form["name"] ?? ""
    }

    /// The lines chosen, with every error filed: unreadable or out-of-range quantities beside their product, no
    /// product at all, a missing window (`needsWindow`), and a guest's missing or wrong address and name.
    mutating func lines(offered: [Product.ID], needsWindow: Bool, guest: Bool) -> [LineRequest] {
        var lines: [LineRequest] = []
        for id in offered {
            let text = quantities[id] ?? ""
            guard !text.isEmpty, text != "0" else { continue }
            guard let quantity = Int(text) else {
                errors.add(OrderFormField.quantity.invalid("\"\(text)\" is not a whole number"), to: "q-\(id.rawValue)")
                continue
            }
            guard OrderRules.quantities.contains(quantity) else {
                errors.add(
                    OrdersField.lineQuantity.invalid("quantity \(quantity) must be from 1 to 99"),
                    to: "q-\(id.rawValue)")
                continue
            }
            lines.append(LineRequest(productID: id, quantity: quantity))
        }
        if lines.isEmpty && errors.isEmpty {
            errors.add(OrdersField.lines.invalid("choose at least one product"), to: "lines")
        }
        if needsWindow && Int64(window) == nil {
            errors.add(OrderFormField.window.invalid("choose a collection window"), to: "window")
        }
        do {
            _ = try TextRules.text(note, field: OrdersField.note, max: 500)
        } catch { errors.add(error, to: "note") }
        if guest {
            do {
                _ = try AccountService.normalizedEmail(email, field: OrdersField.email)
            } catch { errors.add(error, to: "email") }
            do {
                _ = try TextRules.line(name, field: OrdersField.name, max: 80, required: true)
            } catch { errors.add(error, to: "name") }
        }
        return lines
    }

    /// Files a refusal of the core beside the field it concerns, or above the form.
    mutating func file(_ error: CommunityError) {
        refusal = error
        switch error.code {
        case OrdersField.lineProduct.code, OrdersField.lineQuantity.code, OrdersField.lines.code:
            errors.add(error, to: "lines")
        case OrdersField.email.code: errors.add(error, to: "email")
        case OrdersField.name.code: errors.add(error, to: "name")
        case OrdersField.note.code: errors.add(error, to: "note")
        case OrdersProblem.windowFull.code, OrdersProblem.windowPast.code, OrdersProblem.windowRemoved.code,
            OrdersNotFound.window.code:
            errors.add(error, to: "window")
        default: errors.add(error)
        }
    }

    var requestedWindow: CollectionWindow.ID? { Int64(window).map(CollectionWindow.ID.init) }
}
