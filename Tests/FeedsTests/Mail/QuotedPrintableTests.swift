import Foundation
import Testing

@testable import Feeds

@Suite struct QuotedPrintableTests {
    /// Decodes quoted-printable (soft breaks, =XX), to check that encoding loses nothing.
    static func decode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 61 {
                if bytes[index + 1] == 13 {
                    index += 3
                    continue
                }
                out.append(UInt8(String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)!)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).components(separatedBy: "\r\n").dropLast().map { $0 }
    }

    @Test func frenchTextRoundTripsWithCRLFAndShortLines() {
        let text =
            "Épicerie fine : 12,50 € — “spécialités” du Périgord.\n"
            + String(repeating: "Très long paragraphe sans retour à la ligne, à couper proprement. ", count: 8)
            + "\nFin"
        let encoded = QuotedPrintable.encode(text)
        #expect(Self.decode(encoded) == text.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
        #expect(Self.lines(encoded).allSatisfy { $0.utf8.count <= 76 })
        #expect(encoded.allSatisfy { $0 < 128 })
        // No bare LF: every line ends in CRLF.
        for (index, byte) in encoded.enumerated() where byte == 10 { #expect(encoded[index - 1] == 13) }
    }

    @Test func trailingSpacesLeadingDotsAndEqualsSignsAreEncoded() {
        let encoded = String(decoding: QuotedPrintable.encode("a = b \n.\n..x\t\n"), as: UTF8.self)
        #expect(encoded == "a =3D b=20\r\n=2E\r\n=2E.x=09\r\n")
    }

    @Test func aSoftBreakNeverSplitsAnEncodedCharacter() {
        for length in 70...80 {
            let text = String(repeating: "x", count: length) + "ééé"
            let encoded = QuotedPrintable.encode(text)
            #expect(Self.decode(encoded) == text + "\r\n")
            #expect(Self.lines(encoded).allSatisfy { $0.utf8.count <= 76 })
        }
    }

    @Test func aCarriageReturnOutsideALineEndingIsEncoded() {
        let encoded = String(decoding: QuotedPrintable.encode("a\rb\r\nc\n\nd"), as: UTF8.self)
        #expect(encoded == "a=0Db\r\nc\r\n\r\nd\r\n")
    }
}
