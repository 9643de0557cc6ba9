import Foundation
import Testing

@testable import zonehub

@Suite(.serialized) struct PopUpCLITests {
    @Test func theDemoAddsVenuesSlotsAndBookingsOnceInEveryZone() async throws {
        let database = try Binary.scratch().appendingPathComponent("hub.sqlite").path
        let first = try await Binary.running(["demo", "--db", database, "--zones", TestApp.zonesDirectory])
        #expect(first.status == 0)
        #expect(first.output.contains("demo: added 12 pop-up venue(s), 40 slot(s), 20 booking(s)"))
        let second = try await Binary.running(["demo", "--db", database, "--zones", TestApp.zonesDirectory])
        #expect(second.output.contains("demo: added 0 pop-up venue(s), 0 slot(s), 0 booking(s)"))
        let venues = try await Binary.running(["pop-ups", "venues", "--zone", "oise", "--db", database])
        #expect(venues.output.split(separator: "\n").count == 3)
        #expect(venues.output.contains("L'Ancienne Mercerie"))
    }

    @Test func organisersRunVenuesSlotsSeriesAndBookingsFromTheCommandLine() async throws {
        let database = try Binary.scratch().appendingPathComponent("hub.sqlite").path
        _ = try await Binary.running(["demo", "--db", database, "--zones", TestApp.zonesDirectory])
        let admin = ["--as", "admin.oise@demo.example.org", "--db", database]
        let granted = try await Binary.running(
            ["pop-ups", "organisers", "--zone", "oise", "--email", "marchand.oise@demo.example.org"] + admin)
        #expect(granted.output == "marchand.oise@demo.example.org organises pop-up shops in oise\n")
        let venue = try await Binary.running(
            [
                "pop-ups", "venues", "--zone", "oise", "--name", "Le Kiosque", "--address", "Place Jeanne-Hachette",
                "--commune", "Beauvais", "--capacity", "1",
            ] + admin)
        #expect(venue.status == 0)
        let venueID = try #require(venue.output.split(separator: " ").dropFirst().first?.dropLast())
        let slot = try await Binary.running(
            [
                "pop-ups", "slots", "--venue", String(venueID), "--start", "2027-05-01T09:00", "--end",
                "2027-05-01T18:00",
            ]
                + admin)
        #expect(slot.output.hasSuffix("2027-05-01T09:00 – 2027-05-01T18:00, 1 place(s)\n"))
        let slotID = try #require(slot.output.split(separator: " ").dropFirst().first?.dropLast())
        let series = try await Binary.running(
            [
                "pop-ups", "series", "--venue", String(venueID), "--weekday", "6", "--from", "2027-05-08", "--to",
                "2027-05-29", "--except", "2027-05-15",
            ] + admin)
        #expect(series.output.hasSuffix(": 3 slot(s)\n"))
        let merchant = ["--as", "marchand.oise@demo.example.org", "--db", database]
        let booked = try await Binary.running(
            ["pop-ups", "book", "--slot", String(slotID), "--merchant", "librairie-la-page-picarde"] + merchant)
        #expect(booked.output.hasSuffix(": confirmed\n"))
        let full = try await Binary.running(
            ["pop-ups", "book", "--slot", String(slotID), "--merchant", "fromagerie-des-trois-forets", "--no-waitlist"]
                + merchant)
        #expect(full.errors == "error: every place of this slot is taken\n")
        let waiting = try await Binary.running(
            ["pop-ups", "book", "--slot", String(slotID), "--merchant", "fromagerie-des-trois-forets"] + merchant)
        #expect(waiting.output.hasSuffix(": waiting\n"))
        let list = try await Binary.running(["pop-ups", "bookings", "--slot", String(slotID)] + admin)
        let rows = list.output.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.map { $0[1] } == ["confirmed", "waiting"])
        let cancelled = try await Binary.running(
            ["pop-ups", "bookings", "--cancel", rows[0][0], "--reason", "Travaux"] + admin)
        #expect(cancelled.output == "booking \(rows[0][0]): cancelled\n")
        let after = try await Binary.running(["pop-ups", "bookings", "--slot", String(slotID)] + admin)
        #expect(after.output.contains("\toffered\tFromagerie des Trois Forêts"))
        let listed = try await Binary.running(["pop-ups", "slots", "--venue", String(venueID), "--db", database])
        #expect(listed.output.split(separator: "\n").count == 4)
    }

    @Test func badInputIsReportedAndChangesNothing() async throws {
        let database = try Binary.scratch().appendingPathComponent("hub.sqlite").path
        _ = try await Binary.running(["demo", "--db", database, "--zones", TestApp.zonesDirectory])
        let admin = ["--as", "admin.oise@demo.example.org", "--db", database]
        let oise = try await Binary.running(["pop-ups", "venues", "--zone", "oise", "--db", database]).output
        let venue = String(try #require(oise.split(separator: "\t").first))
        let cases: [([String], String)] = [
            (
                ["slots", "--venue", venue, "--start", "demain", "--end", "2027-05-01T18:00"],
                "error: --start: expected 2026-03-21T09:00\n"
            ),
            (
                ["slots", "--venue", venue, "--start", "2027-05-01T18:00", "--end", "2027-05-01T09:00"],
                "error: end: must come after the start\n"
            ),
            (["slots", "--venue", "999"], "error: venue not found\n"),
            (
                ["venues", "--zone", "oise", "--name", "X", "--address", "a", "--commune", "b", "--capacity", "0"],
                "error: capacity: must be from 1 to 500 places\n"
            ),
            (
                [
                    "venues", "--zone", "oise", "--name", "X", "--address", "a", "--commune", "b", "--capacity", "2",
                    "--quota-period", "year",
                ], "error: quotaPeriod: unknown quotaPeriod 'year' (one of: week, month)\n"
            ),
            (
                ["series", "--venue", venue, "--from", "2027-02-30", "--to", "2027-03-01"],
                "error: --from: expected a day like 2026-03-07\n"
            ),
            (
                ["series", "--venue", venue, "--from", "2027-03-01", "--to", "2027-03-31"],
                "error: weekdays: choose one or more days from 1 (Monday) to 7 (Sunday)\n"
            ),
            (["bookings"], "error: give --slot ID to list, or --approve/--refuse/--cancel ID\n"),
            (["bookings", "--refuse", "1"], "error: reason: is required\n"),
        ]
        for (arguments, message) in cases {
            let outcome = try await Binary.running(["pop-ups"] + arguments + admin)
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.errors == message, "\(arguments)")
        }
        let outsider = try await Binary.running(
            [
                "pop-ups", "slots", "--venue", venue, "--start", "2027-05-01T09:00", "--end", "2027-05-01T18:00",
                "--as",
                "admin.dordogne@demo.example.org", "--db", database,
            ])
        #expect(outsider.errors == "error: only the zone's pop-up organisers can do this\n")
        let nobody = try await Binary.running(
            [
                "pop-ups", "book", "--slot", "1", "--merchant", "nobody", "--as", "marchand.oise@demo.example.org",
                "--db", database,
            ])
        #expect(nobody.errors == "error: merchant not found\n")
        #expect(try await Binary.running(["pop-ups", "venues", "--zone", "oise", "--db", database]).output == oise)
        #expect(
            try await Binary.running(["pop-ups", "slots", "--venue", venue, "--db", database]).output.split(
                separator: "\n"
            ).count
                == 8)
    }
}
