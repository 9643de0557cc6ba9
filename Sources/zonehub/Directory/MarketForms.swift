import Community
import Directory
import Foundation
import PopUps

/// Reading the market forms: zone admins give whole days, in the zone's time zone.
enum MarketForms {
    /// The draft a creation form describes. The last day of the market and of the applications is included: the
    /// market ends, and applications close, at the following midnight.
    static func draft(_ form: FormBody, timeZone: TimeZone) throws(CommunityError) -> MarketDraft {
        let opens = try day(form, .applicationsOpenAt)
        let closes = try day(form, .applicationsCloseAt)
        let starts = try day(form, .startsAt)
        let ends = try day(form, .endsAt)
        let midnight = { (day: LocalDay) in LocalDateTime(day: day, hour: 0, minute: 0).date(in: timeZone) }
        return MarketDraft(
            title: form["title"] ?? "", description: form.text("description"), startsAt: midnight(starts),
            endsAt: midnight(ends.next), applicationsOpenAt: midnight(opens), applicationsCloseAt: midnight(closes.next)
        )
    }

    /// The offers a merchant's application form chose.
    static func offers(_ form: FormBody) throws(CommunityError) -> [Post.ID] {
        try form.all("post").map { text throws(CommunityError) in
            guard let raw = Int64(text) else { throw DirectoryField.posts.invalid("choose offers from the list") }
            return Post.ID(raw)
        }
    }

    private static func day(_ form: FormBody, _ field: DirectoryField) throws(CommunityError) -> LocalDay {
        guard let day = LocalDay(form[field.rawValue] ?? "") else {
            throw field.invalid("expected a day like 2026-12-01")
        }
        return day
    }
}
