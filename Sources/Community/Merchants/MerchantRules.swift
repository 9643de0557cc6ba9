import Foundation

/// Field checks for merchant profiles: pure functions, each naming the field it rejects.
package enum MerchantRules {
    /// Trimmed text with line breaks as "\n"; other control characters are refused (`TextRules.text`).
    package static func text(_ value: String, field: some InputField, max: Int, required: Bool = false)
        throws(CommunityError) -> String
    {
        try TextRules.text(value, field: field, max: max, required: required)
    }

    package static func optionalText(_ value: String?, field: some InputField, max: Int) throws(CommunityError)
        -> String?
    {
        guard let value else { return nil }
        let text = try text(value, field: field, max: max)
        return text.isEmpty ? nil : text
    }

    /// Opening hours in OpenStreetMap syntax, stored in canonical form; empty means not given.
    package static func openingHours(_ value: String?) throws(CommunityError) -> String? {
        guard let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return try OpeningHours.parse(value).text
    }

    /// French numbers: 0X XX XX XX XX or +33 X XX XX XX XX, spaces, dots and hyphens allowed.
    package static func phone(_ value: String?) throws(CommunityError) -> String? {
        guard let value = try optionalText(value, field: CommunityField.phone, max: 30) else { return nil }
        let digits = value.filter { !" .-".contains($0) }
        guard digits.range(of: #"^(0[1-9][0-9]{8}|\+33[1-9][0-9]{8})$"#, options: .regularExpression) != nil else {
            throw CommunityField.phone.invalid("'\(value)' is not a French phone number (e.g. 01 23 45 67 89)")
        }
        return value
    }

    package static func email(_ value: String?) throws(CommunityError) -> String? {
        guard let value = try optionalText(value, field: CommunityField.email, max: 254) else { return nil }
        return try AccountService.normalizedEmail(value)
    }

    /// Only absolute http(s) URLs with a host.
    package static func url(_ value: String?, field: some InputField) throws(CommunityError) -> String? {
        guard let value = try optionalText(value, field: field, max: 300) else { return nil }
        guard let components = URLComponents(string: value), let scheme = components.scheme?.lowercased(),
            scheme == "https" || scheme == "http", let host = components.host, host.contains(".")
        else { throw field.invalid("'\(value.prefix(80))' is not a web address starting with https://") }
        return value
    }

    /// A SIRET has 14 digits and passes the Luhn check (La Poste's establishments use their own rule).
    package static func siret(_ value: String?) throws(CommunityError) -> String? {
        guard let value = try optionalText(value, field: CommunityField.siret, max: 20) else { return nil }
        let digits = value.filter { $0 != " " }
        guard digits.count == 14, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw CommunityField.siret.invalid("a SIRET has 14 digits")
        }
        guard isValidSiret(digits) else {
            throw CommunityField.siret.invalid("\(digits) is not a valid SIRET (check digit)")
        }
        return digits
    }

    package static func isValidSiret(_ digits: String) -> Bool {
        let values = digits.compactMap { $0.wholeNumberValue }
        // La Poste's thousands of establishments share one SIREN; INSEE numbers them so the digit sum is a
        // multiple of 5, which the Luhn check alone would refuse.
        if digits.hasPrefix("356000000") && values.reduce(0, +) % 5 == 0 { return true }
        let sum = values.enumerated().reduce(0) { total, item in
            guard item.offset % 2 == 0 else { return total + item.element }
            let doubled = item.element * 2
            return total + (doubled > 9 ? doubled - 9 : doubled)
        }
        return sum % 10 == 0
    }
}
