import Foundation

/// Configuration, from flags first, then `ZONEHUB_*` environment variables, then defaults.
struct Settings: Sendable {
    /// Every environment variable zonehub reads, with its default, for `--help` and the README.
    static let keys: [(name: String, meaning: String, fallback: String)] = [
        ("ZONEHUB_DB", "SQLite database file", "./data/zonehub.sqlite"),
        ("ZONEHUB_HOST", "address `serve` listens on", "127.0.0.1"),
        ("ZONEHUB_PORT", "port `serve` listens on", "8080"),
        ("ZONEHUB_PUBLIC_URL", "public base URL used in links", "http://<host>:<port>"),
        ("ZONEHUB_ZONES_DIR", "directory of zone files", "./zones"),
        ("ZONEHUB_LOG_LEVEL", "trace, debug, info, notice, warning, error", "info"),
        ("ZONEHUB_WEBSUB_HUB", "WebSub hub advertised by the feeds and pinged when they change", "none"),
    ]

    var databasePath: String
    var host: String
    var port: Int
    var publicURL: String
    var zonesDirectory: String
    var logLevel: String
    /// The WebSub hub feeds advertise, if any.
    var webSubHub: String?

    /// Resolves each setting: the flag if given, else the environment, else the default.
    init(
        database: String? = nil, host: String? = nil, port: Int? = nil, zones: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        func value(_ key: String) -> String? {
            environment[key].flatMap { $0.isEmpty ? nil : $0 }
        }
        databasePath = database ?? value("ZONEHUB_DB") ?? "./data/zonehub.sqlite"
        self.host = host ?? value("ZONEHUB_HOST") ?? "127.0.0.1"
        if let port {
            self.port = port
        } else if let text = value("ZONEHUB_PORT") {
            guard let parsed = Int(text) else { throw CLIError("ZONEHUB_PORT: '\(text)' is not a port number") }
            self.port = parsed
        } else {
            self.port = 8080
        }
        guard (0...65535).contains(self.port) else { throw CLIError("port \(self.port) is out of range 0-65535") }
        zonesDirectory = zones ?? value("ZONEHUB_ZONES_DIR") ?? "./zones"
        logLevel = value("ZONEHUB_LOG_LEVEL") ?? "info"
        webSubHub = value("ZONEHUB_WEBSUB_HUB")
        if let hub = webSubHub, URLComponents(string: hub)?.host == nil || !hub.hasPrefix("http") {
            throw CLIError("ZONEHUB_WEBSUB_HUB: '\(hub)' is not an http(s) URL")
        }
        let url = value("ZONEHUB_PUBLIC_URL") ?? "http://\(self.host):\(self.port)"
        guard let components = URLComponents(string: url), ["http", "https"].contains(components.scheme ?? ""),
            components.host != nil
        else { throw CLIError("ZONEHUB_PUBLIC_URL: '\(url)' is not an http(s) URL") }
        publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
    }
}
