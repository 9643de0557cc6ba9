import Community
import Feeds
import Foundation

/// What one sweep queued.
package struct NoticeSweepSummary: Equatable, Sendable {
    package var immediate = 0
    package var daily = 0

    package init(immediate: Int = 0, daily: Int = 0) {
        self.immediate = immediate
        self.daily = daily
    }
}

/// One thing one person may be told of: mailed alone when they want it at once, listed in their daily summary else.
struct NoticeCandidate: Sendable {
    let recipient: NoticePerson
    let kind: NoticeKind
    /// The outbox's dedupe key: at most one mail per item, level and person, across sweeps, restarts and processes.
    let key: String
    let subject: String
    let text: String
    /// Its line in a daily summary.
    let line: String
    let at: Date
    /// Recent enough to be mailed at once (see `NoticeService.freshness`).
    let fresh: Bool
}

extension NoticeService {
    /// Queues every notice due at `now` (the clock's time by default): one run of the scheduler or of
    /// `zonehub notices send`. Idempotent: a second run, here or in another process, queues nothing new.
    @discardableResult
    package func sweep(now: Date? = nil) async throws -> NoticeSweepSummary {
        let now = now ?? clock.now()
        let candidates = try await self.candidates(now: now)
        let preferences = try await store.allPreferences()
        var summary = NoticeSweepSummary()
        var daily: [User.ID: (NoticePerson, [NoticeCandidate])] = [:]
        let immediate = candidates.filter { candidate in
            switch Self.effective(candidate.kind, preferences[candidate.recipient.id] ?? [:]) {
            case .immediate: return candidate.fresh
            case .daily:
                daily[candidate.recipient.id, default: (candidate.recipient, [])].1.append(candidate)
                return false
            case .off: return false
            }
        }
        let queued = try await outbox.queuedKeys(immediate.map(\.key))
        for candidate in immediate where !queued.contains(candidate.key) {
            let text = "Bonjour,\n\n\(candidate.text)" + footer(candidate.recipient)
            if try await outbox.enqueue(
                recipient: candidate.recipient.email, payload: .notice(subject: candidate.subject, text: text),
                dedupeKey: candidate.key, at: now) != nil
            {
                summary.immediate += 1
            }
        }
        guard let day = Self.dailyDay(now) else { return summary }
        for (person, items) in daily.values.sorted(by: { $0.0.id < $1.0.id }) {
            let key = "daily:user-\(person.id.rawValue):\(day)"
            guard try await outbox.queuedKeys([key]).isEmpty else { continue }
            let (subject, text) = Self.dailyText(items.sorted { $0.at < $1.at }, now: now)
            if try await outbox.enqueue(
                recipient: person.email, payload: .notice(subject: subject, text: text + footer(person)),
                dedupeKey: key, at: now) != nil
            {
                summary.daily += 1
            }
        }
        return summary
    }

    /// The Paris day (`2026-03-14`) whose summary is due at `now`, or nil outside the morning window.
    static func dailyDay(_ now: Date) -> String? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = paris
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        guard let year = parts.year, let month = parts.month, let day = parts.day,
            let due = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: dailyHour)),
            now >= due, now.timeIntervalSince(due) < dailyCatchUp
        else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    private func footer(_ person: NoticePerson) -> String {
        "\n-- \nRecevoir ces avis tout de suite, une fois par jour, ou jamais (change your notices) :\n"
            + preferencesLink(for: person.id) + "\n"
    }

    /// Every candidate notice at `now`, from what waits in the hub.
    func candidates(now: Date) async throws -> [NoticeCandidate] {
        let since = now.addingTimeInterval(-Self.freshness)
        var zonesByID: [Zone.ID: Zone] = [:]
        for zone in try await zones.zones(includeRetired: false) { zonesByID[zone.id] = zone }
        let admins = try await store.zoneAdmins()
        let operators = try await store.operators()
        let organisers = try await store.organisers()
        var result: [NoticeCandidate] = []
        for item in try await store.heldItems() {
            guard let zone = zonesByID[item.zone] else { continue }
            result += queueCandidates(item, zone: zone, admins: admins[zone.id] ?? [], operators: operators, now: now)
        }
        for signUp in try await store.waitingSignUps() {
            guard let zone = zonesByID[signUp.zone] else { continue }
            let (subject, text, line) = NoticeTexts.signUp(signUp, zone: zone, baseURL: baseURL)
            for admin in admins[zone.id] ?? [] {
                result.append(
                    NoticeCandidate(
                        recipient: admin, kind: .signUpWaiting,
                        key: "notice:\(NoticeKind.signUpWaiting.rawValue):signup-\(signUp.user.rawValue):"
                            + "user-\(admin.id.rawValue)",
                        // Mailed at once by joining itself (through `wantingAtOnce`); here only for summaries.
                        subject: subject, text: text, line: line, at: signUp.verifiedAt, fresh: false))
            }
        }
        for event in try await store.bookingEvents(since: since) {
            guard let zone = zonesByID[event.zone],
                let (kind, subject, text, line) = NoticeTexts.booking(event, baseURL: baseURL)
            else { continue }
            for organiser in organisers[zone.id] ?? [] where organiser.id != event.changedBy {
                result.append(
                    NoticeCandidate(
                        recipient: organiser, kind: kind,
                        key: "notice:\(kind.rawValue):booking-\(event.booking)@\(event.sequence):"
                            + "user-\(organiser.id.rawValue)",
                        subject: subject, text: text, line: line, at: event.updatedAt, fresh: event.updatedAt >= since))
            }
        }
        result += try await marketCandidates(since: since, now: now, zones: zonesByID)
        return result
    }
}
