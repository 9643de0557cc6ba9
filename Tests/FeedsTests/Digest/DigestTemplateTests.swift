import Community
import Foundation
import Testing

@testable import Feeds

@Suite struct DigestTemplateTests {
    static let content = DigestRendererTests.content

    static func withManageURL(_ url: String) -> DigestContent {
        var content = content
        content.manageURL = url
        return content
    }

    @Test func aFilledTemplateEqualsTheDigestRenderedForThatSubscriber() {
        let template = DigestTemplate(Self.content)
        // A link with characters HTML must escape, to show the link is escaped where the renderer escapes it.
        for url in [Self.content.manageURL, "https://zones.example.org/subscriptions/manage?token=a&b=<c>"] {
            let subscriber = Self.withManageURL(url)
            #expect(template.subject == DigestRenderer.subject(subscriber))
            #expect(template.text(manageURL: url) == DigestRenderer.text(subscriber))
            #expect(template.html(manageURL: url) == DigestRenderer.html(subscriber))
        }
    }

    @Test func subscribersWithTheSameContentShareOneRendering() {
        let templates = DigestTemplates()
        let first = templates.template(for: Self.withManageURL("https://zones.example.org/m?token=1"))
        let second = templates.template(for: Self.withManageURL("https://zones.example.org/m?token=2"))
        #expect(second.text(manageURL: "X") == first.text(manageURL: "X"))
        #expect(second.text(manageURL: "https://zones.example.org/m?token=2").contains("token=2"))
    }

    @Test func anEditedPostIsRenderedAgainEvenWithTheSameIDs() {
        let templates = DigestTemplates()
        _ = templates.template(for: Self.content)
        var edited = Self.content
        let post = edited.posts[0]
        edited.posts[0] = Post(
            id: post.id, zoneID: post.zoneID, zoneSlug: post.zoneSlug, merchantID: post.merchantID,
            merchantSlug: post.merchantSlug, merchantName: "Librairie renommée", content: post.content,
            status: post.status, heldReasons: post.heldReasons, createdAt: post.createdAt, updatedAt: post.updatedAt,
            publishedAt: post.publishedAt)
        let text = templates.template(for: edited).text(manageURL: edited.manageURL)
        #expect(text.contains("Librairie renommée"))
        #expect(text == DigestRenderer.text(edited))
    }
}
