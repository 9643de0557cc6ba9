import Community
import Foundation
import HummingbirdTesting
import Testing

@testable import zonehub

/// `ZONEHUB_REFUSED_EMAIL_DOMAINS`: a sign-up from one of those domains, whatever its case, is refused in French and
/// leaves nothing behind: no account, no sign-up, no mail, no throttle count.
@Suite struct RefusedDomainsPagesTests {
    @Test func aSignUpFromARefusedDomainIsAnsweredInFrenchWithNothingWritten() async throws {
        let app = try await TestApp(environment: ["ZONEHUB_REFUSED_EMAIL_DOMAINS": "yopmail.com, Jetable.org"])
        let shop = "shopName=Fromagerie&category=alimentation&commune=oise%7C60800%7CCr%C3%A9py-en-Valois"
        let database = app.database
        try await app.test { client in
            for address in ["fromage%40yopmail.com", "Fromage%40JETABLE.ORG"] {
                let answer = try await client.send(
                    .post, "/sign-up", bytes: Array("email=\(address)&password=un-bon-fromage&\(shop)".utf8),
                    contentType: "application/x-www-form-urlencoded")
                #expect(answer.status == .badRequest, "\(address)")
                #expect(
                    answer.body.contains(
                        "Ce hub n&#39;accepte pas les inscriptions avec une adresse de ce domaine."), "\(address)")
                #expect(!answer.body.contains("email_domain_refused"))
            }
            for table in ["user", "signUp", "throttleCount", "outboxMessage"] {
                let rows: Int? = try await database.read { db in try await db.value("SELECT count(*) FROM \(table)")
                }
                #expect(rows == 0, "\(table)")
            }
            // Another domain still signs up.
            let welcome = try await client.send(
                .post, "/sign-up", bytes: Array("email=fromage%40example.org&password=un-bon-fromage&\(shop)".utf8),
                contentType: "application/x-www-form-urlencoded")
            #expect(welcome.status == .ok && welcome.body.contains("Vérifiez vos e-mails"))
        }
        #expect(try await app.hub.accounts.user(email: "fromage@yopmail.com") == nil)
        #expect(try await app.hub.outbox.messages(recipient: "fromage@jetable.org").isEmpty)
    }
}
