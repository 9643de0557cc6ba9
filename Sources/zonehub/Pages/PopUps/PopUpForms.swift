import Community
import Foundation
import PopUps

/// Reading the organisers' forms into venue details, slot drafts and series rules.
enum PopUpForms {
    static func venue(_ form: FormBody) throws(CommunityError) -> PopUpVenueDetails {
        PopUpVenueDetails(
            name: form["name"] ?? "", address: form["address"] ?? "", commune: form["commune"] ?? "",
            description: form.text("description"), photoURL: form["photoURL"],
            capacity: try number(form["capacity"], .capacity) ?? 0, accessibility: form.text("accessibility"),
            houseRules: form.text("houseRules"), needsApproval: form["needsApproval"] != nil,
            cancellationHours: try number(form["cancellationHours"], .cancellationHours) ?? 48,
            quota: try number(form["quota"], .quota),
            quotaPeriod: try form["quotaPeriod"].map { value throws(CommunityError) in try PopUpQuotaPeriod.parse(value)
            }
                ?? .month)
    }

    static func slot(_ form: FormBody) throws(CommunityError) -> PopUpSlotDraft {
        guard let start = LocalDateTime(form["start"] ?? "") else {
            throw PopUpField.start.invalid("expected a date and time like 2026-03-14T09:00")
        }
        guard let end = LocalDateTime(form["end"] ?? "") else {
            throw PopUpField.end.invalid("expected a date and time like 2026-03-14T18:00")
        }
        return PopUpSlotDraft(
            start: start, end: end, capacity: try number(form["capacity"], .capacity),
            priceCents: try PostForm.cents(form["price"] ?? ""))
    }

    static func series(_ form: FormBody) throws(CommunityError) -> PopUpSeriesRule {
        let weekdays = form.all("weekday").compactMap { Int($0) }
        guard let first = LocalDay(form["firstDay"] ?? "") else {
            throw PopUpField.firstDay.invalid("expected a day like 2026-03-14")
        }
        guard let last = LocalDay(form["lastDay"] ?? "") else {
            throw PopUpField.lastDay.invalid("expected a day like 2026-06-27")
        }
        var blackouts: [LocalDay] = []
        for text in (form["blackouts"] ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }) {
            guard let day = LocalDay(String(text).trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw PopUpField.blackouts.invalid("'\(text.prefix(20))' is not a day like 2026-05-01")
            }
            blackouts.append(day)
        }
        return PopUpSeriesRule(
            weekdays: weekdays, startTime: form["startTime"] ?? "", endTime: form["endTime"] ?? "", firstDay: first,
            lastDay: last, blackouts: blackouts, capacity: try number(form["capacity"], .capacity),
            priceCents: try PostForm.cents(form["price"] ?? ""))
    }

    static func number(_ text: String?, _ field: PopUpField) throws(CommunityError) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Int(text) else { throw field.invalid("must be a whole number") }
        return value
    }
}
