import Community
import Feeds
import Foundation
import HubTestSupport
import Logging
import Synchronization
import Testing

@testable import zonehub
import Storage

/// Delivery through libcurl to a real SMTP server (aiosmtpd, started by each test), with a fixed clock.
@Suite struct MailDeliveryTests {
    let clock = FixedClock()
    let database: SQLiteDatabase

    init() throws {
        database = try SQLiteDatabase.inMemory()
    }

    func hub(_ environment: [String: String]) throws -> Hub {
        let settings = try Settings(
            database: ":memory:", zones: TestApp.zonesDirectory,
            environment: environment.merging(["ZONEHUB_MAIL_FROM": "zonehub@zones.example.org"]) { a, _ in a })
        return try Hub(database: database, settings: settings, clock: clock)
    }

    func drain(_ hub: Hub) async throws -> DeliverySummary {
        try await hub.outboxSender(logger: Logger(label: "test")).drain()
    }

    func enqueue(_ hub: Hub, _ recipients: [String]) async throws {
        for recipient in recipients {
            try await hub.outbox.enqueue(
                recipient: recipient, payload: .notice(subject: "Annonce publiée : Légumes", text: "Bonjour,\n"),
                dedupeKey: nil, at: clock.now())
        }
    }

    @Test func manyMessagesTravelOverOneConnection() async throws {
        let server = try SMTPServer()
        let hub = try hub(["ZONEHUB_SMTP_URL": server.url, "ZONEHUB_SMTP_CONNECTIONS": "1"])
        try await enqueue(hub, (1...20).map { "r\($0)@example.org" })
        let summary = try await drain(hub)
        #expect(summary.sent == 20)
        #expect(try server.messages().count == 20)
        #expect(try server.events().filter { $0["event"] as? String == "connect" }.count == 1)
        #expect(try await hub.outbox.counts() == [.sent: 20])
        let first = String(decoding: try server.messages()[0], as: UTF8.self)
        #expect(first.contains("From: \"zonehub\" <zonehub@zones.example.org>\r\n"))
        #expect(first.contains("Auto-Submitted: auto-generated\r\n"))
    }

    @Test func aStopFinishesTheMessageBeingSentAndGivesTheRestOfTheBatchBack() async throws {
        let server = try SMTPServer()
        let hub = try hub(["ZONEHUB_SMTP_URL": server.url, "ZONEHUB_SMTP_CONNECTIONS": "2"])
        try await enqueue(hub, (1...40).map { "r\($0)@example.org" })
        let sent = Mutex(0)
        let summary = try await hub.outboxSender(logger: Logger(label: "test")).drain(
            stopWhen: { sent.withLock { $0 >= 5 } }, onProgress: { progress in sent.withLock { $0 = progress.sent } })
        // Each connection stops after the message it was sending when the stop came: no more than one each.
        #expect((5...6).contains(summary.sent))
        #expect(try server.messages().count == summary.sent)
        #expect(try await hub.outbox.counts() == [.sent: summary.sent, .pending: 40 - summary.sent])
        let rest = try await drain(hub)
        #expect(rest.sent == 40 - summary.sent)
        #expect(try server.messages().count == 40)
    }

    @Test func aServerThatIsDownLosesNothing() async throws {
        // Nothing listens on port 9 here: connections are refused.
        let down = try hub(["ZONEHUB_SMTP_URL": "smtp://127.0.0.1:9", "ZONEHUB_SMTP_CONNECTIONS": "1"])
        try await enqueue(down, (1...5).map { "r\($0)@example.org" })
        let failed = try await drain(down)
        #expect(failed.sent == 0 && failed.deferred == 1)
        #expect(try await down.outbox.counts() == [.pending: 5])

        let server = try SMTPServer()
        let up = try hub(["ZONEHUB_SMTP_URL": server.url])
        clock.advance(by: 61)
        #expect(try await drain(up).sent == 5)
        #expect(try server.messages().count == 5)
    }

    @Test func aTemporaryRefusalIsTriedAgainAfterItsDelay() async throws {
        let server = try SMTPServer(["--temporary", "ana@example.org=1"])
        let hub = try hub(["ZONEHUB_SMTP_URL": server.url])
        try await enqueue(hub, ["ana@example.org"])
        #expect(try await drain(hub).deferred == 1)
        let waiting = try #require(try await hub.outbox.messages(recipient: "ana@example.org").first)
        #expect(waiting.status == .pending && waiting.attempts == 1)
        #expect(waiting.lastError?.hasPrefix("451") == true)
        #expect(try await drain(hub).handled == 0)  // not due yet
        clock.advance(by: 60)
        #expect(try await drain(hub).sent == 1)
        #expect(try server.messages().count == 1)
    }

    @Test func aPermanentRefusalSuppressesTheAddressAndItsOtherMessages() async throws {
        let server = try SMTPServer(["--reject", "gone@example.org"])
        let hub = try hub(["ZONEHUB_SMTP_URL": server.url, "ZONEHUB_SMTP_CONNECTIONS": "1"])
        try await enqueue(hub, ["gone@example.org", "ana@example.org", "gone@example.org"])
        let summary = try await drain(hub)
        #expect(summary.sent == 1 && summary.failed == 1 && summary.cancelled == 1)
        #expect(try await hub.outbox.isSuppressed("gone@example.org"))
        #expect(try server.events().filter { $0["code"] as? Int == 550 }.count == 1)
        // Mail queued later for the suppressed address is never offered to the server again.
        try await enqueue(hub, ["gone@example.org"])
        #expect(try await drain(hub).handled == 0)
        #expect(try server.events().filter { $0["rcpt"] as? String == "gone@example.org" }.count == 1)
        #expect(try await hub.outbox.messages(recipient: "gone@example.org").allSatisfy { $0.status != .pending })
    }

    @Test func encryptionAndLoginAreUsedWhenConfigured() async throws {
        let server = try SMTPServer(["--tls", "--auth", "zonehub:s3cret-mot"])
        let hub = try hub([
            "ZONEHUB_SMTP_URL": "smtp://localhost:\(server.port)", "ZONEHUB_SMTP_STARTTLS": "required",
            "ZONEHUB_SMTP_USER": "zonehub", "ZONEHUB_SMTP_PASSWORD": "s3cret-mot",
            "ZONEHUB_SMTP_CA_FILE": server.directory.appendingPathComponent("cert.pem").path,
        ])
        try await enqueue(hub, ["ana@example.org"])
        #expect(try await drain(hub).sent == 1)
        let events = try server.events().compactMap { $0["event"] as? String }
        #expect(events.contains("starttls") && events.contains("auth"))
    }

    @Test func implicitTLSIsUsedForSMTPSAndTheConfiguredNameIsGivenInEHLO() async throws {
        let server = try SMTPServer(["--implicit-tls", "--auth", "zonehub:s3cret-mot"])
        let hub = try hub([
            "ZONEHUB_SMTP_URL": "smtps://localhost:\(server.port)", "ZONEHUB_SMTP_HELO": "relais.zones.example.org",
            "ZONEHUB_SMTP_USER": "zonehub", "ZONEHUB_SMTP_PASSWORD": "s3cret-mot",
            "ZONEHUB_SMTP_CA_FILE": server.directory.appendingPathComponent("cert.pem").path,
        ])
        try await enqueue(hub, ["ana@example.org"])
        #expect(try await drain(hub).sent == 1)
        let events = try server.events()
        #expect(events.contains { $0["event"] as? String == "auth" && $0["ok"] as? Bool == true })
        #expect(
            events.filter { $0["event"] as? String == "ehlo" }.map { $0["name"] as? String } == [
                "relais.zones.example.org"
            ])
        #expect(try server.messages().count == 1)
    }

    @Test func severalConnectionsShareTheOutboxAndEachMessageGoesOnce() async throws {
        let server = try SMTPServer(["--delay-ms", "5"])
        let hub = try hub(["ZONEHUB_SMTP_URL": server.url, "ZONEHUB_SMTP_CONNECTIONS": "3"])
        // More than three batches (a connection claims 32 at a time), so that every connection gets some.
        let recipients = (1...104).map { "r\($0)@example.org" }
        try await enqueue(hub, recipients)
        #expect(try await drain(hub).sent == 104)
        let events = try server.events()
        #expect(events.filter { $0["event"] as? String == "connect" }.count == 3)
        let delivered = events.filter { $0["event"] as? String == "message" }.flatMap {
            $0["rcpt_tos"] as? [String] ?? []
        }
        #expect(delivered.sorted() == recipients.sorted())
    }

    @Test func aServerWithoutSTARTTLSGetsNothingWhenEncryptionIsRequired() async throws {
        let server = try SMTPServer()
        let hub = try hub(["ZONEHUB_SMTP_URL": server.url, "ZONEHUB_SMTP_STARTTLS": "required"])
        try await enqueue(hub, ["ana@example.org"])
        #expect(try await drain(hub).sent == 0)
        #expect(try server.messages().isEmpty)
        #expect(try await hub.outbox.counts()[.pending] == 1)
    }

    @Test func aPasswordIsNeverConfiguredWithoutEncryption() {
        #expect(throws: CLIError.self) {
            try Settings(environment: ["ZONEHUB_SMTP_URL": "smtp://127.0.0.1:25", "ZONEHUB_SMTP_USER": "u"])
        }
        #expect(throws: CLIError.self) { try Settings(environment: ["ZONEHUB_SMTP_URL": "http://x"]) }
    }
}
