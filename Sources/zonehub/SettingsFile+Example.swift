import Foundation

/// The commented example of the configuration file, written from `Settings.keys`: every setting, its meaning and its
/// default, so that a setting added to the table is in the example too.
extension SettingsFile {
    /// The values a packaged server sets: its data under /var/lib/zonehub, its zone files under /etc/zonehub/zones.
    static let packagedValues: [String: String] = [
        "ZONEHUB_DB": "/var/lib/zonehub/zonehub.sqlite",
        "ZONEHUB_MAIL_DIR": "/var/lib/zonehub/mail",
        "ZONEHUB_ZONES_DIR": "/etc/zonehub/zones",
    ]

    /// The example: every setting commented out; `packaged`, with the settings of a packaged server set.
    static func example(packaged: Bool) -> String {
        var text = """
            # zonehub's configuration file (TOML).
            #
            # zonehub reads the file named by `--config PATH`, else by ZONEHUB_CONFIG, else
            # \(standardPath) when it exists. Each setting is also an environment variable
            # (public_url is ZONEHUB_PUBLIC_URL): a flag wins over the environment, the environment over
            # this file, this file over the defaults. Write text in quotes; whole numbers may go without.
            # A name zonehub does not know stops it with an error, so a typo never goes unnoticed;
            # `zonehub check` reads this file and says what it sets.
            # Keep smtp_password here only if the file is not readable by everyone (e.g. mode 640, owner
            # root, group zonehub).

            """
        if packaged {
            text += """
                #
                # Before opening the hub, set at least public_url, smtp_url and mail_from.

                """
        }
        text += "#\n# Written by `zonehub config example\(packaged ? " --packaged" : "")`.\n"
        for setting in settings {
            let key = key(for: setting.name)
            let meaning = fileWords(setting.meaning)
            text += "\n" + comment(meaning.prefix(1).uppercased() + meaning.dropFirst()).joined(separator: "\n") + "\n"
            text += "# Default: \(fileWords(setting.fallback))\n"
            if packaged, let value = packagedValues[setting.name] {
                text += "\(key) = \(quoted(value))\n"
            } else {
                text += "#\(key) = \(sample(setting.fallback))\n"
            }
        }
        return text
    }

    /// A setting's meaning or default with the settings it mentions named as in the file (`mail_dir`).
    static func fileWords(_ text: String) -> String {
        text.replacing(#/ZONEHUB_[A-Z0-9_]+/#) { match in
            let name = String(match.output)
            return Settings.keys.contains { $0.name == name } ? key(for: name) : name
        }
    }

    /// The value shown on a commented-out line: the default when it is a value, else empty text.
    private static func sample(_ fallback: String) -> String {
        if Int(fallback) != nil { return fallback }
        let isValue =
            !fallback.isEmpty && !fallback.contains(" ") && !fallback.contains("<")
            && !fallback.hasPrefix("ZONEHUB_") && !["none", "yes"].contains(fallback)
        return quoted(isValue || fallback == "yes" ? fallback : "")
    }

    /// `value` as a TOML basic string.
    private static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `text` as comment lines of at most 100 columns.
    private static func comment(_ text: String) -> [String] {
        var lines: [String] = []
        var line = "#"
        for word in text.split(separator: " ") {
            if line.count + 1 + word.count > 100, line != "#" {
                lines.append(line)
                line = "#"
            }
            line += " " + word
        }
        lines.append(line)
        return lines
    }
}
