import Community
import Foundation
import Logging

/// What to do with an outbox message when its turn comes.
package enum RenderedOutboxMessage: Sendable {
    case send(MailMessage)
    /// Not to be sent any more (the subscriber left, nothing in the digest is still live), with the reason.
    case cancel(String)
}

/// Turns outbox messages' recipes into the messages to send, at send time.
package protocol OutboxRenderer: Sendable {
    /// Renders a claimed batch, reading what the whole batch needs at once: one result per message, in order. A
    /// message that cannot be rendered gets its error, and the others are still sent.
    func render(_ batch: [OutboxMessage]) async -> [Result<RenderedOutboxMessage, any Error>]
}

extension OutboxRenderer {
    /// Renders one message on its own (previews, tests).
    package func render(_ message: OutboxMessage) async throws -> RenderedOutboxMessage {
        try await render([message])[0].get()
    }
}

/// What a delivery run did.
package struct DeliverySummary: Equatable, Sendable {
    package var sent = 0
    /// Temporary failures, to be tried again later.
    package var deferred = 0
    package var failed = 0
    package var cancelled = 0

    package init() {}

    package var handled: Int { sent + deferred + failed + cancelled }
}

/// Sends the outbox's due messages over a few parallel connections, each carrying many messages. Every outcome is
/// written back before the next message, so a crash resends at most the message each connection had in flight.
package struct OutboxSender: Sendable {
    let outbox: any OutboxStore
    let renderer: any OutboxRenderer
    let transport: any MailTransport
    let envelopeSender: String
    /// Gives each message its own envelope sender (VERP) when set; else every message goes with `envelopeSender`.
    let returnPath: ReturnPath?
    /// Who claims messages, so that claims of a sender that died can be released ("host:pid").
    let senderID: String
    let connections: Int
    /// How many messages a connection claims and renders at once.
    let batchSize: Int
    let clock: any HubClock
    let logger: Logger

    package init(
        outbox: any OutboxStore, renderer: any OutboxRenderer, transport: any MailTransport, envelopeSender: String,
        senderID: String, connections: Int = 4, batchSize: Int = 32, clock: any HubClock, logger: Logger,
        returnPath: ReturnPath? = nil
    ) {
        self.returnPath = returnPath
        self.outbox = outbox
        self.renderer = renderer
        self.transport = transport
        self.envelopeSender = envelopeSender
        self.senderID = senderID
        self.connections = max(1, connections)
        self.batchSize = max(1, batchSize)
        self.clock = clock
        self.logger = logger
    }

    /// Sends every message due now and returns when none is left, when the server cannot be reached, or, once
    /// `stopWhen` says so, as soon as each connection has finished the message it is sending (the rest of its
    /// batch goes back to the outbox): a shutdown neither cuts a send short nor leaves a message claimed.
    package func drain(
        stopWhen: @escaping @Sendable () -> Bool = { false },
        onProgress: @escaping @Sendable (DeliverySummary) -> Void = { _ in }
    ) async throws -> DeliverySummary {
        let tally = Tally()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<connections {
                group.addTask { try await work(tally: tally, stopWhen: stopWhen, onProgress: onProgress) }
            }
            try await group.waitForAll()
        }
        return await tally.summary
    }

    private func work(
        tally: Tally, stopWhen: @Sendable () -> Bool, onProgress: @escaping @Sendable (DeliverySummary) -> Void
    ) async throws {
        let line = Line(transport.connect())
        while !stopWhen() {
            let batch = try await outbox.claim(limit: batchSize, sender: senderID, now: clock.now())
            if batch.isEmpty { return }
            let rendered = await renderer.render(batch)
            var refused: Set<String> = []
            for (index, (message, rendering)) in zip(batch, rendered).enumerated() {
                // The server refused this address for good earlier in the batch: it is suppressed now.
                if refused.contains(message.recipient.lowercased()) {
                    try await outbox.cancel(message.id, reason: "address suppressed", at: clock.now())
                    onProgress(await tally.add(nil))
                    continue
                }
                let outcome = try await deliver(message, rendering, on: line)
                if case .permanentFailure = outcome { refused.insert(message.recipient.lowercased()) }
                onProgress(await tally.add(outcome))
                if case .unreachable(let reason) = outcome {
                    // The server is down: give back what this connection claimed and stop; the run ends soon.
                    logger.warning("mail server unreachable", metadata: ["reason": "\(reason)"])
                    try await outbox.release(batch[(index + 1)...].map(\.id))
                    return
                }
                if stopWhen() {
                    try await outbox.release(batch[(index + 1)...].map(\.id))
                    return
                }
            }
        }
    }

    private func deliver(
        _ message: OutboxMessage, _ rendering: Result<RenderedOutboxMessage, any Error>, on line: Line
    ) async throws -> DeliveryOutcome? {
        let rendered: RenderedOutboxMessage
        do {
            rendered = try rendering.get()
        } catch {
            logger.error("cannot render an outbox message", metadata: ["id": "\(message.id)", "error": "\(error)"])
            try await outbox.markFailedTemporarily(
                message.id, error: "rendering: \(error)",
                retryAt: RetryPolicy.retryAt(afterAttempts: message.attempts + 1, now: clock.now()), at: clock.now())
            return .temporaryFailure("\(error)")
        }
        guard case .send(let mail) = rendered else {
            if case .cancel(let reason) = rendered {
                try await outbox.cancel(message.id, reason: reason, at: clock.now())
            }
            return nil
        }
        let from = returnPath?.envelopeSender(for: message.id) ?? envelopeSender
        let outcome = await line.send(mail.rendered(), from: from, to: message.recipient)
        let now = clock.now()
        switch outcome {
        case .sent:
            try await outbox.markSent(message.id, at: now)
        case .temporaryFailure(let reason), .unreachable(let reason):
            let retryAt = RetryPolicy.retryAt(afterAttempts: message.attempts + 1, now: now)
            try await outbox.markFailedTemporarily(message.id, error: reason, retryAt: retryAt, at: now)
            logger.warning(
                "mail deferred",
                metadata: [
                    "id": "\(message.id)", "reason": "\(reason)", "retry": "\(retryAt.map { "\($0)" } ?? "never")",
                ])
        case .permanentFailure(let reason):
            try await outbox.markRefused(message.id, error: reason, at: now)
            logger.notice("mail refused; address suppressed", metadata: ["id": "\(message.id)", "reason": "\(reason)"])
        }
        return outcome
    }
}

/// One connection and the thread it blocks: libcurl's calls never run on Swift's cooperative threads.
private final class Line: @unchecked Sendable {
    private let connection: any MailConnection
    private let queue = DispatchQueue(label: "zonehub.mail.line")

    init(_ connection: any MailConnection) { self.connection = connection }

    func send(_ message: [UInt8], from sender: String, to recipient: String) async -> DeliveryOutcome {
        await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: self.connection.send(message, from: sender, to: recipient)) }
        }
    }
}

private actor Tally {
    var summary = DeliverySummary()

    func add(_ outcome: DeliveryOutcome?) -> DeliverySummary {
        switch outcome {
        case .sent: summary.sent += 1
        case .temporaryFailure, .unreachable: summary.deferred += 1
        case .permanentFailure: summary.failed += 1
        case nil: summary.cancelled += 1
        }
        return summary
    }
}
