import Community
import Foundation
import HubTestSupport
import Imaging
import Photos
import Storage
import Testing

/// The photo store's contract and the service's refusals, on SQLite in memory and on disk (and on PostgreSQL when
/// the suites run there), with images processed by libvips.
@Suite struct PhotoStoreTests {
    static let engines = [false, true]

    struct Setup {
        let hub: TestHub
        let owner: User
        let merchant: Merchant
        let service: PhotoService
        var store: SQLPhotoStore { SQLPhotoStore(database: hub.hubDatabase.sql) }

        init(onDisk: Bool) async throws {
            hub = try await TestHub.contract(onDisk: onDisk)
            try await hub.seedZones()
            owner = try await hub.user("m@example.org", role: .merchant)
            merchant = try await hub.merchant("Épicerie du Marché", owner: owner)
            service = PhotoService(
                store: SQLPhotoStore(database: hub.hubDatabase.sql), processor: VipsPhotoProcessor(),
                clock: hub.clock)
        }

        func rows(_ table: String) async throws -> Int { try await hub.number("SELECT count(*) FROM \(table)") }
    }

    @Test(arguments: engines) func aLogoIsStoredWithItsVariantsAndServedAtEachWidth(onDisk: Bool) async throws {
        let setup = try await Setup(onDisk: onDisk)
        let logo = try await setup.service.addToMerchant(
            try Fixture.data("opaque.png"), alt: "  Devanture bleue  ", role: .logo, merchant: setup.merchant,
            by: setup.owner)

        #expect(logo.alt == "Devanture bleue" && logo.widths == [320, 640, 1280, 1600])
        #expect(try await setup.service.photos(of: setup.merchant) == MerchantPhotos(logo: logo))
        #expect(try await setup.service.logos(of: [setup.merchant])[setup.merchant.id] == logo)
        #expect(try await setup.rows("photoVariant") == 3)

        let original = try await setup.service.file(named: "\(logo.hash)-1600.jpg")
        #expect(original.format == .jpeg && PhotoHash.of(original.bytes) == logo.hash)
        let small = try await setup.service.file(named: "\(logo.hash)-320.webp")
        #expect(small.format == .webp && small.bytes.prefix(4) == Data("RIFF".utf8))
        #expect(logo.path(width: 320) == "/photos/\(logo.hash)-320.webp")
        #expect(logo.path(width: 1600) == "/photos/\(logo.hash)-1600.jpg")
        for name in [
            "\(logo.hash)-320.jpg", "\(logo.hash)-321.webp", "\(logo.hash)-1600.webp", "nothing.jpg",
            "\(String(repeating: "0", count: 64))-320.webp", "\(logo.hash.uppercased())-320.webp",
        ] {
            await #expect(throws: PhotoNotFound.photo.notFound) { try await setup.service.file(named: name) }
        }
        let actions = try await setup.hub.audit.entries(zoneID: nil, limit: 5).map(\.action)
        #expect(actions.first == "merchant.photo.add")
    }

    @Test(arguments: engines) func aNewLogoReplacesTheOldOneWhosePhotoIsDeleted(onDisk: Bool) async throws {
        let setup = try await Setup(onDisk: onDisk)
        let first = try await setup.service.addToMerchant(
            try Fixture.data("gps.jpg"), alt: "Ancien logo", role: .logo, merchant: setup.merchant, by: setup.owner)
        let second = try await setup.service.addToMerchant(
            try Fixture.data("alpha.png"), alt: "Nouveau logo", role: .logo, merchant: setup.merchant,
            by: setup.owner)
        #expect(try await setup.service.photos(of: setup.merchant).logo == second)
        #expect(try await setup.hub.texts("SELECT hash FROM photo") == [second.hash])
        await #expect(throws: PhotoNotFound.photo.notFound) {
            try await setup.service.file(named: "\(first.hash)-300.jpg")
        }
    }

    @Test(arguments: engines) func aShopShowsSixPhotosAtMostAndRemovingOneMakesRoom(onDisk: Bool) async throws {
        let setup = try await Setup(onDisk: onDisk)
        let photo = try await VipsPhotoProcessor().process(try Fixture.data("gps.jpg"))
        var placed: [PlacedPhoto] = []
        for number in 1...6 {
            placed.append(
                try await setup.store.placeOnMerchant(
                    photo, merchant: setup.merchant, role: .shop, alt: "Rayon \(number)", limit: 6,
                    by: setup.owner.id, at: setup.hub.clock.now()))
        }
        let error = try await #require(throws: CommunityError.self) {
            try await setup.service.addToMerchant(
                try Fixture.data("alpha.png"), alt: "Septième", role: .shop, merchant: setup.merchant,
                by: setup.owner)
        }
        #expect(error.code == "too_many_photos" && error.category == .conflict)
        // One photo stored once, placed six times.
        #expect(try await setup.rows("photo") == 1)

        try await setup.service.removeFromMerchant(placed[0].id, merchant: setup.merchant, by: setup.owner)
        #expect(try await setup.service.photos(of: setup.merchant).shop.map(\.alt) == (2...6).map { "Rayon \($0)" })
        #expect(try await setup.rows("photo") == 1)
        for photo in placed.dropFirst() {
            try await setup.service.removeFromMerchant(photo.id, merchant: setup.merchant, by: setup.owner)
        }
        // The last placement gone, the photo and its variants go too.
        #expect(try await setup.rows("photo") == 0)
        #expect(try await setup.rows("photoVariant") == 0)
    }

    @Test(arguments: engines) func nobodyElsePlacesOrRemovesAMerchantsPhotos(onDisk: Bool) async throws {
        let setup = try await Setup(onDisk: onDisk)
        let stranger = try await setup.hub.user("x@example.org", role: .merchant)
        let theirs = try await setup.hub.merchant("Boulangerie", owner: stranger)
        await #expect(throws: CommunityError.forbidden("this merchant profile belongs to someone else")) {
            try await setup.service.addToMerchant(
                try Fixture.data("gps.jpg"), alt: "Logo", role: .logo, merchant: setup.merchant, by: stranger)
        }
        let logo = try await setup.service.addToMerchant(
            try Fixture.data("gps.jpg"), alt: "Logo", role: .logo, merchant: setup.merchant, by: setup.owner)
        // Through their own merchant, the photo of another is not found.
        await #expect(throws: PhotoNotFound.photo.notFound) {
            try await setup.service.removeFromMerchant(logo.id, merchant: theirs, by: stranger)
        }
        #expect(try await setup.service.photos(of: setup.merchant).logo == logo)
    }

    @Test(arguments: [
        ("gps.jpg", "", "invalid_alt"),
        ("gps.jpg", String(repeating: "a", count: 301), "invalid_alt"),
        ("bomb.png", "Logo", "image_dimensions_too_large"),
        ("text.jpg", "Logo", "not_an_image"),
        ("truncated.jpg", "Logo", "damaged_image"),
        ("anim.gif", "Logo", "unsupported_image_format"),
    ])
    func aRefusedUploadWritesNoRow(file: String, alt: String, code: String) async throws {
        let setup = try await Setup(onDisk: false)
        let error = try await #require(throws: CommunityError.self) {
            try await setup.service.addToMerchant(
                try Fixture.data(file), alt: alt, role: .logo, merchant: setup.merchant, by: setup.owner)
        }
        #expect(error.code == code && !error.frenchMessage.isEmpty)
        #expect(try await setup.rows("photo") == 0)
        #expect(try await setup.rows("merchantPhoto") == 0)
        let actions = try await setup.hub.audit.entries(zoneID: nil, limit: 5).map(\.action)
        #expect(actions.allSatisfy { !$0.contains("photo") })
    }

    @Test(arguments: engines) func aPostCarriesFourPhotosAtMost(onDisk: Bool) async throws {
        let setup = try await Setup(onDisk: onDisk)
        let post = try await setup.hub.posts().create(
            Samples.offer(), merchantSlug: setup.merchant.slug, zoneSlug: "alpha", by: setup.owner)
        var placed: [PlacedPhoto] = []
        for (number, file) in ["gps.jpg", "alpha.png", "photo.webp", "opaque.png"].enumerated() {
            placed.append(
                try await setup.service.addToPost(
                    try Fixture.data(file), alt: "Photo \(number + 1)", post: post, merchant: setup.merchant,
                    by: setup.owner))
        }
        await #expect(throws: PhotoProblem.tooManyPhotos.error("a post carries 4 photos at most")) {
            try await setup.service.addToPost(
                try Fixture.data("gps.jpg"), alt: "Cinquième", post: post, merchant: setup.merchant,
                by: setup.owner)
        }
        #expect(try await setup.service.photos(of: [post])[post.id] == placed)
        try await setup.service.removeFromPost(placed[1].id, post: post, merchant: setup.merchant, by: setup.owner)
        #expect(try await setup.service.photos(of: [post])[post.id]?.map(\.alt) == ["Photo 1", "Photo 3", "Photo 4"])
        #expect(try await setup.rows("photo") == 3)
    }
}
