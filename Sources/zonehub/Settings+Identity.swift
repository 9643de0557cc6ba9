import Feeds
import Foundation

/// The hub's own identity in the settings: `ZONEHUB_HUB_NAME`, `_LOGO`, `_COLOR`, `_FOOTER` and `_CONTACT`.
extension Settings {
    /// Every identity setting read and checked; a value that cannot be used stops the hub with its setting's name.
    static func identity(_ value: (String) -> String?, publicURL: String) throws -> HubIdentity {
        var identity = HubIdentity()
        if let name = value("ZONEHUB_HUB_NAME") { identity.name = try hubName(name) }
        identity.logo = try value("ZONEHUB_HUB_LOGO").map { try logo($0, publicURL: publicURL) }
        identity.color = try value("ZONEHUB_HUB_COLOR").map(color)
        identity.footer = try value("ZONEHUB_HUB_FOOTER").map(footer)
        identity.contact = try value("ZONEHUB_HUB_CONTACT").map(contact)
        return identity
    }

    static func hubName(_ text: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespaces)
        guard (1...60).contains(name.count), !name.contains(where: \.isNewline),
            !name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) })
        else {
            throw CLIError("ZONEHUB_HUB_NAME: '\(text.prefix(80))' is not a name of 1 to 60 characters on one line")
        }
        return name
    }

    /// `#rrggbb`, dark enough for the white text of buttons and badges (WCAG AA: a contrast of 4.5:1 at least).
    static func color(_ text: String) throws -> String {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard value.count == 7, value.first == "#", let rgb = Int(value.dropFirst(), radix: 16),
            value.dropFirst().allSatisfy(\.isHexDigit)
        else {
            throw CLIError("ZONEHUB_HUB_COLOR: '\(text.prefix(40))' is not a colour written #rrggbb (e.g. #b5412b)")
        }
        let ratio = contrastWithWhite(rgb)
        guard ratio >= 4.5 else {
            throw CLIError(
                "ZONEHUB_HUB_COLOR: \(value) is too light: white text on it has a contrast of "
                    + "\(String(format: "%.1f", ratio)):1 and WCAG AA asks for 4.5:1; choose a darker colour "
                    + "(e.g. #b5412b)")
        }
        return value
    }

    /// The WCAG contrast ratio of white on the colour `rgb` (0xrrggbb).
    static func contrastWithWhite(_ rgb: Int) -> Double {
        func channel(_ shift: Int) -> Double {
            let c = Double((rgb >> shift) & 0xff) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
        return 1.05 / (luminance + 0.05)
    }

    static func footer(_ text: String) throws -> String {
        let footer = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard footer.count <= 300, !footer.contains(where: \.isNewline) else {
            throw CLIError("ZONEHUB_HUB_FOOTER: the footer's line is plain text of at most 300 characters, on one line")
        }
        return footer
    }

    /// An email address, or an https address (a contact form).
    static func contact(_ text: String) throws -> HubIdentity.Contact {
        let value = text.trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("https://") {
            guard URLComponents(string: value)?.host?.isEmpty == false else {
                throw CLIError("ZONEHUB_HUB_CONTACT: '\(value.prefix(80))' is not an https address")
            }
            return .web(value)
        }
        guard (try? SubscriptionService.validated(email: value)) != nil else {
            throw CLIError(
                "ZONEHUB_HUB_CONTACT: '\(value.prefix(80))' is neither an email address nor an https:// address")
        }
        return .email(value)
    }

    /// A file read now and served at `/static/logo` (PNG, JPEG, GIF, WebP or SVG, at most 512 KiB), or an address
    /// on the hub itself (the pages load nothing from elsewhere).
    static func logo(_ text: String, publicURL: String) throws -> HubIdentity.Logo {
        if text.hasPrefix("http://") || text.hasPrefix("https://") {
            guard text.hasPrefix(publicURL + "/"), text.count > publicURL.count + 1 else {
                throw CLIError(
                    "ZONEHUB_HUB_LOGO: '\(text.prefix(80))' is not on the hub (\(publicURL)/…): give a file to serve, "
                        + "or an address under the public URL")
            }
            return .path(text)
        }
        let url = URL(fileURLWithPath: text)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? nil
        guard let size, let data = try? Data(contentsOf: url) else {
            throw CLIError("ZONEHUB_HUB_LOGO: cannot read the file \(text.prefix(200))")
        }
        guard size <= 512 * 1024 else {
            throw CLIError("ZONEHUB_HUB_LOGO: \(text.prefix(200)) is \(size / 1024) KiB; a logo has at most 512 KiB")
        }
        guard let type = imageType(Array(data)) else {
            throw CLIError("ZONEHUB_HUB_LOGO: \(text.prefix(200)) is not a PNG, JPEG, GIF, WebP or SVG image")
        }
        return .file(bytes: Array(data), contentType: type)
    }

    /// The image's media type from its first bytes, or nil when it is none the hub serves.
    static func imageType(_ bytes: [UInt8]) -> String? {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "image/png" }
        if starts([0xFF, 0xD8, 0xFF]) { return "image/jpeg" }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return "image/gif" }
        if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) { return "image/webp" }
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let svgStart = head.hasPrefix("<svg") || (head.hasPrefix("<?xml") && head.contains("<svg"))
        if svgStart && String(bytes: bytes, encoding: .utf8) != nil { return "image/svg+xml" }
        return nil
    }

    /// What `check` says of the identity.
    var identitySummary: String {
        var parts = ["name \(identity.name)"]
        if let logo = identity.logo {
            switch logo {
            case .file(let bytes, let type): parts.append("logo \(type), \(bytes.count) bytes")
            case .path(let path): parts.append("logo \(path)")
            }
        }
        if let color = identity.color { parts.append("colour \(color)") }
        if identity.footer != nil { parts.append("own footer") }
        if let contact = identity.contact { parts.append("contact \(contact.text)") }
        return parts.joined(separator: ", ")
    }
}
