import Community

/// The order pages' fields that the core's rules do not name (`invalid_<field>`).
enum OrderFormField: String, InputField, CaseIterable {
    /// The resident's choice of collection window.
    case window
    /// A quantity typed on an order form or on the merchant's answer that is not a whole number.
    case quantity
    /// A date and time typed on a window's or campaign's form that cannot be read.
    case dateTime = "date_time"

    var french: String {
        switch self {
        case .window: "Choisissez un créneau de retrait parmi ceux proposés."
        case .quantity: "Une quantité s'écrit en chiffres, comme 2."
        case .dateTime: "Indiquez une date et une heure, comme 24/12/2026 10:00."
        }
    }
}
