import Community
import Feeds
import Foundation
import Logging
import Notices
import ServiceLifecycle
import Synchronization

/// While the server runs: composes each zone's digests when its send time comes (once per zone, frequency and
/// moment, even with several processes), and delivers the outbox every few seconds.
struct MailScheduler: Service {
    let zones: ZoneService
    let digests: DigestService
    let subscriptionStore: any SubscriptionStore
    let outbox: any OutboxStore
    let sender: OutboxSender
    /// Swept every `noticeInterval`: held posts, reminders, bookings and markets become notices within a minute.
    let notices: NoticeService
    let clock: any HubClock
    let logger: Logger
    var interval: Duration = .seconds(5)
    var noticeInterval: TimeInterval = 20
    /// A hub that was down at send time still sends that day's digest if it is back within this delay.
    static let catchUp: TimeInterval = 6 * 3600

    func run() async throws {
        // Not cancelled on shutdown: the round in progress finishes the messages being sent, then stops.
        let stopping = Mutex(false)
        await withGracefulShutdownHandler {
            await loop(stopping: { stopping.withLock { $0 } })
        } onGracefulShutdown: {
            stopping.withLock { $0 = true }
        }
    }

    private func loop(stopping: @escaping @Sendable () -> Bool) async {
        do {
            let released = try await outbox.releaseClaims(isAlive: SenderIdentity.isAlive)
            if released > 0 {
                logger.notice("taking back messages claimed by a stopped process", metadata: ["count": "\(released)"])
            }
        } catch {
            logger.error("cannot release outbox claims", metadata: ["error": "\(error)"])
        }
        let sender = self.sender
        var lastNoticeSweep = Date.distantPast
        while !stopping() {
            do {
                try await composeDueDigests()
                if clock.now().timeIntervalSince(lastNoticeSweep) >= noticeInterval {
                    lastNoticeSweep = clock.now()
                    let queued = try await notices.sweep()
                    if queued != NoticeSweepSummary() {
                        logger.info(
                            "notices queued", metadata: ["at once": "\(queued.immediate)", "daily": "\(queued.daily)"])
                    }
                }
                if let next = try await outbox.nextAttempt(), next <= clock.now() {
                    let summary = try await sender.drain(stopWhen: stopping)
                    logger.info(
                        "outbox delivered",
                        metadata: [
                            "sent": "\(summary.sent)", "deferred": "\(summary.deferred)", "failed": "\(summary.failed)",
                        ])
                }
            } catch {
                logger.error("mail round failed", metadata: ["error": "\(error)"])
            }
            // Only the wait between rounds is cut short by a shutdown.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
        }
    }

    private func composeDueDigests() async throws {
        let now = clock.now()
        for zone in try await zones.active() {
            for frequency in DigestFrequency.allCases {
                guard
                    let due = DigestSchedule.latestDue(
                        frequency, settings: zone.definition.digest, timeZone: zone.definition.timeZone, now: now),
                    now.timeIntervalSince(due) < Self.catchUp,
                    try await subscriptionStore.claimRun(
                        zone: zone.id, frequency: frequency, scheduledFor: due, at: now)
                else { continue }
                let summary = try await digests.compose(frequency: frequency, homeZone: zone.id)
                logger.info(
                    "digests composed",
                    metadata: [
                        "zone": "\(zone.slug)", "frequency": "\(frequency.rawValue)", "digests": "\(summary.digests)",
                    ])
            }
        }
    }
}
