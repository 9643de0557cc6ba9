import Community
import Foundation

/// schema.org descriptions for search engines, as JSON-LD: `LocalBusiness` for merchants, `Offer` and `Event` for
/// posts.
enum StructuredData {
    static let days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    static func localBusiness(_ merchant: Merchant, base: String) -> [String: Any] {
        let profile = merchant.profile
        var business: [String: Any] = [
            "@context": "https://schema.org", "@type": "LocalBusiness", "name": merchant.name,
            "url": "\(base)/merchants/\(merchant.slug)", "address": address(profile),
        ]
        if !profile.description.isEmpty { business["description"] = profile.description }
        if let phone = profile.phone { business["telephone"] = phone }
        if let email = profile.email { business["email"] = email }
        let sameAs = [profile.website].compactMap { $0 } + profile.links
        if !sameAs.isEmpty { business["sameAs"] = sameAs }
        if let text = profile.openingHours, let hours = try? OpeningHours.parse(text) {
            business["openingHoursSpecification"] = openingHours(hours)
        }
        return business
    }

    static func address(_ profile: MerchantProfile) -> [String: Any] {
        var address: [String: Any] = [
            "@type": "PostalAddress", "postalCode": profile.postcode, "addressLocality": profile.commune,
            "addressCountry": "FR",
        ]
        if !profile.address.isEmpty { address["streetAddress"] = profile.address }
        return address
    }

    /// One specification per weekday interval; hours past midnight close at the next day's time, as schema.org
    /// reads a closing time earlier than the opening one.
    static func openingHours(_ hours: OpeningHours) -> [[String: Any]] {
        (0..<7).flatMap { day in
            hours.intervals(weekday: day, isHoliday: false).map { interval -> [String: Any] in
                [
                    "@type": "OpeningHoursSpecification", "dayOfWeek": "https://schema.org/\(days[day])",
                    "opens": OpeningHours.clock(interval.start),
                    "closes": OpeningHours.clock(interval.end >= 1440 ? interval.end - 1440 : interval.end),
                ]
            }
        }
    }

    /// An `Offer` for offers, an `Event` for events; news has no schema.org type worth giving.
    static func post(_ post: Post, merchant: Merchant, base: String) -> [String: Any]? {
        let url = "\(base)/posts/\(post.id.rawValue)"
        let seller: [String: Any] = [
            "@type": "LocalBusiness", "name": merchant.name, "url": "\(base)/merchants/\(merchant.slug)",
            "address": address(merchant.profile),
        ]
        let content = post.content
        switch content.kind {
        case .offer:
            var offer: [String: Any] = [
                "@context": "https://schema.org", "@type": "Offer", "name": content.title,
                "description": content.body, "url": url, "seller": seller, "priceCurrency": "EUR",
                "availability": "https://schema.org/InStock",
            ]
            if let cents = content.priceCents { offer["price"] = String(format: "%.2f", Double(cents) / 100) }
            if let from = content.validFrom { offer["validFrom"] = machineDate(from) }
            if let until = content.validUntil { offer["validThrough"] = machineDate(until) }
            return offer
        case .event:
            guard let start = content.eventAt else { return nil }
            return [
                "@context": "https://schema.org", "@type": "Event", "name": content.title,
                "description": content.body, "url": url, "startDate": machineDate(start), "organizer": seller,
                "eventStatus": "https://schema.org/EventScheduled",
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                "location": ["@type": "Place", "name": merchant.name, "address": address(merchant.profile)],
            ]
        case .news:
            return nil
        }
    }

    /// The object as a `<script type="application/ld+json">` element; `<` is escaped so no text can end it.
    static func script(_ object: [String: Any]) -> HTML {
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        let json = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "<", with: "\\u003c")
        return HTML(raw: "<script type=\"application/ld+json\">\(json)</script>")
    }

    /// ISO 8601 in UTC, the form schema.org and sitemaps read.
    static func machineDate(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
