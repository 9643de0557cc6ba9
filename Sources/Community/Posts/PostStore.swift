import Foundation

/// Storage of posts; every write records its audit entry in the same transaction.
package protocol PostStore: Sendable {
    func create(
        zoneID: Zone.ID, merchantID: Merchant.ID, content: PostContent, by actor: User.ID, at date: Date
    ) async throws -> Post
    /// Writes a new post already submitted, in `status`: its creation and its submission are audited in the same
    /// transaction.
    func createSubmitted(
        zoneID: Zone.ID, merchantID: Merchant.ID, content: PostContent, status: PostStatus, heldReasons: [String],
        by actor: User.ID, at date: Date
    ) async throws -> Post
    /// Replaces the content and sets the status in one step, provided the post is still `expected`.
    func update(
        _ id: Post.ID, content: PostContent, status: PostStatus, heldReasons: [String], expected: PostStatus,
        action: CommunityAuditAction, by actor: User.ID, at date: Date
    ) async throws -> Post
    /// Moves a post from `expected` to `status`; fails with `stale_status` when it is no longer `expected`.
    func transition(
        _ id: Post.ID, from expected: PostStatus, to status: PostStatus, heldReasons: [String],
        action: CommunityAuditAction,
        by actor: User.ID?, at date: Date
    ) async throws -> Post
    func post(id: Post.ID) async throws -> Post?
    func posts(_ query: PostQuery) async throws -> [Post]
    /// Publishes scheduled posts whose time has come and expires published posts whose validity ended.
    func advance(to now: Date) async throws -> (published: Int, expired: Int)
    func count() async throws -> Int
    /// Posts in `zones` first published in (`after`, `through`] and still published and valid at `through`:
    /// what a digest for that period may show, newest first.
    func publishedForDigest(in zones: [Zone.ID], after: Date, through: Date) async throws -> [Post]
    /// The posts with these ids, in any status (a digest renders the posts chosen when it was composed).
    func posts(ids: [Post.ID]) async throws -> [Post]
}
