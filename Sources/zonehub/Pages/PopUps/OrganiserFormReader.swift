import Community
import Foundation
import PopUps

/// Reads an organiser's form, collecting every field that cannot be read instead of stopping at the first.
struct OrganiserFormReader {
    let form: FormBody
    private(set) var errors = FormErrors()

    init(_ form: FormBody) { self.form = form }

    mutating func add(_ error: CommunityError) { errors.add(error) }

    mutating func number(_ name: String, _ field: PopUpField) -> Int? {
        guard let text = form[name] else { return nil }
        guard let value = Int(text) else {
            errors.add(field.invalid("must be a whole number"))
            return nil
        }
        return value
    }

    mutating func price(_ name: String = "price") -> Int? {
        do {
            return try PostForm.cents(form[name] ?? "")
        } catch {
            errors.add(PopUpField.priceCents.invalid("not a price in euros (e.g. 12,50)"))
            return nil
        }
    }

    /// A date and time typed in a `datetime-local` field; nil when empty or unreadable (then an error is filed).
    mutating func dateTime(_ name: String, _ field: PopUpField) -> LocalDateTime? {
        guard let text = form[name] else { return nil }
        guard let value = LocalDateTime(text) else {
            errors.add(field.invalid("expected a date and time like 2026-03-14T09:00"))
            return nil
        }
        return value
    }

    mutating func day(_ name: String, _ field: PopUpField) -> LocalDay? {
        guard let text = form[name] else {
            errors.add(field.invalid("expected a day like 2026-03-14"))
            return nil
        }
        guard let value = LocalDay(text) else {
            errors.add(field.invalid("expected a day like 2026-03-14"))
            return nil
        }
        return value
    }

    /// The venue's details as typed; fields that cannot be read and every rule the details break are filed.
    mutating func venue() -> PopUpVenueDetails {
        let capacity = number("capacity", .capacity)
        if form["capacity"] == nil { errors.add(PopUpField.capacity.invalid("required")) }
        let hours = number("cancellationHours", .cancellationHours)
        let quota = number("quota", .quota)
        var period = PopUpQuotaPeriod.month
        if let text = form["quotaPeriod"] {
            if let value = PopUpQuotaPeriod(rawValue: text) {
                period = value
            } else {
                errors.add(PopUpField.quotaPeriod.invalid("unknown period"))
            }
        }
        let details = PopUpVenueDetails(
            name: form["name"] ?? "", address: form["address"] ?? "", commune: form["commune"] ?? "",
            description: form.text("description"), photoURL: form["photoURL"], capacity: capacity ?? 1,
            accessibility: form.text("accessibility"), houseRules: form.text("houseRules"),
            needsApproval: form["needsApproval"] != nil, cancellationHours: hours ?? 48, quota: quota,
            quotaPeriod: period)
        for problem in PopUpService.problems(details) { errors.add(problem) }
        return details
    }

    /// The slot as typed; its booking window's times are read in `timeZone`.
    mutating func slot(timeZone: TimeZone) -> PopUpSlotDraft? {
        let start = dateTime("start", .start)
        if form["start"] == nil { errors.add(PopUpField.start.invalid("required")) }
        let end = dateTime("end", .end)
        if form["end"] == nil { errors.add(PopUpField.end.invalid("required")) }
        let capacity = number("capacity", .capacity)
        let price = price()
        let opens = dateTime("opensAt", .closesAt)?.date(in: timeZone)
        let closes = dateTime("closesAt", .closesAt)?.date(in: timeZone)
        guard let start, let end else { return nil }
        return PopUpSlotDraft(
            start: start, end: end, capacity: capacity, priceCents: price, opensAt: opens, closesAt: closes)
    }

    /// The series' rule as typed.
    mutating func series() -> PopUpSeriesRule? {
        let weekdays = form.all("weekday").compactMap { Int($0) }.filter { (1...7).contains($0) }
        if weekdays.isEmpty { errors.add(PopUpField.weekdays.invalid("choose one or more days")) }
        let startTime = form["startTime"] ?? ""
        if LocalDateTime.time(Substring(startTime)) == nil {
            errors.add(PopUpField.startTime.invalid("expected a time like 09:00"))
        }
        let endTime = form["endTime"] ?? ""
        if LocalDateTime.time(Substring(endTime)) == nil {
            errors.add(PopUpField.endTime.invalid("expected a time like 18:00"))
        }
        let first = day("firstDay", .firstDay)
        let last = day("lastDay", .lastDay)
        var blackouts: [LocalDay] = []
        for text in (form["blackouts"] ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }) {
            guard let day = LocalDay(String(text).trimmingCharacters(in: .whitespacesAndNewlines)) else {
                errors.add(PopUpField.blackouts.invalid("'\(text.prefix(20))' is not a day like 2026-05-01"))
                break
            }
            blackouts.append(day)
        }
        let capacity = number("capacity", .capacity)
        let price = price()
        guard let first, let last else { return nil }
        let rule = PopUpSeriesRule(
            weekdays: weekdays, startTime: startTime, endTime: endTime, firstDay: first, lastDay: last,
            blackouts: blackouts, capacity: capacity, priceCents: price)
        // The rules between fields (end after start, last day after the first) show with the fields' own errors.
        for problem in PopUpService.problems(rule) { errors.add(problem) }
        return errors.isEmpty ? rule : nil
    }
}
