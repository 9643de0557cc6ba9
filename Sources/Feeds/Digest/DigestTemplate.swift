import Community
import Foundation
import Synchronization

/// A digest rendered once for every subscriber who gets the same content: only the signed manage link differs
/// from one subscriber to the next, and it is filled in per message.
package struct DigestTemplate: Sendable {
    package let subject: String
    private let textPieces: [String]
    private let htmlPieces: [String]

    /// Renders `content`; its `manageURL` is ignored and given to `text(manageURL:)` and `html(manageURL:)`.
    package init(_ content: DigestContent) {
        // A marker no post can guess (it changes with each process), so a post cannot place the link elsewhere.
        var marked = content
        marked.manageURL = Self.marker
        subject = DigestRenderer.subject(content)
        textPieces = DigestRenderer.text(marked).components(separatedBy: Self.marker)
        htmlPieces = DigestRenderer.html(marked).components(separatedBy: PlainText.escape(Self.marker))
    }

    package func text(manageURL: String) -> String { textPieces.joined(separator: manageURL) }

    package func html(manageURL: String) -> String { htmlPieces.joined(separator: PlainText.escape(manageURL)) }

    private static let marker = "zonehub-manage-\(UUID().uuidString)"
}

/// Digest templates kept for the subscribers who share a digest's content, during a delivery run. An entry is
/// used only if its posts and zones still equal the ones read for the message, so an edit in between re-renders.
package final class DigestTemplates: Sendable {
    private struct Key: Hashable {
        let frequency: DigestFrequency
        let periodStart: Date
        let zones: [Zone.ID]
        let posts: [Post.ID]
        let omitted: [String: Int]
        let baseURL: String
    }

    private struct Entry {
        let posts: [Post]
        let zones: [Zone]
        let template: DigestTemplate
    }

    private let kept = Mutex<[Key: Entry]>([:])
    private let capacity: Int

    package init(capacity: Int = 256) { self.capacity = capacity }

    /// The template for `content`, rendered now unless an equal content was rendered before.
    package func template(for content: DigestContent) -> DigestTemplate {
        let key = Key(
            frequency: content.frequency, periodStart: content.periodStart, zones: content.zones.map(\.id),
            posts: content.posts.map(\.id), omitted: content.omitted, baseURL: content.baseURL)
        if let entry = kept.withLock({ $0[key] }), entry.posts == content.posts, entry.zones == content.zones {
            return entry.template
        }
        let template = DigestTemplate(content)
        kept.withLock { kept in
            // A run's distinct contents are few (zones × categories × frequency); past the bound, start again.
            if kept.count >= capacity { kept.removeAll(keepingCapacity: true) }
            kept[key] = Entry(posts: content.posts, zones: content.zones, template: template)
        }
        return template
    }
}
