import Community
import Hummingbird

/// What a request carries through the routes: who is signed in, and in which language to answer.
struct HubRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    var user: User?
    var sessionToken: String?
    var language: Language = .fr
    /// The hub's identity and the signed-in person's zones, for the pages' layout (`PageFrameMiddleware`).
    var frame = PageFrame()
    /// The peer's IP address, for rate limits and proof of consent ("local" in tests without a socket).
    let clientAddress: String

    init(source: Source) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    /// Bodies larger than this are refused with 413 before they are read.
    var maxUploadSize: Int { HubRequestContext.bodyLimit }
    static let bodyLimit = 64 * 1024

    /// The signed-in user, or `unauthenticated`.
    func requireUser() throws -> User {
        guard let user else { throw CommunityError.unauthenticated }
        return user
    }
}
