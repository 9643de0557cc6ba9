import Catalogue
import Community
import Foundation
import HubTestSupport
import Imaging
import Photos
import Storage
import Testing

/// Products' photos move with the hub: `export`/`import` (onto PostgreSQL when the suites run there) and a SQLite
/// backup carry the placements and the bytes behind them.
@Suite struct ProductPhotoTransferTests {
    struct Source {
        let hub: TestHub
        let product: Product
        let photo: PlacedPhoto

        init() async throws {
            hub = try TestHub.make(onDisk: true)
            try await hub.seedZones()
            let owner = try await hub.user("patisserie@example.org", role: .merchant)
            let shop = try await hub.merchant("Pâtisserie du Marché", owner: owner)
            product = try await SQLCatalogueStore(database: hub.hubDatabase.sql).add(
                [ProductDetails(name: "Bûche de Noël", priceCents: 3200, unit: .piece)], to: shop, limit: 500,
                imported: false, by: owner.id, at: hub.clock.now())[0]
            let service = ProductPhotoService(
                store: SQLProductPhotoStore(database: hub.hubDatabase.sql), processor: VipsPhotoProcessor(),
                clock: hub.clock)
            photo = try await service.add(
                try ProductPhotoStoreTests.image("opaque.png"), alt: "Bûche au chocolat", to: product, of: shop,
                by: owner)
        }

        /// The photo's bytes at every width it is served at, from `database`.
        func files(in database: any SQLDatabase) async throws -> [Data?] {
            let photos = SQLPhotoStore(database: database)
            var files: [Data?] = []
            for width in photo.widths {
                let format = width == photo.original.width ? photo.original.format : PhotoLimits.variantFormat
                files.append(try await photos.file(hash: photo.hash, width: width, format: format)?.bytes)
            }
            return files
        }
    }

    @Test func exportAndImportCarryProductPhotos() async throws {
        let source = try await Source()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "zonehub-products-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let exported = try await HubTransfer.export(source.hub.hubDatabase, to: file)
        #expect(exported.tables.first { $0.name == "productPhoto" }?.rows == 1)

        let target = try await TestHub.contract()
        _ = try await HubTransfer.importing(file, into: target.hubDatabase)
        let moved = try await SQLProductPhotoStore(database: target.hubDatabase.sql).photos(of: [source.product.id])
        #expect(moved == [source.product.id: [source.photo]])
        let before = try await source.files(in: source.hub.hubDatabase.sql)
        #expect(!before.contains(nil))
        #expect(try await source.files(in: target.hubDatabase.sql) == before)
    }

    @Test func aBackupCarriesProductPhotos() async throws {
        let source = try await Source()
        guard let path = source.hub.path else {
            Issue.record("the source hub is on disk")
            return
        }
        let copy = path + ".backup"
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let report = try DatabaseFile.backup(path, to: copy)
        #expect(report.isSound)
        let restored = try SQLiteDatabase(path: copy)
        let moved = try await SQLProductPhotoStore(database: restored).photos(of: [source.product.id])
        #expect(moved == [source.product.id: [source.photo]])
        #expect(try await source.files(in: restored) == source.files(in: source.hub.hubDatabase.sql))
    }
}
