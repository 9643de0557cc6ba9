import Community
import Foundation
import HubTestSupport
import Imaging
import Photos
import Storage
import Testing

/// Photos move with the hub: `export` writes their bytes (base64 in the file), `import` stores them back, on either
/// engine, and the target serves the same bytes at the same addresses.
@Suite struct PhotoTransferTests {
    @Test func photosAndTheirVariantsArriveByteForByte() async throws {
        let source = try TestHub.make()
        try await source.seedZones()
        let owner = try await source.user("m@example.org", role: .merchant)
        let merchant = try await source.merchant("Épicerie", owner: owner)
        let service = PhotoService(
            store: SQLPhotoStore(database: source.hubDatabase.sql), processor: VipsPhotoProcessor(),
            clock: source.clock)
        let logo = try await service.addToMerchant(
            try Fixture.data("opaque.png"), alt: "Devanture", role: .logo, merchant: merchant, by: owner)
        let shop = try await service.addToMerchant(
            try Fixture.data("alpha.png"), alt: "Rayon", role: .shop, merchant: merchant, by: owner)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("zonehub-photos-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }

        let exported = try await HubTransfer.export(source.hubDatabase, to: file)
        #expect(exported.tables.first { $0.name == "photoVariant" }?.rows == 3)
        #expect(exported.tables.first { $0.name == "photo" }?.columns.contains { $0.kind == .bytes } == true)

        // On PostgreSQL when the suites run there: bytea from SQLite's BLOB.
        let target = try await TestHub.contract()
        let imported = try await HubTransfer.importing(file, into: target.hubDatabase)
        #expect(imported.tables.map(\.rows) == exported.tables.map(\.rows))
        let moved = PhotoService(
            store: SQLPhotoStore(database: target.hubDatabase.sql), processor: VipsPhotoProcessor(),
            clock: target.clock)
        #expect(try await moved.photos(of: merchant) == MerchantPhotos(logo: logo, shop: [shop]))
        for photo in [logo, shop] {
            for width in photo.widths {
                let name = String(photo.path(width: width).dropFirst("/photos/".count))
                #expect(try await moved.file(named: name).bytes == service.file(named: name).bytes)
            }
        }
    }
}
