import Feeds
import Foundation
import Logging

/// Configuration, from flags first, then `ZONEHUB_*` environment variables, then the configuration file, then
/// defaults.
struct Settings: Sendable {
    /// Every environment variable zonehub reads, with its default, for `--help` and the README; each is also a
    /// setting of the configuration file (`SettingsFile`), and of its example, under its name without `ZONEHUB_`.
    static let keys: [(name: String, meaning: String, fallback: String)] = [
        ("ZONEHUB_DB", "SQLite database file", "./data/zonehub.sqlite"),
        (
            "ZONEHUB_DATABASE_URL",
            "PostgreSQL database instead: `postgres://user:password@host:port/name` (several `serve` may share it)",
            "none: SQLite"
        ),
        ("ZONEHUB_HOST", "address `serve` listens on", "127.0.0.1"),
        ("ZONEHUB_PORT", "port `serve` listens on", "8080"),
        (
            "ZONEHUB_REQUEST_HEAD_TIMEOUT",
            "seconds a request head may take, from the connection or its first byte, before the connection is closed",
            "10"
        ),
        (
            "ZONEHUB_IDLE_TIMEOUT",
            "seconds a connection may wait for its next request, or for the next part of a request body",
            "75"
        ),
        ("ZONEHUB_PUBLIC_URL", "public base URL used in links", "http://<host>:<port>"),
        ("ZONEHUB_ZONES_DIR", "directory of zone files", "./zones"),
        ("ZONEHUB_LOG_LEVEL", "trace, debug, info, notice, warning, error", "info"),
        ("ZONEHUB_LOG_FORMAT", "`text`, or `json` for one JSON object per line", "text"),
        ("ZONEHUB_WEBSUB_HUB", "WebSub hub advertised by the feeds and pinged when they change", "none"),
        (
            "ZONEHUB_SMTP_URL", "SMTP server: `smtp://host:port` or `smtps://host:port`",
            "none: mail is written to ZONEHUB_MAIL_DIR"
        ),
        ("ZONEHUB_SMTP_STARTTLS", "`required` to refuse sending unless STARTTLS succeeds (smtp://)", "not required"),
        ("ZONEHUB_SMTP_USER", "SMTP login (needs smtps:// or STARTTLS required)", "none"),
        ("ZONEHUB_SMTP_PASSWORD", "SMTP password", "none"),
        ("ZONEHUB_SMTP_CA_FILE", "PEM file of authorities to trust for the SMTP server's certificate", "the system's"),
        ("ZONEHUB_SMTP_HELO", "the name given in EHLO", "the public URL's host"),
        ("ZONEHUB_SMTP_CONNECTIONS", "parallel SMTP connections", "4"),
        (
            "ZONEHUB_MAIL_FROM", "sender address of every mail (and of one-click mailto unsubscription)",
            "zonehub@<public host>"
        ),
        ("ZONEHUB_MAIL_DIR", "where mail is written as .eml files when no SMTP server is set", "./data/mail"),
        (
            "ZONEHUB_BOUNCE_ADDRESS",
            "mailbox piped into `zonehub mail bounce`; each message's envelope sender is `local+<id>-<tag>@domain`",
            "none: the envelope sender is ZONEHUB_MAIL_FROM"
        ),
        ("ZONEHUB_BOUNCE_VERP", "`no`: send with ZONEHUB_BOUNCE_ADDRESS as is (bounces matched by Message-ID)", "yes"),
        ("ZONEHUB_CONFIRM_AFTER_DAYS", "days after which merchants are asked to confirm their listing", "90"),
        (
            "ZONEHUB_REFUSED_EMAIL_DOMAINS", "email domains refused at sign-up, separated by commas (case ignored)",
            "none"
        ),
        (
            "ZONEHUB_LEGAL_NOTICE", "UTF-8 text file shown at /mentions-legales",
            "none: the page says it is not published"
        ),
        (
            "ZONEHUB_PRIVACY_POLICY", "UTF-8 text file shown at /confidentialite, above what the hub says it stores",
            "none: the page says it is not published"
        ),
        ("ZONEHUB_HUB_NAME", "the hub's name: header, page titles, mails' sender, the hub's feed", "zonehub"),
        (
            "ZONEHUB_HUB_LOGO",
            "logo: a PNG, JPEG, GIF, WebP or SVG file (512 KiB at most, read at start), or an URL under the public URL",
            "none"
        ),
        ("ZONEHUB_HUB_COLOR", "main colour `#rrggbb`; white text on it must reach WCAG AA (4.5:1)", "#b5412b"),
        ("ZONEHUB_HUB_FOOTER", "the footer's line, plain text (at most 300 characters)", "the hub's own line"),
        (
            "ZONEHUB_HUB_CONTACT", "email or https address to write to the hub's team (e.g. to ask for a new zone)",
            "ZONEHUB_MAIL_FROM"
        ),
        (
            "ZONEHUB_TEST_DAYS_AHEAD",
            "TESTS ONLY: moves serve's clock 1 to 366 days ahead; refused with an https public URL", "none"
        ),
    ]

    var databasePath: String
    /// The PostgreSQL database to use instead of the SQLite file, if any.
    var databaseURL: String?
    var host: String
    var port: Int
    /// How long a request head may take to arrive, from the connection or from the head's first bytes.
    var requestHeadTimeout: Duration
    /// How long a kept-alive connection may wait for its next request (or a request body for its next part).
    var idleTimeout: Duration
    var publicURL: String
    var zonesDirectory: String
    var logLevel: Logger.Level
    var logFormat: LogFormat
    /// The WebSub hub feeds advertise, if any.
    var webSubHub: String?
    /// How mail leaves the hub: SMTP settings, or nil to write files into `mailDirectory`.
    var smtp: SMTPSettings?
    var smtpConnections: Int
    var mailFrom: String
    var mailDirectory: String
    /// Where bounces go (the envelope sender), and whether each message gets its own (VERP); see `Settings+Bounces`.
    var bounceAddress: String?
    var verp: Bool
    /// Days without a confirmation before a merchant is reminded (stale 30 days later).
    var confirmAfterDays: Int
    /// Domains whose addresses cannot sign up, lower-cased.
    var refusedEmailDomains: Set<String>
    /// The operator's "Mentions légales" and "Politique de confidentialité", read at start; nil when not set.
    var legalNotice: LegalText?
    var privacyPolicy: LegalText?
    /// The hub's name, logo, colour, footer and contact (`Settings+Identity`).
    var identity: HubIdentity

    /// Whether `value` names a PostgreSQL database rather than a SQLite file.
    static func isPostgresAddress(_ value: String) -> Bool {
        value.hasPrefix("postgres://") || value.hasPrefix("postgresql://")
    }

    /// Stops `command`, which works on a SQLite file, when the hub is on PostgreSQL.
    func refusePostgres(_ command: String) throws {
        guard databaseURL != nil else { return }
        throw CLIError(
            "\(command) copies a SQLite file; on PostgreSQL use pg_dump and pg_restore (or `zonehub export` to a "
                + "SQLite file)")
    }

    /// The database as an operator would name it (its file, or its address without the password).
    var databaseName: String {
        guard let databaseURL, var components = URLComponents(string: databaseURL) else { return databasePath }
        if components.password != nil { components.password = "***" }
        return components.string ?? "on PostgreSQL"
    }

    /// Resolves each setting: the flag if given, else `environment`, else the default (`Settings+File` puts the
    /// configuration file beneath the environment).
    init(
        database: String? = nil, host: String? = nil, port: Int? = nil, zones: String? = nil,
        environment: [String: String]
    ) throws {
        func value(_ key: String) -> String? {
            environment[key].flatMap { $0.isEmpty ? nil : $0 }
        }
        // `--db` takes a file or a postgres:// address; without it, ZONEHUB_DATABASE_URL, then ZONEHUB_DB.
        if let database, Self.isPostgresAddress(database) {
            databaseURL = database
        } else if database == nil, let address = value("ZONEHUB_DATABASE_URL") {
            guard Self.isPostgresAddress(address) else {
                throw CLIError("ZONEHUB_DATABASE_URL: '\(address.prefix(80))' is not a postgres:// address")
            }
            databaseURL = address
        }
        databasePath = database ?? value("ZONEHUB_DB") ?? "./data/zonehub.sqlite"
        self.host = host ?? value("ZONEHUB_HOST") ?? "127.0.0.1"
        if let port {
            self.port = port
        } else if let text = value("ZONEHUB_PORT") {
            guard let parsed = Int(text), (0...65535).contains(parsed) else {
                throw CLIError("ZONEHUB_PORT: '\(text)' is not a port number (0 to 65535)")
            }
            self.port = parsed
        } else {
            self.port = 8080
        }
        guard (0...65535).contains(self.port) else { throw CLIError("port \(self.port) is out of range 0-65535") }
        // Longer than the 60 s nginx keeps idle upstream connections, so that the proxy always closes first and never
        // sends a request down a connection the hub is closing.
        idleTimeout = .seconds(try Self.integer(value("ZONEHUB_IDLE_TIMEOUT"), "ZONEHUB_IDLE_TIMEOUT", 1...3600) ?? 75)
        requestHeadTimeout = .seconds(
            try Self.integer(value("ZONEHUB_REQUEST_HEAD_TIMEOUT"), "ZONEHUB_REQUEST_HEAD_TIMEOUT", 1...300) ?? 10)
        zonesDirectory = zones ?? value("ZONEHUB_ZONES_DIR") ?? "./zones"
        let level = value("ZONEHUB_LOG_LEVEL") ?? "info"
        guard let logLevel = Logger.Level(rawValue: level) else {
            throw CLIError("ZONEHUB_LOG_LEVEL: '\(level)' is not one of trace, debug, info, notice, warning, error")
        }
        self.logLevel = logLevel
        let format = value("ZONEHUB_LOG_FORMAT") ?? "text"
        guard let logFormat = LogFormat(rawValue: format) else {
            throw CLIError("ZONEHUB_LOG_FORMAT: '\(format)' is neither text nor json")
        }
        self.logFormat = logFormat
        webSubHub = value("ZONEHUB_WEBSUB_HUB")
        if let hub = webSubHub, URLComponents(string: hub)?.host == nil || !hub.hasPrefix("http") {
            throw CLIError("ZONEHUB_WEBSUB_HUB: '\(hub)' is not an http(s) URL")
        }
        let url = value("ZONEHUB_PUBLIC_URL") ?? "http://\(self.host):\(self.port)"
        guard let components = URLComponents(string: url), ["http", "https"].contains(components.scheme ?? ""),
            components.host != nil
        else { throw CLIError("ZONEHUB_PUBLIC_URL: '\(url)' is not an http(s) URL") }
        publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        let publicHost = components.host ?? "localhost"
        // A name, not an address: "zonehub@127.0.0.1" is not a mailbox anyone can write to.
        let named = publicHost.contains(".") && publicHost.last?.isLetter == true
        mailFrom = value("ZONEHUB_MAIL_FROM") ?? "zonehub@\(named ? publicHost : "localhost.localdomain")"
        guard (try? SubscriptionService.validated(email: mailFrom)) != nil else {
            throw CLIError("ZONEHUB_MAIL_FROM: '\(mailFrom)' is not an email address")
        }
        mailDirectory = value("ZONEHUB_MAIL_DIR") ?? "./data/mail"
        identity = try Self.identity(value, publicURL: publicURL)
        if identity.contact == nil { identity.contact = .email(mailFrom) }
        (bounceAddress, verp) = try Self.bounces(value("ZONEHUB_BOUNCE_ADDRESS"), verp: value("ZONEHUB_BOUNCE_VERP"))
        smtpConnections = try Self.integer(value("ZONEHUB_SMTP_CONNECTIONS"), "ZONEHUB_SMTP_CONNECTIONS", 1...32) ?? 4
        confirmAfterDays =
            try Self.integer(value("ZONEHUB_CONFIRM_AFTER_DAYS"), "ZONEHUB_CONFIRM_AFTER_DAYS", 7...730) ?? 90
        refusedEmailDomains = try Self.emailDomains(value("ZONEHUB_REFUSED_EMAIL_DOMAINS"))
        legalNotice = try Self.legalText(value("ZONEHUB_LEGAL_NOTICE"), setting: "ZONEHUB_LEGAL_NOTICE")
        privacyPolicy = try Self.legalText(value("ZONEHUB_PRIVACY_POLICY"), setting: "ZONEHUB_PRIVACY_POLICY")
        smtp = try value("ZONEHUB_SMTP_URL").map { url in
            guard let parts = URLComponents(string: url), ["smtp", "smtps"].contains(parts.scheme ?? ""),
                parts.host?.isEmpty == false
            else { throw CLIError("ZONEHUB_SMTP_URL: '\(url)' is not an smtp:// or smtps:// URL") }
            let starttls = value("ZONEHUB_SMTP_STARTTLS")
            guard starttls == nil || starttls == "required" || starttls == "no" else {
                throw CLIError("ZONEHUB_SMTP_STARTTLS: '\(starttls!)' is neither 'required' nor 'no'")
            }
            let encrypted = parts.scheme == "smtps" || starttls == "required"
            let user = value("ZONEHUB_SMTP_USER")
            // A password is never sent over a connection that may not be encrypted.
            if user != nil && !encrypted {
                throw CLIError("ZONEHUB_SMTP_USER needs encryption: use smtps:// or ZONEHUB_SMTP_STARTTLS=required")
            }
            return SMTPSettings(
                url: url, heloName: value("ZONEHUB_SMTP_HELO") ?? publicHost, username: user,
                password: value("ZONEHUB_SMTP_PASSWORD"), requireTLS: starttls == "required",
                caFile: value("ZONEHUB_SMTP_CA_FILE"))
        }
    }

    private static func integer(_ text: String?, _ name: String, _ range: ClosedRange<Int>) throws -> Int? {
        guard let text else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw CLIError("\(name): '\(text)' is not a number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}
