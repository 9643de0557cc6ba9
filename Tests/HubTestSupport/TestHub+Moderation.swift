import Community
import Moderation

extension TestHub {
    /// The moderation queue on this hub's stores; notices go nowhere (mail delivery is tested with mail).
    package var queue: ModerationQueue {
        ModerationQueue(
            store: moderationStore, posts: postStore, zones: zoneStore, merchants: merchantStore,
            notifier: SilentNotifier(), clock: clock)
    }

    /// Posts screened by the zone rules, as the hub screens them.
    package var screenedPosts: PostService {
        posts(screener: RuleScreener(store: moderationStore, clock: clock))
    }
}

/// A notifier that tells no one.
package struct SilentNotifier: ModerationNotifier {
    package init() {}
    package func decided(_ decision: Decision, about post: Post) async {}
}
