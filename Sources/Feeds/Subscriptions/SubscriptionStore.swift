import Community
import Foundation

/// What a subscription request led to; the answer to the person is the same in every case, so that subscribing
/// never reveals whether an address is known.
package enum SubscriptionRequestOutcome: Equatable, Sendable {
    /// A confirmation mail was queued.
    case confirmationQueued(Subscription)
    /// The address was already confirmed: a mail with its management link was queued instead.
    case reminderQueued(Subscription)
    /// A mail went to this address too recently, or the address is suppressed: nothing was queued.
    case nothingQueued(Subscription?)
}

/// Storage of subscriptions, their proof of consent, and the digests composed for them.
package protocol SubscriptionStore: Sendable {
    /// Records a request (new or repeated) and, unless a mail went to the address within `quietPeriod` or the
    /// address is suppressed, queues the confirmation (or, for a confirmed address, a reminder), all in one step.
    func request(
        email: String, preferences: SubscriptionPreferences, consent: ConsentRecord, quietPeriod: TimeInterval,
        at date: Date
    ) async throws -> SubscriptionRequestOutcome
    /// Confirms a pending subscription; a confirmed one is returned unchanged.
    func confirm(_ id: Subscription.ID, consent: ConsentRecord, at date: Date) async throws -> Subscription
    func update(
        _ id: Subscription.ID, preferences: SubscriptionPreferences, consent: ConsentRecord, at date: Date
    ) async throws -> Subscription
    /// Ends a subscription and cancels its unsent digests; repeating it changes nothing.
    func unsubscribe(_ id: Subscription.ID, consent: ConsentRecord, at date: Date) async throws -> Subscription
    func subscription(id: Subscription.ID) async throws -> Subscription?
    func subscription(email: String) async throws -> Subscription?
    /// The subscription attached to an account, or made with its address.
    func subscription(user: User.ID, email: String) async throws -> Subscription?
    /// The subscriptions with these ids that exist, in no particular order (one read for a batch of mail).
    func subscriptions(ids: [Subscription.ID]) async throws -> [Subscription]
    /// A confirmed subscriber's consent history, oldest first.
    func consent(_ id: Subscription.ID) async throws -> [(action: String, wording: String, source: String, at: Date)]

    /// Confirmed, unsuppressed subscribers with `frequency` (whose home zone is `homeZone`, if given), by id, after
    /// `after`: the digest run pages through them.
    func dueSubscribers(
        frequency: DigestFrequency, homeZone: Zone.ID?, after: Subscription.ID?, limit: Int
    ) async throws -> [Subscription]
    /// Records a page of composed digests in one transaction: queues each digest (at most once per subscriber and
    /// period) and moves every listed subscriber's period start to `periodEnd`, digest or not.
    func recordDigests(
        _ digests: [DigestRecipe], covering subscribers: [Subscription.ID], periodEnd: Date, at date: Date
    ) async throws -> Int
    /// Claims a scheduled run (zone, frequency, moment); false when it was already claimed, so it runs once.
    func claimRun(zone: Zone.ID, frequency: DigestFrequency, scheduledFor: Date, at date: Date) async throws -> Bool
    func count(status: SubscriptionStatus?) async throws -> Int
    /// Adds confirmed subscriptions for sample addresses in one transaction, skipping known addresses (the demo
    /// content and the digest benchmark); the consent records say where they came from.
    func addConfirmed(
        _ subscribers: [(email: String, preferences: SubscriptionPreferences)], source: String, wording: String,
        at date: Date
    ) async throws -> Int
}
