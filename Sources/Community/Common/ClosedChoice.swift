/// A value from a fixed list, written as its string (categories, reason codes): parsing names the field and the
/// allowed values when the input is not one of them.
package protocol ClosedChoice: RawRepresentable, CaseIterable where RawValue == String {
    /// The field the value comes from, for error messages.
    static var field: String { get }
}

extension ClosedChoice {
    package static func parse(_ value: String, field: String = Self.field) throws(CommunityError) -> Self {
        guard let choice = Self(rawValue: value) else {
            let allowed = allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalid(field, "unknown \(Self.field) '\(value.prefix(40))' (one of: \(allowed))")
        }
        return choice
    }
}

extension Category: ClosedChoice {
    package static let field = "category"
}
