import ArgumentParser
import Community
import Feeds
import Foundation

/// `zonehub demo`: loads sample merchants and posts into the four zones; idempotent, refuses real data.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load sample merchants and posts (only into a hub with no accounts but the demo's).")

    @Option(help: "Directory of zone files (ZONEHUB_ZONES_DIR; default ./zones).") var zones: String?
    @Flag(help: "On a hub with real accounts, skip quietly instead of failing (for start-up scripts).")
    var ifNew = false
    @Option(
        help: "Also add this many sample subscribers (example.org), spread over the zones, to try digests at scale.")
    var subscribers = 0
    @OptionGroup var database: DatabaseOption

    func run() async throws {
        try await run {
            let settings = try Settings(database: database, zones: zones)
            let hub = try await Hub.open(settings)
            if ifNew, try await hub.accounts.hasAccounts(outside: DemoContent.emailDomain) {
                print("demo: skipped, this hub has real accounts")
                return
            }
            guard (0...1_000_000).contains(subscribers) else {
                throw CLIError("--subscribers takes a number from 0 to 1000000")
            }
            let loaded = try await DemoLoader(hub: hub).load(
                zonesDirectory: settings.zonesDirectory, extraSubscribers: subscribers)
            print(loaded)
        }
    }
}

/// Puts `DemoContent` into a hub through the normal services.
struct DemoLoader {
    let hub: Hub

    /// Adds whatever part of the demo is missing; returns a summary line.
    func load(zonesDirectory: String, extraSubscribers: Int = 0) async throws -> String {
        if try await hub.accounts.hasAccounts(outside: DemoContent.emailDomain) {
            throw CLIError("this hub has real accounts: the demo loads only into a new hub")
        }
        _ = try await hub.syncZones(from: zonesDirectory)
        let zones = try await hub.zones.active()
        let slugs = Set(zones.map(\.slug))
        // Demo posts go through submission like any other; this screener holds the ones marked `held`
        // and publishes the rest, whatever the zone's policy, so the queue shows a few items.
        let heldTitles = Set(DemoContent.merchants.flatMap(\.posts).filter(\.held).map(\.title))
        let posts = PostService(
            posts: hub.postStore, merchants: hub.merchantStore, zones: hub.zoneStore,
            screener: DemoScreener(heldTitles: heldTitles),
            clock: hub.clock)
        var added = (accounts: 0, merchants: 0, posts: 0)
        for zone in DemoContent.merchants.map(\.zone).uniqued() where slugs.contains(zone) {
            for (email, role, zoneSlugs) in [
                (DemoContent.ownerEmail(zone: zone), Role.merchant, [String]()),
                (DemoContent.adminEmail(zone: zone), Role.zoneAdmin, [zone]),
            ] where try await !hub.accounts.exists(email: email) {
                _ = try await hub.accounts.add(
                    email: email, displayName: nil, role: role, zoneSlugs: zoneSlugs, password: DemoContent.password,
                    by: nil)
                added.accounts += 1
            }
        }
        // Subscribers first, so that their first digest holds the demo's posts.
        let subscribers = try await addSubscribers(zones: zones, extra: extraSubscribers)
        let now = hub.clock.now()
        for demo in DemoContent.merchants where slugs.contains(demo.zone) {
            let (owner, _) = try await hub.accounts.signIn(
                email: DemoContent.ownerEmail(zone: demo.zone), password: DemoContent.password)
            if try await hub.merchants.owned(by: owner).contains(where: { $0.name == demo.profile.name }) { continue }
            let merchant = try await hub.merchants.create(demo.profile, owner: owner)
            added.merchants += 1
            for item in demo.posts {
                let content = PostContent(
                    kind: item.kind, title: item.title, body: item.body, category: item.category,
                    priceCents: item.priceCents,
                    validUntil: item.validForDays.map { now.addingTimeInterval(Double($0) * 86400) },
                    eventAt: item.eventInDays.map { Self.tenOClock(now.addingTimeInterval(Double($0) * 86400)) })
                let post = try await posts.create(content, merchantSlug: merchant.slug, zoneSlug: demo.zone, by: owner)
                _ = try await posts.submit(post.id, by: owner)
                added.posts += 1
            }
            for product in DemoContent.products[demo.profile.name] ?? [] {
                _ = try await hub.catalogue.add(product, merchantSlug: merchant.slug, by: owner)
            }
        }
        let popUps = try await PopUpDemoLoader(hub: hub, posts: posts).load(zones: zones)
        let orders = try await OrderDemoLoader(hub: hub).load()
        return """
            demo: added \(added.accounts) account(s), \(added.merchants) merchant(s), \(added.posts) post(s), \
            \(subscribers) digest subscriber(s)
            demo: added \(popUps.venues) pop-up venue(s), \(popUps.slots) slot(s), \(popUps.bookings) booking(s)
            demo: added \(orders.windows) collection window(s), \(orders.campaigns) pre-order campaign(s), \
            \(orders.requests) order request(s)
            sign in as \(DemoContent.ownerEmail(zone: "centre-essonne")) with password \(DemoContent.password)
            """
    }

    /// The demo's confirmed subscribers, and `extra` sample ones in batches; returns how many were new.
    private func addSubscribers(zones: [Zone], extra: Int) async throws -> Int {
        let wanted: [(email: String, preferences: SubscriptionPreferences)] =
            zones.flatMap { zone in
                DemoContent.subscribers(zone: zone.slug).map { email, frequency, categories in
                    (
                        email,
                        SubscriptionPreferences(
                            zoneIDs: [zone.id], categories: categories, frequency: frequency)
                    )
                }
            } + (0..<extra).map { DemoContent.sampleSubscriber($0, zones: zones.map(\.id)) }
        var added = 0
        for start in stride(from: 0, to: wanted.count, by: 1_000) {
            added += try await hub.subscriptionStore.addConfirmed(
                Array(wanted[start..<min(start + 1_000, wanted.count)]), source: "demo",
                wording: SubscriptionService.consentWording, at: hub.clock.now())
        }
        return added
    }

    /// 10:00 in Paris on the day of `date`.
    static func tenOClock(_ date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Formats.paris
        return calendar.date(bySettingHour: 10, minute: 0, second: 0, of: date) ?? date
    }
}

/// Publishes demo posts except those the demo wants waiting in the review queue.
struct DemoScreener: PostScreener {
    let heldTitles: Set<String>

    func screen(_ submission: Submission) async throws -> ScreeningDecision {
        heldTitles.contains(submission.content.title) ? .hold(reasons: ["zone_policy_review"]) : .publish
    }
}

extension Sequence where Element: Hashable {
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
