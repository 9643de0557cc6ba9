import Community
import Feeds
import Foundation
import PopUps
import Storage
import HubTestSupport
import Testing

@Suite struct ICalendarTests {
    static let base = "https://hub.example.org"
    static let stamp = Date(timeIntervalSince1970: 1_773_482_400)  // 2026-03-14 10:00 UTC

    static let venue = PopUpVenue(
        id: PopUpVenue.ID(1), zoneID: Zone.ID(1),
        details: PopUpVenueDetails(
            name: "La Halle, côté « marché »", address: "2 place du Marché", commune: "Corbeil-Essonnes",
            description: "Ancienne mercerie; vitrine sur rue, étagères, électricité et point d'eau à l'arrière.",
            capacity: 4, houseRules: "Pas de musique amplifiée."),
        createdAt: stamp, updatedAt: stamp)

    static func slot(_ id: Int64, _ start: String, _ end: String, status: PopUpSlotStatus = .open, sequence: Int = 0)
        -> PopUpSlot
    {
        let paris = TimeZone(identifier: "Europe/Paris")!
        let start = LocalDateTime(start)!
        let end = LocalDateTime(end)!
        return PopUpSlot(
            id: PopUpSlot.ID(id), venueID: venue.id, seriesID: nil, start: start, end: end, timeZone: "Europe/Paris",
            startsAt: start.date(in: paris), endsAt: end.date(in: paris), capacity: 4, priceCents: nil, opensAt: nil,
            closesAt: nil, status: status, held: 0, waiting: 0, sequence: sequence, updatedAt: stamp)
    }

    static let slots = [
        slot(1, "2026-03-22T09:00", "2026-03-22T18:00"),
        slot(2, "2026-03-29T09:00", "2026-03-29T18:00", sequence: 2),
        slot(3, "2026-04-05T09:00", "2026-04-05T18:00", status: .cancelled, sequence: 1),
    ]

    static var calendar: String {
        PopUpCalendar.slots(
            slots, venues: [venue.id: venue], name: "Boutiques éphémères — Centre Essonne", baseURL: base)
    }

    /// Re-record with `ZONEHUB_RECORD_GOLDEN=1 swift test --filter ICalendarTests`.
    @Test func aZoneCalendarMatchesItsGoldenFile() throws {
        #expect(Self.calendar == (try Golden.recorded(Self.calendar, as: "pop-ups.ics")))
    }

    @Test func everyLineEndsWithCRLFAndFitsSeventyFiveOctets() {
        let text = Self.calendar
        #expect(text.hasSuffix("\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(!lines.contains { $0.contains("\n") || $0.contains("\r") })
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
    }

    @Test func unfoldedEventsKeepLocalNineOClockAcrossTheSpringChangeWithTheirStatusAndSequence() {
        let unfolded = Self.calendar.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        #expect(
            unfolded.filter { $0.hasPrefix("DTSTART;TZID=Europe/Paris:") } == [
                "DTSTART;TZID=Europe/Paris:20260322T090000", "DTSTART;TZID=Europe/Paris:20260329T090000",
                "DTSTART;TZID=Europe/Paris:20260405T090000",
            ])
        #expect(
            unfolded.filter { $0.hasPrefix("UID:") } == [
                "UID:pop-up-slot-1@hub.example.org", "UID:pop-up-slot-2@hub.example.org",
                "UID:pop-up-slot-3@hub.example.org",
            ])
        #expect(unfolded.filter { $0.hasPrefix("SEQUENCE:") } == ["SEQUENCE:0", "SEQUENCE:2", "SEQUENCE:1"])
        #expect(
            unfolded.filter { $0.hasPrefix("STATUS:") } == ["STATUS:CONFIRMED", "STATUS:CONFIRMED", "STATUS:CANCELLED"])
        #expect(unfolded.contains("DTSTAMP:20260314T100000Z"))
        #expect(unfolded.contains("SUMMARY:Boutique éphémère : La Halle\\, côté « marché »"))
        #expect(unfolded.contains("BEGIN:VTIMEZONE") && unfolded.contains("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"))
    }

    @Test func foldingBreaksAtSeventyFiveOctetsWithoutSplittingACharacter() {
        let ascii = String(repeating: "a", count: 160)
        let folded = ICalendarText.fold(ascii).components(separatedBy: "\r\n")
        #expect(folded.map(\.utf8.count) == [75, 75, 12])
        #expect(folded.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        #expect(folded.map { $0.hasPrefix(" ") ? String($0.dropFirst()) : $0 }.joined() == ascii)
        // 74 ASCII octets then "é" (2 octets): the "é" moves whole to the next line.
        let accented = String(repeating: "b", count: 74) + "é" + "fin"
        let lines = ICalendarText.fold(accented).components(separatedBy: "\r\n")
        #expect(lines == [String(repeating: "b", count: 74), " éfin"])
        let emoji = String(repeating: "🛍", count: 40)
        let emojiLines = ICalendarText.fold(emoji).components(separatedBy: "\r\n")
        #expect(emojiLines.allSatisfy { $0.utf8.count <= 75 })
        #expect(emojiLines.map { $0.hasPrefix(" ") ? String($0.dropFirst()) : $0 }.joined() == emoji)
        #expect(ICalendarText.fold("court") == "court")
    }

    @Test func textValuesAreEscaped() {
        #expect(ICalendarText.escape("a;b,c\\d\r\ne\nf") == "a\\;b\\,c\\\\d\\ne\\nf")
    }

    @Test func aMerchantCalendarTokenNamesItsMerchantAndCannotBeForged() throws {
        let tokens = LinkTokens(key: Data(repeating: 7, count: 32))
        let token = tokens.calendarToken(for: Merchant.ID(42))
        #expect(try tokens.verifyCalendar(token) == Merchant.ID(42))
        let forged = token.replacingOccurrences(of: "k.42.", with: "k.43.")
        #expect(throws: CommunityError.self) { try tokens.verifyCalendar(forged) }
        #expect(throws: CommunityError.self) { try tokens.verifyCalendar("k.42") }
        #expect(throws: CommunityError.self) {
            try LinkTokens(key: Data(repeating: 8, count: 32)).verifyCalendar(token)
        }
    }
}
