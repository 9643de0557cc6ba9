import Community
import Feeds
import Foundation

extension NoticeService {
    /// A held post's notices: the post itself to the zone's admins, then a reminder past the zone's warning limit
    /// and an escalation to the hub's operators past its escalation limit, each once per item and level.
    func queueCandidates(
        _ item: HeldItem, zone: Zone, admins: [NoticePerson], operators: [NoticePerson], now: Date
    ) -> [NoticeCandidate] {
        // The item is the post as it entered the queue: held again after an edit, it is a new item.
        let itemKey = "post-\(item.post.rawValue)@\(Int64(item.heldSince.timeIntervalSince1970))"
        let waitingHours = Int(now.timeIntervalSince(item.heldSince) / 3600)
        let limits = zone.definition.moderation
        let queue = "\(baseURL)/zones/\(zone.slug)/moderation"
        var result: [NoticeCandidate] = []
        let kind: NoticeKind = item.byReports ? .hiddenByReports : .heldPost
        let (subject, text, line) = NoticeTexts.held(item, zone: zone, waitingHours: waitingHours, queue: queue)
        for admin in admins {
            result.append(
                NoticeCandidate(
                    recipient: admin, kind: kind, key: "notice:\(kind.rawValue):\(itemKey):user-\(admin.id.rawValue)",
                    subject: subject, text: text, line: line, at: item.heldSince,
                    fresh: item.heldSince >= now.addingTimeInterval(-Self.freshness)))
        }
        if now.timeIntervalSince(item.heldSince) > Double(limits.queueWarnHours) * 3600 {
            let (subject, text) = NoticeTexts.reminder(
                item, zone: zone, waitingHours: waitingHours, limit: limits.queueWarnHours, queue: queue)
            for admin in admins {
                result.append(
                    NoticeCandidate(
                        recipient: admin, kind: .reminder, key: "reminder:\(itemKey):warn:user-\(admin.id.rawValue)",
                        subject: subject, text: text, line: line, at: item.heldSince, fresh: true))
            }
        }
        if now.timeIntervalSince(item.heldSince) > Double(limits.queueEscalateHours) * 3600 {
            let (subject, text) = NoticeTexts.escalation(
                item, zone: zone, waitingHours: waitingHours, limit: limits.queueEscalateHours, queue: queue,
                admins: admins.count)
            for person in operators {
                result.append(
                    NoticeCandidate(
                        recipient: person, kind: .escalation,
                        key: "reminder:\(itemKey):escalate:user-\(person.id.rawValue)", subject: subject, text: text,
                        line: line, at: item.heldSince, fresh: true))
            }
        }
        return result
    }

    /// Decisions to market applicants, and openings to the zone's merchants.
    func marketCandidates(since: Date, now: Date, zones: [Zone.ID: Zone]) async throws -> [NoticeCandidate] {
        var result: [NoticeCandidate] = []
        for decision in try await store.marketDecisions(since: since) {
            guard let owner = try await store.person(decision.owner) else { continue }
            let (subject, text, line) = NoticeTexts.marketDecision(decision, baseURL: baseURL)
            result.append(
                NoticeCandidate(
                    recipient: owner, kind: .marketDecision,
                    key: "notice:\(NoticeKind.marketDecision.rawValue):application-\(decision.application):"
                        + "\(decision.approved ? "approved" : "rejected"):user-\(owner.id.rawValue)",
                    subject: subject, text: text, line: line, at: decision.decidedAt, fresh: true))
        }
        for opening in try await store.marketOpenings(since: since, now: now) {
            guard let zone = zones[opening.zone] else { continue }
            let (subject, text, line) = NoticeTexts.marketOpening(opening, zone: zone, baseURL: baseURL)
            for owner in try await store.merchantOwners(zone: zone.id) {
                result.append(
                    NoticeCandidate(
                        recipient: owner, kind: .marketOpening,
                        key: "notice:\(NoticeKind.marketOpening.rawValue):market-\(opening.market):"
                            + "user-\(owner.id.rawValue)",
                        subject: subject, text: text, line: line, at: opening.opensAt, fresh: true))
            }
        }
        return result
    }
}
