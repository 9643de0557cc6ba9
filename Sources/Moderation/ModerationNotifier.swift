import Community

/// Tells a merchant what was decided about their post. The mail issue delivers through this seam; until then the
/// executable logs the notice.
package protocol ModerationNotifier: Sendable {
    func decided(_ decision: Decision, about post: Post) async
}
