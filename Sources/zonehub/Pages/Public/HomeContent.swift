import Community
import Directory
import Foundation
import Photos
import PopUps

/// What the home page lists besides the zones, each list read with a small bound on an index: the latest live
/// posts across zones (`post(status, …)`), the markets that have not ended (one read per zone on
/// `market(zoneId, endsAt)`), and the coming open pop-up slots (`popUpSlot(startsAt)`) with their venues.
struct HomeContent {
    static let postCount = 6
    static let marketCount = 6
    static let slotCount = 6

    var posts: [Post] = []
    var markets: [Market] = []
    var slots: [PopUpSlot] = []
    var venues: [PopUpVenue.ID: PopUpVenue] = [:]
    /// The posts' photos (the first of each is its card's thumbnail), and the markets' photos by market.
    var photos: [Post.ID: [PlacedPhoto]] = [:]
    var marketPhotos: [Int64: PlacedPhoto] = [:]
    var venuePhotos: [Int64: PlacedPhoto] = [:]

    static func load(zones: [Zone], posts: PostService, markets: MarketService, popUps: PopUpService) async throws
        -> HomeContent
    {
        var content = HomeContent()
        content.posts = try await posts.live(zone: nil, limit: postCount)
        var coming: [Market] = []
        for zone in zones { coming += try await markets.current(zone: zone) }
        content.markets = Array(
            coming.sorted { ($0.draft.startsAt, $0.id.rawValue) < ($1.draft.startsAt, $1.id.rawValue) }
                .prefix(marketCount))
        content.slots = try await popUps.upcoming(limit: slotCount)
        for id in Set(content.slots.map(\.venueID)) {
            content.venues[id] = try? await popUps.venue(id)
        }
        return content
    }
}
