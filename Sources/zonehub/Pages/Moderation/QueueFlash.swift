import Community
import Foundation
import Hummingbird
import Moderation

/// What the queue says after a decision, named in the address the decision redirects to
/// (`?ok=approved&post=12&next=13#decided`): the decision, the post it was about and the card that followed it.
/// Only these fixed sentences are shown, with the post's title as stored, never the address's own text.
struct QueueFlash: Equatable {
    enum Outcome: String, CaseIterable {
        case approved
        case rejected
        case changesRequested = "changes-requested"

        init(_ action: DecisionAction) {
            switch action {
            case .approve: self = .approved
            case .reject, .remove: self = .rejected
            case .requestChanges: self = .changesRequested
            }
        }
    }

    let outcome: Outcome
    let post: Post.ID
    /// The card that came after the decided one, if the page still shows it.
    let next: Post.ID?

    /// The flash named in the request's query, if it is one of ours.
    init?(_ request: Request) {
        let query = request.uri.queryParameters
        guard let outcome = query.get("ok").flatMap({ Outcome(rawValue: String($0)) }),
            let post = query.get("post").flatMap({ Int64(String($0)) })
        else { return nil }
        self.init(
            outcome: outcome, post: Post.ID(post),
            next: query.get("next").flatMap { Int64(String($0)) }.map(Post.ID.init))
    }

    init(outcome: Outcome, post: Post.ID, next: Post.ID?) {
        self.outcome = outcome
        self.post = post
        self.next = next
    }

    /// The queue's address with this flash, scrolled to the message beside the next card.
    func on(_ base: String) -> String {
        base + "?ok=\(outcome.rawValue)&post=\(post.rawValue)" + (next.map { "&next=\($0.rawValue)" } ?? "")
            + "#decided"
    }

    /// The sentence, naming the post when it can still be read (`decided`), and what happens to it now.
    func text(_ decided: Post?, _ t: Language) -> String {
        let title = decided.map { t("« \($0.content.title) »", "“\($0.content.title)”") }
        switch outcome {
        case .approved:
            let what = title ?? t("La publication", "The post")
            if let post = decided, post.status == .scheduled, let at = post.content.publishAt {
                return t(
                    "\(what) est approuvée ; elle paraîtra le \(Formats.dateTime(at, t)).",
                    "\(what) is approved; it will appear on \(Formats.dateTime(at, t)).")
            }
            return t("\(what) est approuvée et en ligne.", "\(what) is approved and online.")
        case .rejected:
            return t(
                "\(title ?? "La publication") est refusée ; le motif est enregistré.",
                "\(title ?? "The post") is rejected; the reason is recorded.")
        case .changesRequested:
            return t(
                "\(title ?? "La publication") retourne au commerçant avec ce qu'il faut modifier.",
                "\(title ?? "The post") goes back to the merchant with what to change.")
        }
    }
}
