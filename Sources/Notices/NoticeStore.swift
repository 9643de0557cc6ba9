import Community
import Foundation

/// Preferences, and the read-only view of what waits for someone, that the notice sweep works from.
package protocol NoticeStore: Sendable {
    /// The person's chosen deliveries; kinds not in it have their default.
    func preferences(user: User.ID) async throws -> [NoticeKind: NoticeDelivery]
    /// Every stored choice, by person: one read per sweep.
    func allPreferences() async throws -> [User.ID: [NoticeKind: NoticeDelivery]]
    /// The chosen delivery of `kind` for each of these addresses that has chosen one (addresses lower-cased).
    func preferences(kind: NoticeKind, emails: [String]) async throws -> [String: NoticeDelivery]
    func setPreference(_ delivery: NoticeDelivery, kind: NoticeKind, user: User.ID, at date: Date) async throws
    /// An active account and what it may be told of, or nil.
    func profile(user: User.ID) async throws -> NoticeProfile?
    /// Active zone admins, by zone.
    func zoneAdmins() async throws -> [Zone.ID: [NoticePerson]]
    func operators() async throws -> [NoticePerson]
    /// Active organisers, by zone.
    func organisers() async throws -> [Zone.ID: [NoticePerson]]
    /// The active owners of the zone's merchants.
    func merchantOwners(zone: Zone.ID) async throws -> [NoticePerson]
    func person(_ user: User.ID) async throws -> NoticePerson?
    /// Every held post, oldest first.
    func heldItems() async throws -> [HeldItem]
    /// Confirmed sign-ups no admin has decided yet.
    func waitingSignUps() async throws -> [WaitingSignUp]
    /// Bookings requested, cancelled or lapsed, changed since `since`.
    func bookingEvents(since: Date) async throws -> [BookingEvent]
    func marketDecisions(since: Date) async throws -> [MarketDecisionEvent]
    /// Markets whose applications opened between `since` and `now` and are still open.
    func marketOpenings(since: Date, now: Date) async throws -> [MarketOpeningEvent]
}
