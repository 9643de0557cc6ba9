import Foundation

/// What counts as reach: which requests are people's (not crawlers'), and which day a moment belongs to.
enum ReachRules {
    /// Fragments of user agents that are crawlers, link previewers, monitors or scripts, compared in lower case.
    /// Feed readers are not in the list: a feed fetch by a reader is the reach of a feed.
    static let robotMarkers = [
        "bot", "crawl", "spider", "slurp", "baiduspider", "yandex", "bingpreview", "facebookexternalhit",
        "whatsapp", "telegram", "discord", "skype", "embedly", "quora link preview", "pinterest", "vkshare",
        "w3c_validator", "lighthouse", "pagespeed", "headlesschrome", "phantomjs", "python-requests",
        "python-urllib", "curl/", "wget/", "go-http-client", "java/", "okhttp", "libwww-perl", "httpclient",
        "axios/", "node-fetch", "uptime", "pingdom", "statuscake", "monitor", "scrapy", "archive.org_bot",
        "ia_archiver", "semrush", "ahrefs", "mj12", "dotbot", "petalbot", "bytespider", "gptbot", "ccbot",
        "claudebot", "perplexity", "applebot", "duckduckbot", "googleother", "preview",
    ]

    /// Whether a request with this `User-Agent` header counts: a missing or blank one never does, nor a robot's.
    /// It runs on every counted request, so it works on bytes (ASCII lower-casing), not on `String`s.
    static func counts(userAgent: String?) -> Bool {
        guard let userAgent else { return false }
        var bytes = Array(userAgent.utf8.prefix(1024))
        guard bytes.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        for index in bytes.indices where (0x41...0x5A).contains(bytes[index]) { bytes[index] += 0x20 }
        return !markerBytes.contains { contains(bytes, $0) }
    }

    /// Whether `text` holds `marker` somewhere.
    static func contains(_ text: [UInt8], _ marker: [UInt8]) -> Bool {
        guard let first = marker.first, marker.count <= text.count else { return false }
        var start = 0
        while start <= text.count - marker.count {
            if text[start] == first {
                var matched = 1
                while matched < marker.count && text[start + matched] == marker[matched] { matched += 1 }
                if matched == marker.count { return true }
            }
            start += 1
        }
        return false
    }

    private static let markerBytes = robotMarkers.map { Array($0.utf8) }

    /// The time zone reach days are counted in: the hub serves France.
    static let timeZone = TimeZone(identifier: "Europe/Paris")!

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }()

    /// The day (`YYYY-MM-DD`, Europe/Paris) of `date`, with the moments it starts and the next one starts.
    static func day(of date: Date) -> ReachDay {
        let start = calendar.startOfDay(for: date)
        let next = calendar.date(byAdding: .day, value: 1, to: start) ?? start.addingTimeInterval(86_400)
        let parts = calendar.dateComponents([.year, .month, .day], from: start)
        let text = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return ReachDay(text: text, start: start, end: next)
    }

    /// The `count` days ending with `date`'s day, oldest first.
    static func days(endingAt date: Date, count: Int) -> [String] {
        let last = day(of: date).start
        return (0..<count).reversed().compactMap { back in
            calendar.date(byAdding: .day, value: -back, to: last).map { day(of: $0).text }
        }
    }

    /// The month (`YYYY-MM`, Europe/Paris) of `date`.
    static func month(of date: Date) -> String { String(day(of: date).text.prefix(7)) }

    /// The month before `month` (`YYYY-MM`); nil when `month` is not one.
    static func month(before month: String) -> String? {
        guard let (year, number) = parse(month: month) else { return nil }
        return number == 1 ? String(format: "%04d-12", year - 1) : String(format: "%04d-%02d", year, number - 1)
    }

    /// The first and last day (`YYYY-MM-DD`) of `month` (`YYYY-MM`); nil when it is not a month.
    static func days(ofMonth month: String) -> (first: String, last: String)? {
        guard let (year, number) = parse(month: month),
            let first = calendar.date(from: DateComponents(year: year, month: number, day: 1, hour: 12)),
            let range = calendar.range(of: .day, in: .month, for: first)
        else { return nil }
        return (
            String(format: "%04d-%02d-01", year, number), String(format: "%04d-%02d-%02d", year, number, range.count)
        )
    }

    /// The moment reports for `month` become due: the first of the next month, 06:00 in Paris, once every process
    /// has flushed the month's last counts.
    static func reportsDue(month: String) -> Date? {
        guard let (year, number) = parse(month: month) else { return nil }
        let next = number == 12 ? (year + 1, 1) : (year, number + 1)
        return calendar.date(from: DateComponents(year: next.0, month: next.1, day: 1, hour: 6))
    }

    /// `YYYY-MM` as its year and month number, for years 2000-9999.
    static func parse(month: String) -> (Int, Int)? {
        let parts = month.split(separator: "-", omittingEmptySubsequences: false)
        guard month.count == 7, parts.count == 2, parts[0].count == 4, parts[1].count == 2,
            let year = Int(parts[0]), let number = Int(parts[1]), (2000...9999).contains(year),
            (1...12).contains(number)
        else { return nil }
        return (year, number)
    }
}

/// One day of reach: its text (`YYYY-MM-DD`) and the moments it starts and ends, in Europe/Paris.
struct ReachDay: Equatable, Sendable {
    let text: String
    let start: Date
    let end: Date

    func contains(_ date: Date) -> Bool { date >= start && date < end }
}
