import ArgumentParser
import Community
import Foundation
import PopUps

/// `zonehub pop-ups ...`: organisers, venues, slots, series and bookings from the command line.
struct PopUpCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pop-ups", abstract: "Pop-up shops: venues, slots, series and bookings.",
        subcommands: [Organisers.self, Venues.self, Slots.self, Series.self, Book.self, Bookings.self])

    typealias Actor = ModerationCommand.Moderator

    struct Organisers: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make an account a pop-up organiser of a zone.")
        @Option(help: "Zone slug.") var zone: String
        @Option(help: "Email of the account to make an organiser.") var email: String
        @OptionGroup var actor: Actor
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let hub = try await Hub.open(try Settings(database: database))
                let user = try await hub.popUps.venues.grantOrganiser(
                    email: email, zoneSlug: zone, by: try await actor.user(in: hub))
                print("\(user.email) organises pop-up shops in \(zone)")
            }
        }
    }

    struct Venues: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a zone's venues, or add one with --name.", subcommands: [])
        @Option(help: "Zone slug.") var zone: String
        @Option(help: "Name of a new venue.") var name: String?
        @Option(help: "Its address.") var address: String?
        @Option(help: "Its commune.") var commune: String?
        @Option(help: "Its number of stalls.") var capacity: Int?
        @Flag(help: "Bookings wait for an organiser's approval.") var approval = false
        @Option(help: "Hours before the start up to which merchants may cancel (default 48).")
        var cancellationHours = 48
        @Option(help: "At most this many bookings per merchant and period.") var quota: Int?
        @Option(help: "week or month (default month).") var quotaPeriod = "month"
        @OptionGroup var actor: Actor
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let hub = try await Hub.open(try Settings(database: database))
                if let name {
                    let details = PopUpVenueDetails(
                        name: name, address: address ?? "", commune: commune ?? "", capacity: capacity ?? 0,
                        needsApproval: approval, cancellationHours: cancellationHours, quota: quota,
                        quotaPeriod: try PopUpQuotaPeriod.parse(quotaPeriod))
                    let venue = try await hub.popUps.venues.createVenue(
                        zoneSlug: zone, details: details, by: try await actor.user(in: hub))
                    print("venue \(venue.id): \(venue.name)")
                    return
                }
                for venue in try await hub.popUps.venues.venues(zoneSlug: zone).venues {
                    print("\(venue.id)\t\(venue.details.capacity)\t\(venue.name)\t\(venue.details.address)")
                }
            }
        }
    }

    struct Slots: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a venue's slots, or add one with --start.")
        @Option(help: "Venue id.") var venue: Int64
        @Option(help: "Local start, e.g. 2026-03-21T09:00.") var start: String?
        @Option(help: "Local end, e.g. 2026-03-21T18:00.") var end: String?
        @Option(help: "Places (default: the venue's stalls).") var capacity: Int?
        @OptionGroup var actor: Actor
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let hub = try await Hub.open(try Settings(database: database))
                if let start {
                    guard let from = LocalDateTime(start) else { throw CLIError("--start: expected 2026-03-21T09:00") }
                    guard let to = LocalDateTime(end ?? "") else { throw CLIError("--end: expected 2026-03-21T18:00") }
                    let slot = try await hub.popUps.venues.createSlot(
                        venue: PopUpVenue.ID(venue), PopUpSlotDraft(start: from, end: to, capacity: capacity),
                        by: try await actor.user(in: hub))
                    print("slot \(slot.id): \(slot.start) – \(slot.end), \(slot.capacity) place(s)")
                    return
                }
                _ = try await hub.popUps.venues.venue(PopUpVenue.ID(venue))
                for slot in try await hub.popUps.venues.slots(venue: PopUpVenue.ID(venue)) {
                    print(
                        "\(slot.id)\t\(slot.start)\t\(slot.end)\t\(slot.free)/\(slot.capacity) free\t"
                            + "\(slot.waiting) waiting"
                    )
                }
            }
        }
    }

    struct Series: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a weekly series, or cancel one with --cancel.")
        @Option(help: "Venue id (to add a series).") var venue: Int64?
        @Option(help: "Day of the week, 1 (Monday) to 7 (Sunday); repeat for several.") var weekday: [Int] = []
        @Option(help: "First day, e.g. 2026-03-07.") var from: String?
        @Option(help: "Last day, e.g. 2026-06-27.") var to: String?
        @Option(help: "Local start time (default 09:00).") var startTime = "09:00"
        @Option(help: "Local end time (default 18:00).") var endTime = "18:00"
        @Option(help: "A blackout day; repeat for several.") var except: [String] = []
        @Option(help: "Id of a series to cancel.") var cancel: Int64?
        @Option(help: "Why it is cancelled (told to merchants).") var reason: String?
        @OptionGroup var actor: Actor
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let hub = try await Hub.open(try Settings(database: database))
                let user = try await actor.user(in: hub)
                if let cancel {
                    let slots = try await hub.popUps.venues.cancelSeries(
                        PopUpSeries.ID(cancel), reason: reason, by: user)
                    print("series \(cancel): \(slots.filter { $0.status == .cancelled }.count) slot(s) cancelled")
                    return
                }
                guard let venue else { throw CLIError("give --venue ID to add a series, or --cancel ID") }
                guard let first = LocalDay(from ?? "") else { throw CLIError("--from: expected a day like 2026-03-07") }
                guard let last = LocalDay(to ?? "") else { throw CLIError("--to: expected a day like 2026-06-27") }
                let blackouts = try except.map { text in
                    guard let day = LocalDay(text) else { throw CLIError("--except: '\(text)' is not a day") }
                    return day
                }
                let slots = try await hub.popUps.venues.createSeries(
                    venue: PopUpVenue.ID(venue),
                    PopUpSeriesRule(
                        weekdays: weekday, startTime: startTime, endTime: endTime, firstDay: first, lastDay: last,
                        blackouts: blackouts),
                    by: user)
                print("series \(slots.first?.seriesID?.description ?? "?"): \(slots.count) slot(s)")
            }
        }
    }

    struct Book: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Book a slot for a merchant.")
        @Option(help: "Slot id.") var slot: Int64
        @Option(help: "Merchant slug.") var merchant: String
        @Flag(help: "Fail when the slot is full instead of joining the waitlist.") var noWaitlist = false
        @OptionGroup var actor: Actor
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let hub = try await Hub.open(try Settings(database: database))
                let booking = try await hub.popUps.bookings.book(
                    PopUpSlot.ID(slot), merchantSlug: merchant, waitlist: !noWaitlist,
                    by: try await actor.user(in: hub))
                print("booking \(booking.id): \(booking.status.rawValue)")
            }
        }
    }

    struct Bookings: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List a slot's bookings, or approve, refuse or cancel one.")
        @Option(help: "Slot id (to list).") var slot: Int64?
        @Option(help: "Booking id to approve.") var approve: Int64?
        @Option(help: "Booking id to refuse (with --reason).") var refuse: Int64?
        @Option(help: "Booking id to cancel.") var cancel: Int64?
        @Option(help: "Reason told to the merchant.") var reason: String?
        @OptionGroup var actor: Actor
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await run {
                let hub = try await Hub.open(try Settings(database: database))
                let user = try await actor.user(in: hub)
                let service = hub.popUps.bookings
                let changed: PopUpBooking? =
                    if let approve { try await service.approve(PopUpBooking.ID(approve), by: user) } else if let refuse
                    { try await service.refuse(PopUpBooking.ID(refuse), reason: reason, by: user) } else if let cancel {
                        try await service.cancel(PopUpBooking.ID(cancel), reason: reason, by: user)
                    } else { nil }
                if let changed {
                    print("booking \(changed.id): \(changed.status.rawValue)")
                    return
                }
                guard let slot else { throw CLIError("give --slot ID to list, or --approve/--refuse/--cancel ID") }
                for booking in try await service.bookings(slot: PopUpSlot.ID(slot), by: user) {
                    print("\(booking.id)\t\(booking.status.rawValue)\t\(booking.merchantName)\t\(booking.reason ?? "")")
                }
            }
        }
    }
}
