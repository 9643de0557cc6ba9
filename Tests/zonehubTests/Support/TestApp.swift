import Community
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

@testable import zonehub
import Storage

/// A hub on a real in-memory SQLite database with the shipped zones, served through Hummingbird's test client.
struct TestApp {
    let hub: Hub
    let router: Router<HubRequestContext>

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let zonesDirectory = repository.appendingPathComponent("zones").path

    /// The hub's SQLite database, for tests that count rows.
    let database: SQLiteDatabase

    /// `onDisk` opens a temporary SQLite file in WAL mode instead, for tests of concurrent requests; `environment`
    /// holds `ZONEHUB_*` settings, as `serve` would read them.
    init(
        clock: any HubClock = SystemClock(), onDisk: Bool = false, hasher: any SecretHasher = BcryptHasher(),
        environment: [String: String] = [:]
    ) async throws {
        let settings = try Settings(
            database: ":memory:", host: "127.0.0.1", port: 8080, zones: Self.zonesDirectory, environment: environment)
        let database =
            onDisk
            ? try SQLiteDatabase(
                path: FileManager.default.temporaryDirectory
                    .appendingPathComponent("zonehub-test-\(UUID().uuidString)/hub.sqlite").path)
            : try SQLiteDatabase.inMemory()
        self.database = database
        hub = try Hub(database: database, settings: settings, clock: clock, hasher: hasher)
        _ = try await hub.syncZones(from: Self.zonesDirectory)
        router = buildRouter(hub: hub)
    }

    /// Runs `body` against the router, in process; warnings and errors are logged, not the request log.
    func test<T>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        var logger = Logger(label: "zonehub.test")
        logger.logLevel = .warning
        return try await Application(router: router, logger: logger).test(.router, body)
    }

    /// Creates an account with a fresh password and returns it with a bearer token.
    func account(_ email: String, role: Role, zones: [String] = []) async throws -> (user: User, token: String) {
        let password = "mot-de-passe-\(UUID().uuidString.prefix(8))"
        _ = try await hub.accounts.add(
            email: email, displayName: nil, role: role, zoneSlugs: zones, password: password, by: nil)
        let session = try await hub.accounts.signIn(email: email, password: password)
        return (session.user, session.token)
    }

    /// A merchant with a profile in `zone` (Dordogne publishes directly; the other zones hold for review).
    func merchant(_ email: String, zone: String = "dordogne") async throws -> (token: String, slug: String) {
        let (user, token) = try await account(email, role: .merchant)
        let places = [
            "dordogne": ("Bergerac", "24100"), "oise": ("Beauvais", "60000"),
            "centre-essonne": ("Corbeil-Essonnes", "91100"), "bassin-d-arcachon": ("Arcachon", "33120"),
        ]
        let (commune, postcode) = places[zone] ?? ("?", "00000")
        let merchant = try await hub.merchants.create(
            MerchantProfile(
                name: "Boutique \(email.prefix { $0 != "@" })", categories: [.alimentation], commune: commune,
                postcode: postcode, zones: [zone]),
            owner: user)
        return (token, merchant.slug)
    }

    /// The path of the link in the last mail queued for `email` whose line contains `path`, as the person would
    /// follow it.
    func mailedLink(to email: String, containing path: String, sourceLocation: SourceLocation = #_sourceLocation)
        async throws -> String
    {
        let message = try #require(
            try await hub.outbox.messages(recipient: email).last, sourceLocation: sourceLocation)
        guard case .send(let mail) = try await hub.mailRenderer.render(message) else {
            Issue.record("the queued message rendered no mail", sourceLocation: sourceLocation)
            return ""
        }
        let line = try #require(
            mail.text.split(separator: "\n").first { $0.contains(path) }, sourceLocation: sourceLocation)
        let url = String(line[line.range(of: "http")!.lowerBound...])
        return String(url.dropFirst(hub.settings.publicURL.count))
    }
}

extension TestClientProtocol {
    /// Sends a JSON (or raw) body with an optional bearer token. An API answer that does not conform to
    /// `openapi.json` (operation, status, body schema) is recorded as an issue at the caller.
    @discardableResult
    func send(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil,
        bytes: [UInt8]? = nil, contentType: String = "application/json", cookie: String? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields) {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let cookie { headers[.cookie] = cookie }
        if json != nil || bytes != nil { headers[.contentType] = contentType }
        let body = bytes.map { ByteBuffer(bytes: $0) } ?? json.map { ByteBuffer(string: $0) }
        let answer = try await execute(uri: uri, method: method, headers: headers, body: body) { response in
            (status: response.status, body: String(buffer: response.body), headers: response.headers)
        }
        do {
            let failures = try OpenAPIConformance.served.get().failures(
                method: method.rawValue, uri: uri, status: answer.status.code,
                contentType: answer.headers[.contentType], body: answer.body)
            for failure in failures { Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation) }
        } catch {
            Issue.record(error, "openapi.json could not be read", sourceLocation: sourceLocation)
        }
        return answer
    }
}

/// Reads a JSON answer.
func decodeJSON(_ text: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
}
