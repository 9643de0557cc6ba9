import Foundation
import HubTestSupport
import Testing

@testable import zonehub

/// The QR codes libqrencode makes, checked by a real decoder (zbar through Python's pyzbar; `.ci/run` installs both).
/// The SVG of a fixed address is compared with `Golden/qr-code.svg` and read back from it; re-record it with
/// `ZONEHUB_RECORD_GOLDEN=1 swift test --filter QRCodeTests`.
@Suite struct QRCodeTests {
    /// The modules as a binary PGM image, four pixels per module, with a quiet zone of four modules.
    func image(_ modules: [[Bool]]) throws -> URL {
        let scale = 4
        let side = (modules.count + 8) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for (y, row) in modules.enumerated() {
            for (x, dark) in row.enumerated() where dark {
                for dy in 0..<scale {
                    for dx in 0..<scale { pixels[((y + 4) * scale + dy) * side + (x + 4) * scale + dx] = 0 }
                }
            }
        }
        let url = try Binary.scratch().appendingPathComponent("code.pgm")
        try (Data("P5\n\(side) \(side)\n255\n".utf8) + Data(pixels)).write(to: url)
        return url
    }

    func decode(_ url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", "-c",
            "import sys; from PIL import Image; from pyzbar.pyzbar import decode; "
                + "print(decode(Image.open(sys.argv[1]))[0].data.decode(), end='')",
            url.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "pyzbar could not read the code")
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: [
        "https://zonehub.example.org/merchants/cave-de-bergerac",
        "http://127.0.0.1:8080/merchants/e",
        "https://hub.example.org/merchants/" + String(repeating: "boulangerie-patisserie-", count: 4) + "du-marche",
        "https://exemple.fr/é?q=épicerie&zone=centre-essonne#" + String(repeating: "x", count: 120),
    ])
    func aRealDecoderReadsTheAddressBack(text: String) throws {
        let code = try #require(QRCode(text))
        #expect(code.size >= 21 && code.size <= 57)
        #expect(try decode(try image(code.modules)) == text)
    }

    @Test func anAddressBeyondVersionTenIsEncodedAndReadBack() throws {
        // 300 bytes: the hand-written encoder stopped at version 10 (213 bytes, 57 modules).
        let text = "https://hub.example.org/merchants/" + String(repeating: "epicerie-fine-", count: 19)
        #expect(text.utf8.count == 300)
        let code = try #require(QRCode(text))
        #expect(code.size > 57)
        #expect(try decode(try image(code.modules)) == text)
    }

    @Test func textBeyondVersionFortyIsRefusedWithoutCrashing() {
        #expect(QRCode(String(repeating: "a", count: 2331))?.size == 177)
        #expect(QRCode(String(repeating: "a", count: 2332)) == nil)
        #expect(QRCode(String(repeating: "a", count: 5000)) == nil)
        #expect(QRCode(String(repeating: "é", count: 5000)) == nil)
        #expect(QRCode("") == nil)
    }

    @Test func aNulInTheTextIsEncodedRatherThanEndingIt() throws {
        #expect(try #require(QRCode("a\u{0}b")) != (try #require(QRCode("a"))))
    }

    @Test func theSVGMatchesItsGoldenFileAndIsReadBackFromIt() throws {
        let text = "https://zonehub.example.org/merchants/cave-de-bergerac"
        let svg = try #require(QRCode(text)).svg()
        let recorded = try Golden.recorded(svg, as: "qr-code.svg")
        #expect(svg == recorded)
        // The golden file's squares (`M<x> <y>h8v8h-8z`, after a quiet zone of four 8-pixel modules) drawn again.
        let side = try #require(recorded.firstMatch(of: /viewBox="0 0 (\d+) \d+"/).flatMap { Int($0.1) }) / 8 - 8
        try #require(side > 0)
        var modules = Array(repeating: Array(repeating: false, count: side), count: side)
        for square in recorded.matches(of: /M(\d+) (\d+)h8v8h-8z/) {
            let (x, y) = (try #require(Int(square.1)) / 8 - 4, try #require(Int(square.2)) / 8 - 4)
            try #require(modules.indices.contains(y) && modules.indices.contains(x))
            modules[y][x] = true
        }
        #expect(modules.joined().contains(true))
        #expect(try decode(try image(modules)) == text)
    }

    @Test func thePosterShowsTheCodeForThePage() async throws {
        let app = try await TestApp()
        let (_, slug) = try await app.merchant("affiche@example.org")
        let answer = try await app.test { try await $0.send(.get, "/merchants/\(slug)/poster") }
        #expect(answer.status == .ok)
        #expect(answer.body.contains("@page { size: A4 portrait"))
        #expect(answer.body.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(answer.body.contains("http://127.0.0.1:8080/merchants/\(slug)"))
        #expect(try await app.test { try await $0.send(.get, "/merchants/nope/poster") }.status == .notFound)
    }
}
