import Community
import Foundation
import HubTestSupport
import Testing

@testable import zonehub

/// The counting rules: whose requests count, and which day (Paris) a moment falls on.
@Suite struct ReachRulesTests {
    static let firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"

    @Test func peoplesBrowsersAndFeedReadersCountButRobotsAndBlankAgentsDoNot() {
        for agent in [
            Self.firefox,
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Version/18.1 Mobile Safari",
            "NetNewsWire (RSS Reader; https://netnewswire.com/)", "Thunderbird/128.5",
        ] {
            #expect(ReachRules.counts(userAgent: agent), "\(agent)")
        }
        for agent in [
            nil, "", "   ", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (compatible; bingbot/2.0)", "facebookexternalhit/1.1", "curl/8.5.0", "Wget/1.21",
            "python-requests/2.32", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0",
            "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2)", "UptimeRobot/2.0",
        ] {
            #expect(!ReachRules.counts(userAgent: agent), "\(agent ?? "nil")")
        }
    }

    @Test func daysAreParisDaysInWinterAndSummer() throws {
        // 23:30 UTC is already the next day in Paris: 00:30 in winter (UTC+1), 01:30 in summer (UTC+2).
        let winter = try #require(ISO8601DateFormatter().date(from: "2026-12-06T23:30:00Z"))
        #expect(ReachRules.day(of: winter).text == "2026-12-07")
        #expect(ReachRules.day(of: winter.addingTimeInterval(-3600)).text == "2026-12-06")
        let summer = try #require(ISO8601DateFormatter().date(from: "2026-07-14T22:30:00Z"))
        #expect(ReachRules.day(of: summer).text == "2026-07-15")
        let day = ReachRules.day(of: winter)
        #expect(day.end.timeIntervalSince(day.start) == 86_400 && day.contains(winter))
        // The day clocks go forward has 23 hours.
        let spring = ReachRules.day(of: try #require(ISO8601DateFormatter().date(from: "2026-03-29T12:00:00Z")))
        #expect(spring.end.timeIntervalSince(spring.start) == 23 * 3600)
    }

    @Test func thirtyDaysEndWithTodayOldestFirst() throws {
        let now = try #require(ISO8601DateFormatter().date(from: "2026-03-02T10:00:00Z"))
        let days = ReachRules.days(endingAt: now, count: 30)
        #expect(days.count == 30 && days.last == "2026-03-02" && days.first == "2026-02-01")
    }

    @Test func monthsTheirDaysAndWhenTheirReportsAreDue() throws {
        #expect(ReachRules.month(before: "2026-01") == "2025-12")
        #expect(ReachRules.month(before: "2026-11") == "2026-10")
        #expect(ReachRules.days(ofMonth: "2028-02")! == ("2028-02-01", "2028-02-29"))
        #expect(ReachRules.days(ofMonth: "2026-11")! == ("2026-11-01", "2026-11-30"))
        for wrong in ["2026-13", "2026-1", "26-11", "2026/11", "novembre", "", "2026-11-01", "1999-12"] {
            #expect(ReachRules.days(ofMonth: wrong) == nil, "\(wrong)")
        }
        // 06:00 in Paris on 1 December is 05:00 UTC.
        #expect(ReachRules.reportsDue(month: "2026-11") == ISO8601DateFormatter().date(from: "2026-12-01T05:00:00Z"))
        #expect(ReachReports.days(from: "2026-11-01", through: "2026-11-30").count == 30)
    }
}

/// The in-memory counter each process keeps between flushes.
@Suite struct ReachCounterTests {
    @Test func countsPerDayLeavesRobotsOutAndGivesBackWhatCouldNotBeStored() throws {
        let clock = FixedClock(try #require(ISO8601DateFormatter().date(from: "2026-12-06T22:00:00Z")))
        let counter = ReachCounter(clock: clock)
        let post = Post.ID(7)
        let shop = Merchant.ID(3)
        counter.viewed(post: post, userAgent: ReachRulesTests.firefox)
        counter.viewed(post: post, userAgent: "Googlebot/2.1")
        counter.viewed(post: post, userAgent: nil)
        counter.fetched(posts: [post, Post.ID(8)], userAgent: "NetNewsWire")
        counter.clicked(listing: shop, userAgent: ReachRulesTests.firefox)
        clock.advance(by: 3600)  // 00:00 in Paris: the next day
        counter.viewed(post: post, userAgent: ReachRulesTests.firefox)
        counter.viewed(listing: shop, userAgent: ReachRulesTests.firefox)
        let tally = counter.take()
        #expect(tally.posts[.init(id: post, day: "2026-12-06")] == .init(views: 1, feedFetches: 1, digests: 0))
        #expect(tally.posts[.init(id: Post.ID(8), day: "2026-12-06")] == .init(views: 0, feedFetches: 1, digests: 0))
        #expect(tally.posts[.init(id: post, day: "2026-12-07")] == .init(views: 1, feedFetches: 0, digests: 0))
        #expect(tally.listings[.init(id: shop, day: "2026-12-06")] == .init(views: 0, clicks: 1))
        #expect(tally.listings[.init(id: shop, day: "2026-12-07")] == .init(views: 1, clicks: 0))
        #expect(counter.take().isEmpty)
        counter.viewed(post: post, userAgent: ReachRulesTests.firefox)
        counter.restore(tally)
        #expect(counter.take().posts[.init(id: post, day: "2026-12-07")]?.views == 2)
    }
}
