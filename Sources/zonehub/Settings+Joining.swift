import Foundation

/// The settings that face the public and people joining: refused email domains and the operator's legal texts.
extension Settings {
    /// Reads `ZONEHUB_REFUSED_EMAIL_DOMAINS`: domains separated by commas, case ignored; an entry that is not a
    /// domain name is refused with the setting's name.
    static func emailDomains(_ text: String?) throws -> Set<String> {
        guard let text else { return [] }
        var domains: Set<String> = []
        for entry in text.split(separator: ",", omittingEmptySubsequences: false) {
            let domain = entry.trimmingCharacters(in: .whitespaces).lowercased()
            guard isDomainName(domain) else {
                throw CLIError(
                    "ZONEHUB_REFUSED_EMAIL_DOMAINS: '\(entry.trimmingCharacters(in: .whitespaces).prefix(80))' is not "
                        + "a domain name (write them separated by commas, e.g. yopmail.com,jetable.org)")
            }
            domains.insert(domain)
        }
        return domains
    }

    /// A name such as `example.org`: dot-separated labels of letters, digits and inner hyphens, a letter-only top
    /// level. Written in ASCII (an internationalised domain in its `xn--` form).
    static func isDomainName(_ domain: String) -> Bool {
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard domain.count <= 253, labels.count >= 2, let top = labels.last,
            top.count >= 2, top.allSatisfy({ $0.isASCII && $0.isLetter }) || top.hasPrefix("xn--")
        else { return false }
        return labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }

    /// The operator's text named by `setting`, or nil when the setting is not set.
    static func legalText(_ path: String?, setting: String) throws -> LegalText? {
        try path.map { try LegalText.read($0, setting: setting) }
    }

    /// What an operator is told when a legal page is not published: by `check`, and by `serve` at start.
    var legalWarnings: [String] {
        var warnings: [String] = []
        if legalNotice == nil {
            warnings.append(
                "ZONEHUB_LEGAL_NOTICE is not set: /mentions-legales says the publisher has not published it yet "
                    + "(LCEN art. 6 asks for it; see docs/legal/mentions-legales.example.txt)")
        }
        if privacyPolicy == nil {
            warnings.append(
                "ZONEHUB_PRIVACY_POLICY is not set: /confidentialite shows only what the hub stores "
                    + "(see docs/legal/confidentialite.example.txt)")
        }
        return warnings
    }
}
