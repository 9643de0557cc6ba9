import Community
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

/// A merchant's photos of a post, through the dashboard pages: added with their text, shown on the post's page and in
/// the zone's and the home page's cards, taken off only after the confirmation step.
@Suite struct PostPhotoHTTPTests {
    /// A published Dordogne post of a fresh merchant, with the merchant's session cookie.
    static func post(_ app: TestApp, _ email: String) async throws -> (cookie: String, post: Post) {
        let (token, slug) = try await app.merchant(email)
        let owner = try #require(try await app.hub.accounts.user(token: token))
        let draft = try await app.hub.posts.create(
            PostContent(kind: .offer, title: "Pain de Noël", body: "Au levain.", category: .alimentation),
            merchantSlug: slug, zoneSlug: "dordogne", by: owner)
        let post = try await app.hub.posts.submit(draft.id, by: owner)
        return ("zonehub_session=\(token)", post)
    }

    static func upload(_ client: any TestClientProtocol, _ post: Post, cookie: String, alt: String, file: String)
        async throws -> (status: HTTPResponse.Status, body: String, headers: HTTPFields)
    {
        try await client.send(
            .post, "/dashboard/posts/\(post.id.rawValue)/photos", bytes: try PhotoHTTPTests.form(alt: alt, file: file),
            contentType: PhotoHTTPTests.multipart, cookie: cookie)
    }

    /// Adds one photo ("Miche dorée"); returns the photos page and the link of its removal step.
    static func uploadedOne(_ client: any TestClientProtocol, _ post: Post, cookie: String) async throws
        -> (page: String, removal: String)
    {
        _ = try await upload(client, post, cookie: cookie, alt: "Miche dorée", file: "gps.jpg")
        let managed = try await client.send(.get, "/dashboard/posts/\(post.id.rawValue)/photos", cookie: cookie)
        let link = try #require(managed.body.firstMatch(of: /href="(\/dashboard\/posts\/\d+\/photos\/\d+\/remove)"/))
        return (managed.body, String(link.1))
    }

    @Test func aPhotoAddedToAPostShowsOnItsPageAndAsItsCardsThumbnail() async throws {
        let app = try await TestApp()
        let (cookie, post) = try await Self.post(app, "pain@example.org")
        let id = post.id.rawValue
        try await app.test { client in
            let dashboard = try await client.send(.get, "/dashboard", cookie: cookie)
            #expect(dashboard.body.contains("href=\"/dashboard/posts/\(id)/photos\""))
            let empty = try await client.send(.get, "/dashboard/posts/\(id)/photos", cookie: cookie)
            #expect(empty.status == .ok && empty.body.contains("Pas encore de photo."))
            #expect(empty.body.contains("une photo ajoutée s&#39;y montre aussitôt"))

            let sent = try await Self.upload(client, post, cookie: cookie, alt: "Miche dorée", file: "gps.jpg")
            #expect(sent.status == .seeOther)
            #expect(sent.headers[.location] == "/dashboard/posts/\(id)/photos?ok=photo-added#photos")
            let managed = try await client.send(.get, "/dashboard/posts/\(id)/photos?ok=photo-added", cookie: cookie)
            #expect(managed.body.contains("La photo est ajoutée."))
            #expect(managed.body.contains("<figcaption>Miche dorée</figcaption>"))

            let page = try await client.send(.get, "/posts/\(id)")
            let gallery = try #require(
                page.body.firstMatch(of: /<ul class="photo-gallery"[^>]*>(.*?)<\/ul>/.dotMatchesNewlines()))
            #expect(gallery.1.contains("alt=\"Miche dorée\"") && gallery.1.contains("srcset=\""))
            #expect(gallery.1.contains("sizes=\"(min-width: 900px) 280px"))
            for listing in ["/zones/dordogne", "/"] {
                let cards = try await client.send(.get, listing)
                let thumb = try #require(
                    cards.body.firstMatch(
                        of:
                            /<img class="card-thumb" src="(\/photos\/[^"]+)" srcset="[^"]+" sizes="[^"]+"[^>]*alt="Miche dorée"/
                    ),
                    "\(listing)")
                try await client.execute(uri: String(thumb.1), method: .get) { #expect($0.status == .ok) }
            }
        }
    }

    @Test func removingAPostsPhotoAsksFirstAndSaysWhatIsRemoved() async throws {
        let app = try await TestApp()
        let (cookie, post) = try await Self.post(app, "retrait@example.org")
        let id = post.id.rawValue
        try await app.test { client in
            let (managed, link) = try await Self.uploadedOne(client, post, cookie: cookie)
            let src = String(try #require(managed.firstMatch(of: /src="(\/photos\/[^"]+)"/)).1)

            let ask = try await client.send(.get, link, cookie: cookie)
            #expect(ask.status == .ok)
            #expect(ask.body.contains("Retirer cette photo ?"))
            #expect(ask.body.contains("retirée de la publication « Pain de Noël »"))
            #expect(ask.body.contains("<figcaption>Miche dorée</figcaption>"))
            #expect(ask.body.contains("<input type=\"hidden\" name=\"confirm\" value=\"1\">"))
            // Without the confirmation, the same question again, and the photo stays.
            let unconfirmed = try await client.send(
                .post, link, bytes: Array("".utf8), contentType: "application/x-www-form-urlencoded", cookie: cookie)
            #expect(unconfirmed.status == .ok && unconfirmed.body.contains("Retirer cette photo ?"))
            #expect(try await client.send(.get, "/posts/\(id)").body.contains("photo-gallery"))

            let removed = try await client.send(
                .post, link, bytes: Array("confirm=1".utf8), contentType: "application/x-www-form-urlencoded",
                cookie: cookie)
            #expect(removed.status == .seeOther)
            #expect(removed.headers[.location] == "/dashboard/posts/\(id)/photos?ok=photo-removed#photos")
            #expect(!(try await client.send(.get, "/posts/\(id)").body.contains("photo-gallery")))
            try await client.execute(uri: src, method: .get) { #expect($0.status == .notFound) }
            #expect(try await client.send(.get, link, cookie: cookie).status == .notFound)
        }
        let actions = try await app.hub.audit.entries(zoneID: nil, limit: 3).map(\.action)
        #expect(actions.prefix(2) == ["post.photo.remove", "post.photo.add"])
    }

    @Test func anotherMerchantNeitherSeesNorChangesThePostsPhotos() async throws {
        let app = try await TestApp()
        let (cookie, post) = try await Self.post(app, "proprio@example.org")
        let (other, _) = try await app.merchant("voisin@example.org")
        let id = post.id.rawValue
        try await app.test { client in
            let (_, link) = try await Self.uploadedOne(client, post, cookie: cookie)
            let theirs = "zonehub_session=\(other)"
            #expect(try await client.send(.get, "/dashboard/posts/\(id)/photos", cookie: theirs).status == .forbidden)
            #expect(
                try await Self.upload(client, post, cookie: theirs, alt: "Intrus", file: "alpha.png").status
                    == .forbidden)
            #expect(
                try await client.send(
                    .post, link, bytes: Array("confirm=1".utf8), contentType: "application/x-www-form-urlencoded",
                    cookie: theirs
                ).status == .forbidden)
        }
        #expect(try await app.hub.photos.photos(of: [post])[post.id]?.map(\.alt) == ["Miche dorée"])
    }

    @Test func aFifthPhotoIsRefusedWithItsMessageAndTheFourStay() async throws {
        let app = try await TestApp()
        let (cookie, post) = try await Self.post(app, "quatre@example.org")
        try await app.test { client in
            for (number, file) in ["gps.jpg", "alpha.png", "photo.webp", "opaque.png"].enumerated() {
                let sent = try await Self.upload(client, post, cookie: cookie, alt: "Photo \(number + 1)", file: file)
                #expect(sent.status == .seeOther)
            }
            let full = try await client.send(.get, "/dashboard/posts/\(post.id.rawValue)/photos", cookie: cookie)
            #expect(full.body.contains("Quatre photos au plus") && !full.body.contains("type=\"file\""))
            let refused = try await Self.upload(client, post, cookie: cookie, alt: "Cinquième", file: "gps.jpg")
            #expect(refused.status == .conflict)
            #expect(refused.body.contains("Le nombre de photos est atteint"))
        }
        #expect(try await app.hub.photos.photos(of: [post])[post.id]?.count == 4)
    }
}
