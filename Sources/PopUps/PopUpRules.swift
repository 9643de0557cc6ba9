import Community
import Foundation

/// Checks on what organisers write, and the expansion of a series into slots: pure, each naming the field at fault.
enum PopUpRules {
    static let maxCapacity = 500
    static let maxSlotLength: TimeInterval = 14 * 24 * 3600
    static let maxSeriesSlots = 200
    static let maxSeriesDays = 366

    static func validated(_ input: PopUpVenueDetails) throws(CommunityError) -> PopUpVenueDetails {
        let (details, problems) = checked(input)
        if let first = problems.first { throw first }
        return details
    }

    /// Every problem of a venue's details, one per field at fault.
    static func problems(_ input: PopUpVenueDetails) -> [CommunityError] { checked(input).problems }

    /// The details cleaned up, and what is wrong with them: each field is checked whatever the others hold.
    private static func checked(_ input: PopUpVenueDetails)
        -> (details: PopUpVenueDetails, problems: [CommunityError])
    {
        var details = input
        var problems: [CommunityError] = []
        func check(_ body: () throws(CommunityError) -> Void) {
            do throws(CommunityError) { try body() } catch { problems.append(error) }
        }
        check { () throws(CommunityError) in
            details.name = try MerchantRules.text(input.name, field: PopUpField.name, max: 120, required: true)
                .replacingOccurrences(of: "\n", with: " ")
        }
        check { () throws(CommunityError) in
            details.address = try MerchantRules.text(input.address, field: PopUpField.address, max: 200, required: true)
        }
        check { () throws(CommunityError) in
            details.commune = try MerchantRules.text(input.commune, field: PopUpField.commune, max: 80, required: true)
        }
        check { () throws(CommunityError) in
            details.description = try MerchantRules.text(input.description, field: PopUpField.description, max: 4000)
        }
        check { () throws(CommunityError) in
            details.photoURL = try MerchantRules.url(input.photoURL, field: PopUpField.photoURL)
        }
        check { () throws(CommunityError) in
            details.accessibility = try MerchantRules.text(
                input.accessibility, field: PopUpField.accessibility, max: 1000)
        }
        check { () throws(CommunityError) in
            details.houseRules = try MerchantRules.text(input.houseRules, field: PopUpField.houseRules, max: 4000)
        }
        check { () throws(CommunityError) in try capacity(input.capacity) }
        check { () throws(CommunityError) in
            guard (0...2160).contains(input.cancellationHours) else {
                throw PopUpField.cancellationHours.invalid("must be from 0 to 2160 hours (90 days)")
            }
        }
        check { () throws(CommunityError) in
            if let quota = input.quota, !(1...1000).contains(quota) {
                throw PopUpField.quota.invalid("must be from 1 to 1000 bookings per period, or empty for no limit")
            }
        }
        return (details, problems)
    }

    static func capacity(_ value: Int) throws(CommunityError) {
        guard (1...maxCapacity).contains(value) else {
            throw PopUpField.capacity.invalid("must be from 1 to \(maxCapacity) places")
        }
    }

    /// A slot ready to store, its instants computed in `timeZone`; it must start after `now`.
    static func plan(_ draft: PopUpSlotDraft, venue: PopUpVenue, timeZone: String, now: Date) throws(CommunityError)
        -> PopUpSlotPlan
    {
        let (plan, problems) = checkedPlan(draft, venue: venue, timeZone: timeZone, now: now)
        if let first = problems.first { throw first }
        return plan
    }

    /// Everything wrong with a slot, each rule checked whatever the others say (a form shows them all).
    static func planProblems(_ draft: PopUpSlotDraft, venue: PopUpVenue, timeZone: String, now: Date)
        -> [CommunityError]
    {
        checkedPlan(draft, venue: venue, timeZone: timeZone, now: now).problems
    }

    private static func checkedPlan(_ draft: PopUpSlotDraft, venue: PopUpVenue, timeZone: String, now: Date)
        -> (plan: PopUpSlotPlan, problems: [CommunityError])
    {
        var problems: [CommunityError] = []
        let zone = TimeZone(identifier: timeZone) ?? .gmt
        let startsAt = draft.start.date(in: zone)
        let endsAt = draft.end.date(in: zone)
        if !(draft.start < draft.end && startsAt < endsAt) {
            problems.append(PopUpField.end.invalid("must come after the start"))
        } else if endsAt.timeIntervalSince(startsAt) > maxSlotLength {
            problems.append(PopUpField.end.invalid("a slot lasts at most 14 days"))
        }
        if startsAt <= now { problems.append(PopUpField.start.invalid("the slot must start in the future")) }
        let capacity = draft.capacity ?? venue.details.capacity
        do throws(CommunityError) { try Self.capacity(capacity) } catch { problems.append(error) }
        if let price = draft.priceCents, !(0...PostRules.maxPriceCents).contains(price) {
            problems.append(PopUpField.priceCents.invalid("must be between 0 and \(PostRules.maxPriceCents) cents"))
        }
        if let opens = draft.opensAt, let closes = draft.closesAt, opens >= closes {
            problems.append(PopUpField.closesAt.invalid("bookings must open before they close"))
        } else if let closes = draft.closesAt, closes > startsAt {
            problems.append(PopUpField.closesAt.invalid("bookings must close by the start of the slot"))
        }
        let plan = PopUpSlotPlan(
            start: draft.start, end: draft.end, timeZone: timeZone, startsAt: startsAt, endsAt: endsAt,
            capacity: capacity, priceCents: draft.priceCents, opensAt: draft.opensAt, closesAt: draft.closesAt)
        return (plan, problems)
    }

    /// The slots of a series that are still to come at `now`, in order.
    static func expand(_ rule: PopUpSeriesRule, venue: PopUpVenue, timeZone: String, now: Date)
        throws(CommunityError) -> [PopUpSlotPlan]
    {
        let rule = try validated(rule)
        var plans: [PopUpSlotPlan] = []
        var day = rule.firstDay
        while day <= rule.lastDay {
            if let draft = draft(of: rule, on: day) {
                let start = draft.start.date(in: TimeZone(identifier: timeZone) ?? .gmt)
                if start > now { plans.append(try plan(draft, venue: venue, timeZone: timeZone, now: now)) }
            }
            day = day.next
        }
        guard !plans.isEmpty else { throw PopUpField.series.invalid("no day of this series is still to come") }
        guard plans.count <= maxSeriesSlots else {
            throw PopUpField.series.invalid("a series makes at most \(maxSeriesSlots) slots")
        }
        return plans
    }

    /// The slot a series holds on `day`, or nil when the day is not one of its days.
    static func draft(of rule: PopUpSeriesRule, on day: LocalDay) -> PopUpSlotDraft? {
        guard rule.firstDay <= day, day <= rule.lastDay, rule.weekdays.contains(day.weekday),
            !rule.blackouts.contains(day), let start = LocalDateTime.time(Substring(rule.startTime)),
            let end = LocalDateTime.time(Substring(rule.endTime))
        else { return nil }
        return PopUpSlotDraft(
            start: LocalDateTime(day: day, hour: start.hour, minute: start.minute),
            end: LocalDateTime(day: day, hour: end.hour, minute: end.minute), capacity: rule.capacity,
            priceCents: rule.priceCents)
    }

    static func validated(_ input: PopUpSeriesRule) throws(CommunityError) -> PopUpSeriesRule {
        let (rule, problems) = checked(input)
        if let first = problems.first { throw first }
        return rule
    }

    /// Everything wrong with a series' rule, each checked whatever the others say (a form shows them all).
    static func problems(_ input: PopUpSeriesRule) -> [CommunityError] { checked(input).problems }

    private static func checked(_ input: PopUpSeriesRule) -> (rule: PopUpSeriesRule, problems: [CommunityError]) {
        var rule = input
        var problems: [CommunityError] = []
        rule.weekdays = Array(Set(input.weekdays)).sorted()
        if rule.weekdays.isEmpty || !rule.weekdays.allSatisfy({ (1...7).contains($0) }) {
            problems.append(PopUpField.weekdays.invalid("choose one or more days from 1 (Monday) to 7 (Sunday)"))
        }
        let start = LocalDateTime.time(Substring(input.startTime))
        if start == nil { problems.append(PopUpField.startTime.invalid("expected a time like 09:00")) }
        let end = LocalDateTime.time(Substring(input.endTime))
        if end == nil { problems.append(PopUpField.endTime.invalid("expected a time like 18:00")) }
        if let start, let end, start.hour * 60 + start.minute >= end.hour * 60 + end.minute {
            problems.append(PopUpField.endTime.invalid("must come after the start time"))
        }
        if input.firstDay > input.lastDay {
            problems.append(PopUpField.lastDay.invalid("must not come before firstDay"))
        } else {
            var count = 0
            var day = input.firstDay
            while day < input.lastDay && count <= maxSeriesDays {
                day = day.next
                count += 1
            }
            if count > maxSeriesDays { problems.append(PopUpField.lastDay.invalid("a series spans at most one year")) }
        }
        if input.blackouts.count > 100 { problems.append(PopUpField.blackouts.invalid("at most 100 blackout dates")) }
        rule.blackouts = Array(Set(input.blackouts)).sorted()
        if let capacity = input.capacity {
            do throws(CommunityError) { try Self.capacity(capacity) } catch { problems.append(error) }
        }
        return (rule, problems)
    }

    static func reason(_ value: String?, required: Bool) throws(CommunityError) -> String? {
        let text = try MerchantRules.text(value ?? "", field: PopUpField.reason, max: 500, required: required)
        return text.isEmpty ? nil : text
    }
}
