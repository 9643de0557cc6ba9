import Catalogue
import Community
import Foundation
import HubTestSupport
import Imaging
import Photos
import Storage
import Testing

/// Products' photos on either engine (PostgreSQL when `ZONEHUB_TEST_POSTGRES_URL` is set), with real images processed
/// by libvips: four at most per product, only on a merchant's own listed products, described in words, stored once
/// and deleted with their last placement, each write audited.
@Suite struct ProductPhotoStoreTests {
    let hub: TestHub
    let owner: User
    let shop: Merchant
    let products: SQLCatalogueStore
    let store: SQLProductPhotoStore
    let service: ProductPhotoService
    let product: Product

    /// The photos the tests upload, from the photo suite's fixtures.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../PhotosTests/data")

    static func image(_ name: String) throws -> Data { try Data(contentsOf: folder.appendingPathComponent(name)) }

    init() async throws {
        hub = try await TestHub.contract(onDisk: true)
        try await hub.seedZones()
        owner = try await hub.user("patisserie@example.org", role: .merchant)
        shop = try await hub.merchant("Pâtisserie du Marché", owner: owner)
        products = SQLCatalogueStore(database: hub.hubDatabase.sql)
        store = SQLProductPhotoStore(database: hub.hubDatabase.sql)
        service = ProductPhotoService(store: store, processor: VipsPhotoProcessor(), clock: hub.clock)
        product = try await products.add(
            [ProductDetails(name: "Bûche de Noël", priceCents: 3200, unit: .piece)], to: shop, limit: 500,
            imported: false, by: owner.id, at: hub.clock.now())[0]
    }

    func rows(_ table: String) async throws -> Int { try await hub.number("SELECT count(*) FROM \(table)") }

    @Test func fourPhotosArePlacedInOrderAndTheFifthIsRefused() async throws {
        var placed: [PlacedPhoto] = []
        for (index, name) in ["opaque.png", "alpha.png", "photo.webp", "gps.jpg"].enumerated() {
            placed.append(
                try await service.add(
                    try Self.image(name), alt: "  Vue \(index + 1)  ", to: product, of: shop, by: owner))
        }
        #expect(placed.map(\.alt) == ["Vue 1", "Vue 2", "Vue 3", "Vue 4"])
        #expect(try await service.photos(of: [product]) == [product.id: placed])
        let refusal = await errorCode {
            _ = try await service.add(try Self.image("opaque.png"), alt: "Encore", to: product, of: shop, by: owner)
        }
        #expect(refusal == "too_many_photos")
        // The store holds the limit by itself, inside its transaction.
        let photo = try await VipsPhotoProcessor().process(try Self.image("opaque.png"))
        let again = await errorCode {
            _ = try await store.place(
                photo, on: product.id, of: shop, alt: "Encore", limit: 4, by: owner.id, at: hub.clock.now())
        }
        #expect(again == "too_many_photos")
        #expect(try await rows("productPhoto") == 4)
        #expect(try await hub.number("SELECT count(*) FROM auditEntry WHERE action = 'product.photo.add'") == 4)
    }

    @Test func aPhotoNeedsWordsAndAnImage() async throws {
        let noWords = await errorCode {
            _ = try await service.add(try Self.image("opaque.png"), alt: "   ", to: product, of: shop, by: owner)
        }
        #expect(noWords == "invalid_alt")
        let notAnImage = await errorCode {
            _ = try await service.add(try Self.image("text.jpg"), alt: "Texte", to: product, of: shop, by: owner)
        }
        #expect(notAnImage == "not_an_image")
        #expect(try await rows("productPhoto") == 0)
        #expect(try await rows("photo") == 0)
    }

    @Test func onlyTheOwnerPlacesPhotosAndOnlyOnItsListedProducts() async throws {
        let other = try await hub.user("autre@example.org", role: .merchant)
        let forbidden = await errorCode {
            _ = try await service.add(try Self.image("opaque.png"), alt: "Bûche", to: product, of: shop, by: other)
        }
        #expect(forbidden == "forbidden")
        let otherShop = try await hub.merchant("Boulangerie Voisine", owner: other)
        let photo = try await VipsPhotoProcessor().process(try Self.image("opaque.png"))
        let elsewhere = await errorCode {
            _ = try await store.place(
                photo, on: product.id, of: otherShop, alt: "Bûche", limit: 4, by: other.id, at: hub.clock.now())
        }
        #expect(elsewhere == "product_not_found")
        try await products.remove(product.id, of: shop, by: owner.id, at: hub.clock.now())
        let removed = await errorCode {
            _ = try await store.place(
                photo, on: product.id, of: shop, alt: "Bûche", limit: 4, by: owner.id, at: hub.clock.now())
        }
        #expect(removed == "product_not_found")
        #expect(try await rows("photo") == 0)
    }

    @Test func removingTheLastPlacementDeletesThePhotoAndItsVariants() async throws {
        let first = try await service.add(try Self.image("opaque.png"), alt: "Bûche", to: product, of: shop, by: owner)
        let second = try await service.add(
            try Self.image("opaque.png"), alt: "La même", to: product, of: shop, by: owner)
        #expect(first.hash == second.hash)
        #expect(try await rows("photo") == 1)
        let intruder = try await hub.user("intrus@example.org", role: .merchant)
        let otherShop = try await hub.merchant("Boulangerie Voisine", owner: intruder)
        let wrong = await errorCode {
            try await store.remove(first.id, from: product.id, of: otherShop, by: intruder.id, at: hub.clock.now())
        }
        #expect(wrong == "photo_not_found")
        try await service.remove(first.id, from: product, of: shop, by: owner)
        #expect(try await rows("photo") == 1)
        try await service.remove(second.id, from: product, of: shop, by: owner)
        #expect(try await rows("photo") == 0)
        #expect(try await rows("photoVariant") == 0)
        #expect(try await service.photos(of: [product]).isEmpty)
        #expect(try await hub.number("SELECT count(*) FROM auditEntry WHERE action = 'product.photo.remove'") == 2)
        let twice = await errorCode { try await service.remove(first.id, from: product, of: shop, by: owner) }
        #expect(twice == "photo_not_found")
    }

    @Test func aPhotoShownOnAProductAndAsALogoStaysWhileEitherShowsIt() async throws {
        let photos = PhotoService(
            store: SQLPhotoStore(database: hub.hubDatabase.sql), processor: VipsPhotoProcessor(), clock: hub.clock)
        let logo = try await photos.addToMerchant(
            try Self.image("opaque.png"), alt: "Logo", role: .logo, merchant: shop, by: owner)
        let onProduct = try await service.add(
            try Self.image("opaque.png"), alt: "Bûche", to: product, of: shop, by: owner)
        try await photos.removeFromMerchant(logo.id, merchant: shop, by: owner)
        #expect(try await rows("photo") == 1)
        #expect(try await service.photos(of: [product])[product.id] == [onProduct])
    }
}
