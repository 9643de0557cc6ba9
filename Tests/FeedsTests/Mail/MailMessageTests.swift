import Foundation
import Testing

@testable import Feeds

@Suite struct MailMessageTests {
    static let date = Date(timeIntervalSince1970: 1_773_473_400)  // 2026-03-14T07:30:00Z

    static func message(html: String? = "<p>Bonjour</p>") -> MailMessage {
        MailMessage(
            from: MailAddress(name: "Centre-Essonne · zonehub", address: "digest@zones.example.org"),
            to: "ana@example.org", subject: "Centre-Essonne : 3 nouveautés du jour", date: date,
            messageID: "digest.7.1773473400@zones.example.org",
            headers: [("List-Unsubscribe-Post", "List-Unsubscribe=One-Click")], text: "Bonjour\n", html: html)
    }

    @Test func headersAreASCIIWithEncodedWordsAndAnEnglishDate() {
        let text = String(decoding: Self.message().rendered(), as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n")[0]
        #expect(head.utf8.allSatisfy { $0 < 128 })
        #expect(head.contains("Date: Sat, 14 Mar 2026 07:30:00 +0000\r\n"))
        #expect(head.contains("Message-ID: <digest.7.1773473400@zones.example.org>\r\n"))
        #expect(head.contains("Subject: =?UTF-8?B?"))
        #expect(head.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"))
        let subject = head.components(separatedBy: "Subject: ")[1].components(separatedBy: "\r\nDate:")[0]
        let decoded = subject.components(separatedBy: "\r\n ").map { word in
            String(decoding: Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))!, as: UTF8.self)
        }.joined()
        #expect(decoded == "Centre-Essonne : 3 nouveautés du jour")
    }

    @Test func plainTextComesBeforeHTMLInOneAlternativeAndTheMessageRendersTheSameTwice() {
        let bytes = Self.message().rendered()
        let text = String(decoding: bytes, as: UTF8.self)
        let plain = try! #require(text.range(of: "Content-Type: text/plain; charset=UTF-8"))
        let html = try! #require(text.range(of: "Content-Type: text/html; charset=UTF-8"))
        #expect(plain.lowerBound < html.lowerBound)
        #expect(text.contains("Content-Type: multipart/alternative; boundary=\"=_zonehub_"))
        #expect(text.hasSuffix("--\r\n"))
        #expect(bytes == Self.message().rendered())
        for (index, byte) in bytes.enumerated() where byte == 10 { #expect(bytes[index - 1] == 13) }
    }

    @Test func aNoticeWithoutHTMLIsOneTextPart() {
        let text = String(decoding: Self.message(html: nil).rendered(), as: UTF8.self)
        #expect(!text.contains("multipart"))
        #expect(text.contains("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable"))
    }

    @Test func headerInjectionThroughTheSubjectIsImpossible() {
        var message = Self.message()
        message.subject = "Promo\r\nBcc: everyone@example.org"
        let head = String(decoding: message.rendered(), as: UTF8.self).components(separatedBy: "\r\n\r\n")[0]
        #expect(!head.contains("\r\nBcc:"))
    }
}
