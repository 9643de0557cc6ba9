import Community
import Foundation
import HTTPTypes
import HubTestSupport
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

/// The review queue as a volunteer works through it: one card per post with its title as a heading, its photos,
/// labelled fields and decisions that look different; after a decision, a sentence saying what happened stands just
/// above the card that followed.
@Suite struct ModerationQueuePagesTests {
    static let form = "application/x-www-form-urlencoded"

    struct Queue {
        let app: TestApp
        let cookie: String
        let posts: [Int]
    }

    /// Camille administers the Oise, which reviews every post; a shop there submits three, the first with a photo.
    func oiseQueue(photo withPhoto: Bool = true) async throws -> Queue {
        let app = try await TestApp(clock: GoldenPagesTests.Clock())
        let (_, admin) = try await app.account("camille@example.org", role: .zoneAdmin, zones: ["oise"])
        let (token, slug) = try await app.merchant("epicerie@example.org", zone: "oise")
        var ids: [Int] = []
        for title in ["Soupe du jour", "Pain aux noix", "Confiture de coings"] {
            let body =
                #"{"merchant": "\#(slug)", "zone": "oise", "kind": "news", "title": "\#(title)", "body": "Au comptoir.", "category": "alimentation", "submit": true}"#
            let answer = try await app.test { try await $0.send(.post, "/api/v1/posts", token: token, json: body) }
            ids.append(try #require(try decodeJSON(answer.body)["id"] as? Int))
        }
        let first = ids[0]
        guard withPhoto else { return Queue(app: app, cookie: "zonehub_session=\(admin)", posts: ids) }
        let photo = try await app.test {
            try await $0.send(
                .post, "/dashboard/posts/\(first)/photos",
                bytes: try PhotoHTTPTests.form(alt: "Une soupière fumante", file: "opaque.png"),
                contentType: PhotoHTTPTests.multipart, cookie: "zonehub_session=\(token)")
        }
        #expect(photo.status == .seeOther)
        return Queue(app: app, cookie: "zonehub_session=\(admin)", posts: ids)
    }

    func get(_ queue: Queue, _ path: String, language: String = "") async throws -> (
        status: HTTPResponse.Status, body: String, headers: HTTPFields
    ) {
        let cookie = queue.cookie + language
        return try await queue.app.test { try await $0.send(.get, path, cookie: cookie) }
    }

    func decide(_ queue: Queue, _ post: Int, _ action: String, _ fields: String) async throws -> (
        status: HTTPResponse.Status, body: String, headers: HTTPFields
    ) {
        let cookie = queue.cookie
        return try await queue.app.test {
            try await $0.send(
                .post, "/zones/oise/moderation/\(post)/\(action)", json: fields, contentType: Self.form,
                cookie: cookie)
        }
    }

    @Test func eachPostIsACardWithItsTitleAsAHeadingItsPhotoAndEveryFieldLabelled() async throws {
        let queue = try await oiseQueue()
        let (a, b, c) = (queue.posts[0], queue.posts[1], queue.posts[2])
        let page = try await get(queue, "/zones/oise/moderation")
        #expect(page.status == .ok)
        let body = page.body
        #expect(body.matches(of: /<h1[ >]/).count == 1)
        #expect(body.matches(of: /<section class="queue-item"/).count == 3)
        #expect(body.contains(#"<h2 class="queue-title" id="title-\#(a)">Soupe du jour</h2>"#))
        #expect(body.contains(#"aria-labelledby="title-\#(b)""#))
        // Only the first post has a photo: one thumbnail, described, opening its larger copy.
        #expect(body.matches(of: /<img class="queue-thumb"/).count == 1)
        #expect(body.contains(#"alt="Une soupière fumante""#))
        // Every field has a visible label naming it, and every label a field.
        let ids = body.matches(of: /<(?:input|select)[^>]* id="([^"]+)"/).map { String($0.1) }
        let labelled = Set(body.matches(of: /<label for="([^"]+)"/).map { String($0.1) })
        #expect(ids.count == 3 * 3 + 2 && Set(ids) == labelled)
        #expect(body.matches(of: /<input (?![^>]*type="(?:hidden|checkbox)")(?![^>]*\bid=)[^>]*>/).isEmpty)
        #expect(body.matches(of: /<label class="check"><input type="checkbox" name="ids"/).count == 3)
        // Three decisions, three looks: approve green, refuse outlined red, send back grey.
        #expect(body.matches(of: /<button type="submit" class="approve">Approuver<\/button>/).count == 3)
        #expect(body.matches(of: /<button type="submit" class="reject">Refuser<\/button>/).count == 3)
        #expect(body.matches(of: /class="secondary">Demander des modifications/).count == 3)
        // Each card's forms name the card after it; the last names none.
        #expect(body.matches(of: try Regex(#"name="next" value="\#(b)""#)).count == 3)
        #expect(body.matches(of: try Regex(#"name="next" value="\#(c)""#)).count == 3)
        #expect(body.matches(of: /name="next"/).count == 6)
        let css = try await get(queue, "/static/site.css").body
        #expect(
            css.contains("button.approve { background: #2e6b34") && css.contains("button.reject { background: #fff"))
    }

    @Test func aDecisionLeadsToTheNextCardWithASentenceSayingWhatHappened() async throws {
        let queue = try await oiseQueue()
        let (a, b, c) = (queue.posts[0], queue.posts[1], queue.posts[2])
        let approved = try await decide(queue, a, "approve", "next=\(b)")
        #expect(approved.status == .seeOther)
        let location = try #require(approved.headers[.location])
        #expect(location == "/zones/oise/moderation?ok=approved&post=\(a)&next=\(b)#decided")
        let page = try await get(queue, String(location.prefix { $0 != "#" }))
        let notice = #"<p class="notice" role="status" id="decided">« Soupe du jour » est approuvée et en ligne.</p>"#
        #expect(page.body.contains(notice + #"<section class="queue-item" id="item-\#(b)""#))
        #expect(!page.body.contains(#"id="item-\#(a)""#))

        let rejected = try await decide(queue, b, "reject", "reason=duplicate&note=D%C3%A9j%C3%A0+vu&next=\(c)")
        #expect(rejected.headers[.location] == "/zones/oise/moderation?ok=rejected&post=\(b)&next=\(c)#decided")
        let afterRejection = try await get(queue, "/zones/oise/moderation?ok=rejected&post=\(b)&next=\(c)")
        #expect(afterRejection.body.contains("« Pain aux noix » est refusée ; le motif est enregistré.</p>"))

        // The last card has no next one: the sentence stands where the list was.
        let sentBack = try await decide(queue, c, "request-changes", "note=Ajoutez+le+prix")
        #expect(sentBack.headers[.location] == "/zones/oise/moderation?ok=changes-requested&post=\(c)#decided")
        let empty = try await get(queue, "/zones/oise/moderation?ok=changes-requested&post=\(c)")
        #expect(
            empty.body.contains(
                #"id="decided">« Confiture de coings » retourne au commerçant avec ce qu&#39;il faut modifier.</p><p class="empty">"#
            ))
        let english = try await get(
            queue, "/zones/oise/moderation?ok=approved&post=\(a)", language: "; zonehub_lang=en")
        #expect(english.body.contains("“Soupe du jour” is approved and online.</p>"))
    }

    @Test func anAddressNamingNoDecisionOfOursShowsNoSentence() async throws {
        let queue = try await oiseQueue()
        let a = queue.posts[0]
        for query in ["ok=%3Cscript%3E&post=\(a)", "ok=approved&post=abc", "ok=approved", "post=\(a)"] {
            let page = try await get(queue, "/zones/oise/moderation?\(query)")
            #expect(page.status == .ok && !page.body.contains(#"id="decided""#), "\(query)")
            #expect(!page.body.contains("<script"), "\(query)")
        }
    }

    @Test func aPostDecidedTwiceSaysItInFrenchBesideTheQueueAndStaysAsDecided() async throws {
        let queue = try await oiseQueue()
        let a = queue.posts[0]
        _ = try await decide(queue, a, "approve", "")
        let again = try await decide(queue, a, "reject", "reason=duplicate")
        #expect(again.status == .conflict)
        let alert = try #require(again.body.firstMatch(of: /<p class="error" role="alert">([^<]+)<\/p>/))
        #expect(alert.1.contains("déjà") && !alert.1.contains("already"))
        #expect(again.body.contains("File de modération"))
        let post = try await queue.app.hub.posts.post(Post.ID(Int64(a)), viewer: nil)
        #expect(post.status == .published)
        let badReason = try await decide(queue, queue.posts[1], "reject", "reason=nonsense")
        #expect(badReason.status == .badRequest)
        let still = try await get(queue, "/zones/oise/moderation")
        #expect(still.body.contains(#"id="item-\#(queue.posts[1])""#))
    }

    /// The queue after a decision, from fixed inputs, against `Golden/zones-oise-moderation.html` (re-record with
    /// `ZONEHUB_RECORD_GOLDEN=1`); the tests above read the same markup back.
    @Test func theQueueAfterADecisionMatchesItsGoldenFile() async throws {
        let queue = try await oiseQueue(photo: false)
        let (a, b) = (queue.posts[0], queue.posts[1])
        _ = try await decide(queue, a, "approve", "next=\(b)")
        let page = try await get(queue, "/zones/oise/moderation?ok=approved&post=\(a)&next=\(b)")
        #expect(page.status == .ok)
        #expect(page.body == (try Golden.recorded(page.body, as: "zones-oise-moderation.html")))
    }
}
