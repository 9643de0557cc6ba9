/// A value from a fixed list, written as its string (categories, reason codes): parsing names the field and the
/// allowed values when the input is not one of them.
package protocol ClosedChoice: RawRepresentable, CaseIterable where RawValue == String {
    /// The field the value comes from, for error messages.
    static var field: any InputField { get }
}

extension ClosedChoice {
    /// The choice named `value`; refused in `field` (the type's own field unless another is given).
    package static func parse(_ value: String, field: (any InputField)? = nil) throws(CommunityError) -> Self {
        guard let choice = Self(rawValue: value) else {
            let allowed = allCases.map(\.rawValue).joined(separator: ", ")
            throw (field ?? Self.field).invalid(
                "unknown \(Self.field.rawValue) '\(value.prefix(40))' (one of: \(allowed))")
        }
        return choice
    }
}

extension Category: ClosedChoice {
    package static var field: any InputField { CommunityField.category }
}
