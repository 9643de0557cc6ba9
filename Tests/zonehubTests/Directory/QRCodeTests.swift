import Foundation
import Testing

@testable import zonehub

/// The QR encoder, checked by a real decoder (zbar through Python's pyzbar; `.ci/run` installs both).
@Suite struct QRCodeTests {
    /// The code as a binary PGM image, four pixels per module, with its quiet zone.
    func image(_ code: QRCode) throws -> URL {
        let scale = 4
        let side = (code.size + 8) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for (y, row) in code.modules.enumerated() {
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
        #expect(try decode(try image(code)) == text)
    }

    @Test func textBeyondVersionTenIsRefused() {
        #expect(QRCode(String(repeating: "a", count: 214)) == nil)
        #expect(QRCode(String(repeating: "a", count: 213))?.size == 57)
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
