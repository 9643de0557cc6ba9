import Community
import Feeds
import Foundation

/// Notices for people who act: their preferences, and the sweep that turns what waits for them into mail.
package struct NoticeService: Sendable {
    let store: any NoticeStore
    let zones: any ZoneStore
    let outbox: any OutboxStore
    let links: NoticeLinks
    /// The hub's public address, for the links in each notice.
    let baseURL: String
    let clock: any HubClock

    /// An event older than this when first seen is left to the daily summary and the pages: a hub turning notices on
    /// (or a person turning them back on) does not mail its whole history.
    static let freshness: TimeInterval = 24 * 3600
    /// Daily summaries go out from 8:00, Paris time (the hub serves French zones), or later the same morning if the
    /// hub was down then.
    static let dailyHour = 8
    static let dailyCatchUp: TimeInterval = 6 * 3600
    static let paris = TimeZone(identifier: "Europe/Paris") ?? .gmt

    package init(
        store: any NoticeStore, zones: any ZoneStore, outbox: any OutboxStore, links: NoticeLinks, baseURL: String,
        clock: any HubClock
    ) {
        self.store = store
        self.zones = zones
        self.outbox = outbox
        self.links = links
        self.baseURL = baseURL
        self.clock = clock
    }

    /// A person's preference page: who they are, and each kind they may receive with its delivery.
    package struct Preferences: Equatable, Sendable {
        package let profile: NoticeProfile
        package let deliveries: [(kind: NoticeKind, delivery: NoticeDelivery)]

        package static func == (a: Preferences, b: Preferences) -> Bool {
            a.profile == b.profile && a.deliveries.map(\.kind) == b.deliveries.map(\.kind)
                && a.deliveries.map(\.delivery) == b.deliveries.map(\.delivery)
        }
    }

    /// The preferences a signed link opens; a bad link is `invalid_notice_link`.
    package func preferences(token: String) async throws -> Preferences {
        try await preferences(user: try links.verify(token))
    }

    /// The preferences of a signed-in person.
    package func preferences(user: User.ID) async throws -> Preferences {
        guard let profile = try await store.profile(user: user) else {
            throw NoticesProblem.invalidNoticeLink.error("this preferences link is not valid")
        }
        let chosen = try await store.preferences(user: user)
        return Preferences(
            profile: profile,
            deliveries: profile.kinds.map { ($0, Self.effective($0, chosen)) })
    }

    /// Changes one kind's delivery through a signed link; input is checked before anything is written.
    @discardableResult
    package func set(kind: String, delivery: String, token: String) async throws -> Preferences {
        try await set(kind: kind, delivery: delivery, user: try links.verify(token))
    }

    /// Changes one kind's delivery for `user` (a signed-in person, or the one a link names).
    @discardableResult
    package func set(kind: String, delivery: String, user: User.ID) async throws -> Preferences {
        let current = try await preferences(user: user)
        guard let kind = NoticeKind(rawValue: kind), kind.isChangeable,
            current.deliveries.contains(where: { $0.kind == kind })
        else { throw NoticesField.kind.invalid("unknown or fixed notice kind") }
        guard let delivery = NoticeDelivery(rawValue: delivery) else {
            throw NoticesField.delivery.invalid("expected immediate, daily or off")
        }
        try await store.setPreference(delivery, kind: kind, user: user, at: clock.now())
        return try await preferences(user: user)
    }

    /// Those of `emails` who want `kind` at once: for notices another feature mails at once itself (a sign-up
    /// waiting), so that they too follow each person's preference.
    package func wantingAtOnce(_ kind: NoticeKind, among emails: [String]) async throws -> [String] {
        let chosen = try await store.preferences(kind: kind, emails: emails)
        return emails.filter { (chosen[$0.lowercased()] ?? kind.defaultDelivery) == .immediate }
    }

    /// The signed link to `user`'s preference page, as put in every notice.
    package func preferencesLink(for user: User.ID) -> String {
        "\(baseURL)/notices/preferences?token=\(links.token(for: user))"
    }

    static func effective(_ kind: NoticeKind, _ chosen: [NoticeKind: NoticeDelivery]) -> NoticeDelivery {
        kind.isChangeable ? chosen[kind] ?? kind.defaultDelivery : .immediate
    }
}
