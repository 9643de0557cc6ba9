import Community
import Hummingbird
import PopUps

/// What every page's layout needs besides the page itself: the hub's identity and address, and the zones the
/// signed-in person administers or organises (for the account menu).
struct PageFrame: Sendable {
    var identity = HubIdentity()
    /// The hub's public address, for structured data.
    var publicURL = ""
    var administered: [ZoneLink] = []
    var organised: [ZoneLink] = []
}

/// A zone as links name it.
struct ZoneLink: Sendable, Equatable {
    let slug: String
    let name: String

    init(slug: String, name: String) {
        self.slug = slug
        self.name = name
    }

    init(_ zone: Zone) { self.init(slug: zone.slug, name: zone.name) }
}

/// Puts the hub's identity into every request's frame, error pages included (it sits outside the error middleware).
struct PageFrameMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext
    let identity: HubIdentity
    let publicURL: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var context = context
        context.frame.identity = identity
        context.frame.publicURL = publicURL
        return try await next(request, context)
    }
}

/// Finds the zones a signed-in person administers and organises, for the header's account menu: two small indexed
/// reads, for signed-in pages only (visitors and the API skip them).
struct AccountZonesMiddleware: RouterMiddleware {
    typealias Context = HubRequestContext
    let zones: ZoneService
    let popUps: PopUpService

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let user = context.user, !request.uri.path.hasPrefix("/api/") else {
            return try await next(request, context)
        }
        var context = context
        let organised = try await popUps.organisedZones(user)
        for zone in try await zones.active() {
            // An operator administers every zone: the console is their way in, not a list of every queue.
            if user.role == .zoneAdmin && user.administers(zone.id) {
                context.frame.administered.append(ZoneLink(zone))
            } else if organised.contains(zone.id) {
                context.frame.organised.append(ZoneLink(zone))
            }
        }
        return try await next(request, context)
    }
}

extension ZoneService {
    /// The zone as the header and breadcrumbs link to it; nil when it is gone (the page then shows no zone).
    func link(_ slug: String?) async -> ZoneLink? {
        guard let slug, let zone = try? await zone(slug: slug) else { return nil }
        return ZoneLink(zone)
    }

    /// The active zone with `id`, as links name it.
    func link(id: Zone.ID) async -> ZoneLink? {
        (try? await active())?.first { $0.id == id }.map(ZoneLink.init)
    }
}
