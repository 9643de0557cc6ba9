import ArgumentParser
import Community
import Feeds
import Foundation
import Logging

/// `zonehub digest send|preview`: compose and deliver digests by hand, or see one before it goes.
struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest", abstract: "Compose and send email digests.",
        subcommands: [Send.self, Preview.self])

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compose the digests due now and deliver the outbox (`serve` does this on the zones' schedule).")

        @Option(help: "daily or weekly (default: both).") var frequency: String?
        @Option(help: "Only subscribers whose home zone is this one.") var zone: String?
        @Flag(help: "Compose and count, but queue and send nothing.") var dryRun = false
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let hub = try await Hub.open(try Settings(database: database))
                let frequencies = try frequency.map { [try DigestFrequency.parse($0)] } ?? DigestFrequency.allCases
                var homeZone: Zone.ID?
                if let zone {
                    homeZone = try await hub.zones.zone(slug: zone).id
                }
                let progress = ProgressLine()
                let started = Date()
                var composed = DigestRunSummary()
                for frequency in frequencies {
                    let run = try await hub.digests.compose(frequency: frequency, homeZone: homeZone, dryRun: dryRun) {
                        progress.show("\(frequency.rawValue): \($0.subscribers) subscribers, \($0.digests) digests")
                    }
                    composed.subscribers += run.subscribers
                    composed.digests += run.digests
                    composed.nothingNew += run.nothingNew
                }
                progress.finish()
                print(
                    "composed: \(composed.digests) digests for \(composed.subscribers) subscribers "
                        + "(\(composed.nothingNew) with nothing new)\(dryRun ? ", dry run: nothing queued" : "")")
                guard !dryRun else { return }
                var logger = Logger(label: "zonehub.mail")
                logger.logLevel = .error
                let released = try await hub.outbox.releaseClaims(isAlive: SenderIdentity.isAlive)
                if released > 0 { print("taking back \(released) messages claimed by a stopped process") }
                let due = try await hub.outbox.counts()[.pending] ?? 0
                let sendingStarted = Date()
                let delivered = try await hub.outboxSender(logger: logger).drain(onProgress: { summary in
                    progress.bar(done: summary.handled, total: due, label: "messages")
                })
                progress.finish()
                let seconds = Date().timeIntervalSince(sendingStarted)
                let rate = seconds > 0 ? Double(delivered.sent) / seconds : 0
                print(
                    "delivered to \(hub.mailTransport.destination): \(delivered.sent) sent, "
                        + "\(delivered.deferred) deferred (retried later), \(delivered.failed) refused, "
                        + "\(delivered.cancelled) cancelled in \(String(format: "%.1f", seconds)) s "
                        + "(\(String(format: "%.0f", rate)) messages/s); total \(String(format: "%.1f", Date().timeIntervalSince(started))) s"
                )
            }
        }
    }

    struct Preview: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the digest a subscriber would receive now (the plain-text part, unless told otherwise).")

        @Option(help: "The subscriber's email address.") var email: String
        @Flag(help: "Print the HTML part.") var html = false
        @Flag(help: "Print the whole message as sent (MIME, quoted-printable).") var raw = false
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let hub = try await Hub.open(try Settings(database: database))
                guard let subscription = try await hub.subscriptionStore.subscription(email: email),
                    subscription.status == .confirmed
                else { throw CLIError("no confirmed subscription for \(email)") }
                guard let recipe = try await hub.digests.preview(subscription) else {
                    print(
                        "nothing new for \(email) since \(subscription.periodStart.map { FeedDates.french($0, withTime: true) } ?? "?"): no digest"
                    )
                    return
                }
                let message = OutboxMessage(
                    id: .init(0), recipient: subscription.email, payload: .digest(recipe), status: .pending,
                    attempts: 0,
                    nextAttemptAt: hub.clock.now(), lastError: nil, createdAt: hub.clock.now(), sentAt: nil)
                guard case .send(let mail) = try await hub.mailRenderer.render(message) else {
                    print("nothing live for \(email): no digest")
                    return
                }
                if raw {
                    FileHandle.standardOutput.write(Data(mail.rendered()))
                } else {
                    print("From: \(mail.from.address)\nTo: \(mail.to)\nSubject: \(mail.subject)\n")
                    print(html ? mail.html ?? "" : mail.text)
                }
            }
        }
    }
}

/// One line of progress on standard error, redrawn in place, only when standard error is a terminal.
final class ProgressLine: @unchecked Sendable {
    private let enabled = isatty(STDERR_FILENO) == 1
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var drawn = false

    func show(_ text: String) {
        draw(text, force: false)
    }

    func bar(done: Int, total: Int, label: String) {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int(fraction * 30)
        draw(
            "[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: 30 - filled))] "
                + "\(Int(fraction * 100))% \(done)/\(total) \(label)", force: done >= total)
    }

    func finish() {
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
            drawn = false
        }
    }

    private func draw(_ text: String, force: Bool) {
        guard enabled else { return }
        lock.withLock {
            guard force || Date().timeIntervalSince(lastDraw) > 0.1 else { return }
            lastDraw = Date()
            drawn = true
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)".utf8))
        }
    }
}
