import Foundation
import Storage
import Testing

@testable import zonehub

/// The audit log's actions are typed per target, each with its French and English text.
@Suite struct AuditActionTextTests {
    @Test func everyActionHasItsOwnNameAndATextInEachLanguage() {
        let names = AuditActionText.all.map(\.name)
        #expect(Set(names).count == names.count)
        for action in AuditActionText.all {
            #expect(!action.french.isEmpty && !action.english.isEmpty && action.french != action.english, "\(action)")
            #expect(AuditActionText.text(action.name, .fr) == action.french)
            #expect(AuditActionText.text(action.name, .en) == action.english)
        }
        #expect(AuditActionText.text("unknown.action", .fr) == "unknown.action")
    }

    @Test func everyActionTheDemoAndTheQueueWriteIsKnown() async throws {
        let path = try Binary.scratch().appendingPathComponent("hub.sqlite").path
        _ = try await Binary.running(["demo", "--db", path, "--zones", TestApp.zonesDirectory])
        let admin = ["--as", "admin.centre-essonne@demo.example.org", "--db", path]
        let held = try await Binary.running(["moderation", "list", "--zone", "centre-essonne"] + admin).output
            .split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
        try #require(held.count >= 2)
        _ = try await Binary.running(["moderation", "approve", held[0]] + admin)
        _ = try await Binary.running(["moderation", "reject", held[1], "--reason", "off_topic"] + admin)

        let database = try SQLiteDatabase(path: path)
        let stored: [String] = try await database.read { db in
            try await db.values("SELECT DISTINCT action FROM auditEntry ORDER BY action")
        }
        #expect(stored.contains("moderation.approve") && stored.contains("popup.booking.create"))
        #expect(stored.filter { AuditActionText.actions[$0] == nil } == [])
    }
}
