import Community
import Directory
import Foundation
import HubTestSupport
import Imaging
import Photos
import PopUps
import Storage
import Testing

/// The one photo of a pop-up venue and of a seasonal market, and the rules of posts' photos, on SQLite in memory and
/// on disk (and on PostgreSQL when the suites run there), with images processed by libvips.
@Suite struct PlacePhotoStoreTests {
    static let engines = [false, true]

    /// Who places them, as the executable's composition says: a venue's zone organisers, a market's zone admins.
    struct Editors: PhotoPlaceEditors {
        let popUps: PopUpService

        func mayEdit(_ place: PhotoPlace, _ user: User) async throws -> Bool {
            switch place.kind {
            case .venue: try await popUps.organises(place.zoneID, user)
            case .market: user.administers(place.zoneID)
            }
        }
    }

    struct Setup {
        let hub: TestHub
        let venue: PopUpVenue
        let organiser: User
        let admin: User
        let market: Market
        let service: PlacePhotoService

        var venuePlace: PhotoPlace { .venue(venue.id.rawValue, zone: venue.zoneID) }
        var marketPlace: PhotoPlace { .market(market.id.rawValue, slug: market.slug, zone: market.zoneID) }

        init(onDisk: Bool) async throws {
            hub = try await TestHub.contract(onDisk: onDisk)
            try await hub.seedZones()
            (venue, organiser) = try await hub.venue()
            admin = try await hub.user("admin-marche@example.org", role: .zoneAdmin, zones: ["alpha"])
            let now = hub.clock.now()
            let day: TimeInterval = 86_400
            market = try await SQLMarketStore(database: hub.hubDatabase.sql).create(
                zoneID: venue.zoneID, slug: "alpha-marche-de-noel",
                draft: MarketDraft(
                    title: "Marché de Noël", description: "", startsAt: now + 10 * day, endsAt: now + 20 * day,
                    applicationsOpenAt: now - day, applicationsCloseAt: now + 5 * day),
                by: admin.id, at: now)
            service = PlacePhotoService(
                store: SQLPlacePhotoStore(database: hub.hubDatabase.sql), processor: VipsPhotoProcessor(),
                editors: Editors(popUps: hub.popUps), clock: hub.clock)
        }

        func rows(_ table: String) async throws -> Int { try await hub.number("SELECT count(*) FROM \(table)") }

        func actions() async throws -> [String] {
            try await hub.audit.entries(zoneID: nil, limit: 10).map(\.action)
        }
    }

    @Test(arguments: engines) func aVenueShowsOnePhotoAndANewOneReplacesIt(onDisk: Bool) async throws {
        let setup = try await Setup(onDisk: onDisk)
        let first = try await setup.service.place(
            try Fixture.data("gps.jpg"), alt: "  La halle un jour de marché ", on: setup.venuePlace,
            by: setup.organiser)
        #expect(first.alt == "La halle un jour de marché")
        #expect(try await setup.service.photo(of: setup.venuePlace) == first)
        let second = try await setup.service.place(
            try Fixture.data("opaque.png"), alt: "La halle vue de la place", on: setup.venuePlace,
            by: setup.organiser)

        #expect(try await setup.service.photo(of: setup.venuePlace) == second)
        #expect(
            try await setup.service.photos(.venue, of: [setup.venue.id.rawValue, 999]) == [
                setup.venue.id.rawValue: second
            ])
        // The replaced photo, placed nowhere else, is gone with its variants; the market shows none.
        #expect(try await setup.hub.texts("SELECT hash FROM photo") == [second.hash])
        #expect(try await setup.rows("popUpVenuePhoto") == 1)
        #expect(try await setup.service.photo(of: setup.marketPlace) == nil)
        #expect(try await setup.actions().prefix(2) == ["popup.venue.photo.set", "popup.venue.photo.set"])
        let entry = try #require(try await setup.hub.audit.entries(zoneID: setup.venue.zoneID, limit: 1).first)
        #expect(entry.subject == "popUpVenue:\(setup.venue.id.rawValue)")
    }

    @Test(arguments: engines) func aMarketsPhotoSharedWithAShopStaysUntilItsLastPlacementGoes(onDisk: Bool)
        async throws
    {
        let setup = try await Setup(onDisk: onDisk)
        let owner = try await setup.hub.user("m@example.org", role: .merchant)
        let merchant = try await setup.hub.merchant("Épicerie du Marché", owner: owner)
        let processed = try await VipsPhotoProcessor().process(try Fixture.data("alpha.png"))
        let now = setup.hub.clock.now()
        let shop = try await SQLPhotoStore(database: setup.hub.hubDatabase.sql).placeOnMerchant(
            processed, merchant: merchant, role: .shop, alt: "Le rayon", limit: 6, by: owner.id, at: now)
        let photo = try await SQLPlacePhotoStore(database: setup.hub.hubDatabase.sql).place(
            processed, on: setup.marketPlace, alt: "Le marché illuminé", by: setup.admin.id, at: now)
        #expect(photo.hash == shop.hash && photo.alt == "Le marché illuminé")
        #expect(try await setup.service.photo(of: setup.marketPlace) == photo)
        #expect(try await setup.rows("photo") == 1)

        try await setup.service.remove(from: setup.marketPlace, by: setup.admin)
        #expect(try await setup.service.photo(of: setup.marketPlace) == nil)
        // Still the shop's photo.
        #expect(try await setup.rows("photo") == 1)
        #expect(try await setup.actions().first == "market.photo.remove")
        await #expect(throws: PhotoNotFound.photo.notFound) {
            try await setup.service.remove(from: setup.marketPlace, by: setup.admin)
        }
    }

    @Test(arguments: engines) func onlyTheZonesOrganisersAndAdminsPlaceOrRemoveThem(onDisk: Bool) async throws {
        let setup = try await Setup(onDisk: onDisk)
        let resident = try await setup.hub.user("habitant@example.org", role: .resident)
        let otherAdmin = try await setup.hub.user("admin-beta@example.org", role: .zoneAdmin, zones: ["beta"])
        for (user, place) in [
            (resident, setup.venuePlace), (otherAdmin, setup.venuePlace), (setup.organiser, setup.marketPlace),
            (otherAdmin, setup.marketPlace),
        ] {
            let error = try await #require(throws: CommunityError.self) {
                try await setup.service.place(try Fixture.data("gps.jpg"), alt: "Photo", on: place, by: user)
            }
            #expect(error.category == .forbidden)
        }
        #expect(try await setup.rows("photo") == 0)
        // The zone's admin places a venue's photo too; a resident cannot take it off.
        _ = try await setup.service.place(
            try Fixture.data("gps.jpg"), alt: "La halle", on: setup.venuePlace, by: setup.admin)
        let error = try await #require(throws: CommunityError.self) {
            try await setup.service.remove(from: setup.venuePlace, by: resident)
        }
        #expect(error.category == .forbidden)
        #expect(try await setup.rows("popUpVenuePhoto") == 1)
    }

    @Test(arguments: [
        ("gps.jpg", " ", "invalid_alt"),
        ("text.jpg", "La halle", "not_an_image"),
        ("bomb.png", "La halle", "image_dimensions_too_large"),
        ("anim.gif", "La halle", "unsupported_image_format"),
    ])
    func aRefusedUploadKeepsThePhotoShown(file: String, alt: String, code: String) async throws {
        let setup = try await Setup(onDisk: false)
        let shown = try await setup.service.place(
            try Fixture.data("opaque.png"), alt: "La halle", on: setup.venuePlace, by: setup.organiser)
        let error = try await #require(throws: CommunityError.self) {
            try await setup.service.place(try Fixture.data(file), alt: alt, on: setup.venuePlace, by: setup.organiser)
        }
        #expect(error.code == code && !error.frenchMessage.isEmpty)
        #expect(try await setup.service.photo(of: setup.venuePlace) == shown)
        #expect(try await setup.rows("photo") == 1)
    }

    @Test(arguments: engines) func theDatabaseHoldsOnePhotoPerVenueAndPerMarket(onDisk: Bool) async throws {
        let setup = try await Setup(onDisk: onDisk)
        let photo = try await setup.service.place(
            try Fixture.data("gps.jpg"), alt: "La halle", on: setup.venuePlace, by: setup.organiser)
        _ = try await setup.service.place(
            try Fixture.data("gps.jpg"), alt: "Le marché", on: setup.marketPlace, by: setup.admin)
        for (table, column, id) in [
            ("popUpVenuePhoto", "venueId", setup.venue.id.rawValue),
            ("marketPhoto", "marketId", setup.market.id.rawValue),
        ] {
            await #expect(throws: (any Error).self) {
                try await setup.hub.execute(
                    """
                    INSERT INTO \(table) (\(column), photoHash, alt, addedAt)
                    VALUES (\(id), '\(photo.hash)', 'Seconde', CURRENT_TIMESTAMP)
                    """)
            }
        }
        #expect(try await setup.rows("popUpVenuePhoto") == 1)
        #expect(try await setup.rows("marketPhoto") == 1)
    }

    @Test(arguments: engines) func aPostTakesPhotosWhileItsMerchantMayEditIt(onDisk: Bool) async throws {
        let setup = try await Setup(onDisk: onDisk)
        let owner = try await setup.hub.user("m@example.org", role: .merchant)
        let merchant = try await setup.hub.merchant("Épicerie du Marché", owner: owner)
        let other = try await setup.hub.merchant("Boulangerie", owner: owner)
        let photos = PhotoService(
            store: SQLPhotoStore(database: setup.hub.hubDatabase.sql), processor: VipsPhotoProcessor(),
            clock: setup.hub.clock)
        let posts = setup.hub.posts()
        let draft = try await posts.create(Samples.offer(), merchantSlug: merchant.slug, zoneSlug: "alpha", by: owner)
        let published = try await posts.submit(draft.id, by: owner)
        #expect(published.status == .published)
        let placed = try await photos.addToPost(
            try Fixture.data("gps.jpg"), alt: "Le panier", post: published, merchant: merchant, by: owner)
        #expect(try await setup.actions().first == "post.photo.add")
        // Through another of the owner's merchants, the post is not theirs.
        let error = try await #require(throws: CommunityError.self) {
            try await photos.addToPost(
                try Fixture.data("gps.jpg"), alt: "Le panier", post: published, merchant: other, by: owner)
        }
        #expect(error.category == .forbidden)

        let withdrawn = try await posts.withdraw(published.id, by: owner)
        let closed = try await #require(throws: CommunityError.self) {
            try await photos.addToPost(
                try Fixture.data("alpha.png"), alt: "Encore", post: withdrawn, merchant: merchant, by: owner)
        }
        #expect(closed.code == "post_not_editable")
        // Its photos can still be taken off.
        try await photos.removeFromPost(placed.id, post: withdrawn, merchant: merchant, by: owner)
        #expect(try await photos.photos(of: [withdrawn]).isEmpty)
    }
}
