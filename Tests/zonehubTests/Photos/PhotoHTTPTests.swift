import Community
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

/// Uploading a merchant's photo through the dashboard form, then reading it back at its address.
@Suite struct PhotoHTTPTests {
    static let data = TestApp.repository.appendingPathComponent("Tests/PhotosTests/data")

    /// A `multipart/form-data` body as a browser sends the photo form.
    static func form(role: String = "logo", alt: String, file: String, bytes: Data? = nil) throws -> [UInt8] {
        let content = try bytes ?? Data(contentsOf: data.appendingPathComponent(file))
        var body = Data()
        for (name, value) in [("role", role), ("alt", alt)] {
            body.append(Data("--B0undary\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(
            Data(
                ("--B0undary\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"\(file)\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").utf8))
        body.append(content)
        body.append(Data("\r\n--B0undary--\r\n".utf8))
        return [UInt8](body)
    }

    static let multipart = "multipart/form-data; boundary=B0undary"

    @Test func aLogoUploadedIsShownWithSrcsetAndServedWithLongCaching() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("logo@example.org")
        let cookie = "zonehub_session=\(token)"
        let path = try await app.test { client -> String in
            let sent = try await client.send(
                .post, "/dashboard/merchants/\(slug)/photos",
                bytes: try Self.form(alt: "Devanture bleue", file: "opaque.png"),
                contentType: Self.multipart, cookie: cookie)
            #expect(sent.status == .seeOther)
            #expect(sent.headers[.location] == "/dashboard/merchants/\(slug)/photos?ok=photo-added#photos")

            let page = try await client.send(.get, "/merchants/\(slug)")
            #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("img-src 'self';") == true)
            let img = try #require(
                page.body.firstMatch(of: /<img class="merchant-logo" src="([^"]+)" srcset="([^"]+)"/))
            #expect(img.2.split(separator: ",").count == 4)
            #expect(img.2.contains("-320.webp 320w") && img.2.contains("-1600.jpg 1600w"))
            #expect(page.body.contains(#"alt="Devanture bleue""#))
            return String(img.1)
        }
        #expect(path.hasPrefix("/photos/") && path.hasSuffix("-640.webp"))
        try await app.test { client in
            let etag = try await client.execute(uri: path, method: .get) { response -> String? in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/webp")
                #expect(response.headers[.cacheControl] == "public, max-age=31536000, immutable")
                #expect(Array(response.body.readableBytesView.prefix(4)) == Array("RIFF".utf8))
                return response.headers[.eTag]
            }
            #expect(etag == "\"\(path.dropFirst("/photos/".count))\"")
            var headers = HTTPFields()
            headers[.ifNoneMatch] = etag
            try await client.execute(uri: path, method: .get, headers: headers) { response in
                #expect(response.status == .notModified && response.body.readableBytes == 0)
            }
            let unknown = "/photos/" + String(repeating: "a", count: 64) + "-640.webp"
            for missing in [unknown, "/photos/nothing.jpg", path.replacingOccurrences(of: ".webp", with: ".png")] {
                try await client.execute(uri: missing, method: .get) { #expect($0.status == .notFound) }
            }
        }
    }

    @Test func aGPSTaggedJPEGIsServedWithoutItsMetadata() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("gps@example.org")
        try await app.test { client in
            _ = try await client.send(
                .post, "/dashboard/merchants/\(slug)/photos",
                bytes: try Self.form(role: "shop", alt: "Le rayon", file: "gps.jpg"), contentType: Self.multipart,
                cookie: "zonehub_session=\(token)")
            let page = try await client.send(.get, "/merchants/\(slug)")
            let src = try #require(page.body.firstMatch(of: /<img class="photo" src="([^"]+)"/)).1
            try await client.execute(uri: String(src), method: .get) { response in
                let bytes = Data(response.body.readableBytesView)
                #expect(response.headers[.contentType] == "image/jpeg" && bytes.starts(with: [0xFF, 0xD8]))
                #expect(!bytes.contains(Data("Exif".utf8)) && !bytes.contains(Data("ZonehubTestCamera".utf8)))
            }
        }
    }

    @Test(arguments: [
        ("text.jpg", "Logo", HTTPResponse.Status.badRequest, "Ce fichier n'est pas une image"),
        ("bomb.png", "Logo", .badRequest, "Cette image est trop grande"),
        ("truncated.jpg", "Logo", .badRequest, "Cette image est abîmée ou incomplète"),
        ("anim.gif", "Logo", .badRequest, "Ce format d'image n'est pas pris en charge"),
        ("gps.jpg", "", .badRequest, "Décrivez la photo en quelques mots"),
    ])
    func aRefusedUploadSaysWhyAndStoresNothing(
        file: String, alt: String, status: HTTPResponse.Status, message: String
    ) async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("refus@example.org")
        let answer = try await app.test { client in
            try await client.send(
                .post, "/dashboard/merchants/\(slug)/photos", bytes: try Self.form(alt: alt, file: file),
                contentType: Self.multipart, cookie: "zonehub_session=\(token)")
        }
        #expect(answer.status == status)
        #expect(answer.body.replacingOccurrences(of: "&#39;", with: "'").contains(message), "\(answer.body)")
        #expect(try await app.database.readGRDB { try Int.fetchOne($0, sql: "SELECT count(*) FROM photo") } == 0)
    }

    @Test func anUploadPastTenMegabytesIs413WithItsMessage() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("lourd@example.org")
        let answer = try await app.test { client in
            try await client.send(
                .post, "/dashboard/merchants/\(slug)/photos",
                bytes: try Self.form(alt: "Lourd", file: "big.jpg", bytes: Data(count: 10 * 1024 * 1024 + 100_000)),
                contentType: Self.multipart, cookie: "zonehub_session=\(token); zonehub_lang=en")
        }
        #expect(answer.status == .contentTooLarge)
        #expect(answer.body.contains("The photo is larger than 10 MB"))
    }

    @Test func onlyTheOwnerPlacesAndRemovesPhotos() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("owner@example.org")
        let (other, _) = try await app.merchant("other@example.org")
        try await app.test { client in
            let refused = try await client.send(
                .post, "/dashboard/merchants/\(slug)/photos", bytes: try Self.form(alt: "Logo", file: "gps.jpg"),
                contentType: Self.multipart, cookie: "zonehub_session=\(other)")
            #expect(refused.status == .forbidden)
            _ = try await client.send(
                .post, "/dashboard/merchants/\(slug)/photos", bytes: try Self.form(alt: "Logo", file: "gps.jpg"),
                contentType: Self.multipart, cookie: "zonehub_session=\(token)")
            let manage = try await client.send(
                .get, "/dashboard/merchants/\(slug)/photos", cookie: "zonehub_session=\(token)")
            let remove = String(
                try #require(manage.body.firstMatch(of: /href="(\/dashboard\/merchants\/[^"]+\/remove)"/)).1)
            let src = try #require(manage.body.firstMatch(of: /src="(\/photos\/[^"]+)"/)).1
            let confirm = Array("confirm=1".utf8)
            let form = "application/x-www-form-urlencoded"
            #expect(
                try await client.send(
                    .post, remove, bytes: confirm, contentType: form, cookie: "zonehub_session=\(other)"
                ).status == .forbidden)
            // The confirmation step first: what goes, and a button that confirms.
            let ask = try await client.send(.get, remove, cookie: "zonehub_session=\(token)")
            #expect(ask.body.contains("Retirer cette photo ?") && ask.body.contains("<figcaption>Logo</figcaption>"))
            let unconfirmed = try await client.send(
                .post, remove, bytes: [], contentType: form, cookie: "zonehub_session=\(token)")
            #expect(unconfirmed.status == .ok && unconfirmed.body.contains("Retirer cette photo ?"))
            #expect(try await client.send(.get, "/merchants/\(slug)").body.contains("merchant-logo"))
            let removed = try await client.send(
                .post, remove, bytes: confirm, contentType: form, cookie: "zonehub_session=\(token)")
            #expect(removed.status == .seeOther)
            #expect(removed.headers[.location] == "/dashboard/merchants/\(slug)/photos?ok=photo-removed#photos")
            try await client.execute(uri: String(src), method: .get) { #expect($0.status == .notFound) }
            let page = try await client.send(.get, "/merchants/\(slug)")
            #expect(!page.body.contains("merchant-logo"))
        }
    }
}
