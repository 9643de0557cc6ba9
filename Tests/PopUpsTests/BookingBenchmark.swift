import Community
import Foundation
import HubTestSupport
import PopUps
import Synchronization
import Testing

/// The in-process half of `scripts/bench-bookings`: the booking service on a WAL file, 64 tasks booking the same
/// 100 slots (5 places each) for 400 merchants. Runs only with `ZONEHUB_BENCH=1`; prints bookings/s and checks the
/// outcome (never a time).
@Suite struct BookingBenchmark {
    static let enabled = ProcessInfo.processInfo.environment["ZONEHUB_BENCH"] == "1"
    static let slots = 100
    static let places = 5
    static let merchants = 400
    static let requests = 20_000
    static let tasks = 64

    /// Hands out request numbers to the tasks.
    final class Counter: Sendable {
        private let value = Mutex(0)
        func next() -> Int {
            value.withLock {
                $0 += 1
                return $0 - 1
            }
        }
    }

    /// Counts outcomes from every task.
    final class Tally: Sendable {
        private let counts = Mutex<[String: Int]>([:])
        func add(_ outcome: String) { counts.withLock { $0[outcome, default: 0] += 1 } }
        var all: [String: Int] { counts.withLock { $0 } }
    }

    @Test(.enabled(if: enabled)) func bookingsPerSecondUnderContention() async throws {
        let hub = try await TestHub.contract(onDisk: true)
        try await hub.seedZones()
        let (venue, organiser) = try await hub.venue(capacity: Self.places)
        let first = LocalDay("2026-03-16")!
        var last = first
        for _ in 1..<Self.slots { last = last.next }
        let slots = try await hub.popUps.createSeries(
            venue: venue.id,
            PopUpSeriesRule(
                weekdays: Array(1...7), startTime: "09:00", endTime: "18:00", firstDay: first, lastDay: last),
            by: organiser)
        let shops = try await hub.merchants(Self.merchants)
        let bookings = hub.bookings
        let counter = Counter()
        let tally = Tally()
        let started = ContinuousClock.now
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<Self.tasks {
                group.addTask {
                    while true {
                        let k = counter.next()
                        guard k < Self.requests else { return }
                        // Slot by slot, so that every task is after the same few slots at any moment.
                        let slot = slots[k % Self.slots]
                        let shop = shops[(k / Self.slots) % Self.merchants]
                        let outcome: String
                        do {
                            outcome = try await bookings.book(
                                slot.id, merchantSlug: shop.merchant.slug, waitlist: true, by: shop.owner
                            ).status.rawValue
                        } catch let error as CommunityError {
                            outcome = error.code
                        } catch {
                            outcome = "unexpected"
                        }
                        tally.add(outcome)
                    }
                }
            }
        }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let counts = tally.all
        print(
            "in process: \(Self.requests) booking requests for \(Self.slots) slots x \(Self.places) places by "
                + "\(Self.merchants) merchants, \(Self.tasks) concurrent tasks, in \(String(format: "%.2f", seconds)) s"
        )
        print("bookings/s: \(Int(Double(Self.requests) / seconds))")
        print("confirmed: \(counts["confirmed", default: 0]), waitlisted: \(counts["waiting", default: 0])")
        #expect(counts == ["confirmed": Self.slots * Self.places, "waiting": Self.requests - Self.slots * Self.places])
        for slot in slots {
            #expect(try await hub.popUpStore.slot(id: slot.id)?.held == Self.places)
        }
    }
}
