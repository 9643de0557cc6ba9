import Community
import Foundation
import Imaging
import Photos
import Testing

/// Real image files through libvips: what is kept of an upload, and what is refused with which message.
@Suite struct PhotoProcessingTests {
    let processor = VipsPhotoProcessor()

    @Test func aJPEGLosesItsGPSPositionAndEveryOtherMetadataAndIsTurnedUpright() async throws {
        let upload = try Fixture.data("gps.jpg")
        // The file as sent carries the position and the camera's name.
        #expect(upload.contains(Data("Exif\0\0".utf8)) && upload.contains(Data("ZonehubTestCamera".utf8)))

        let photo = try await processor.process(upload)

        #expect(photo.original.format == .jpeg)
        #expect(!photo.original.bytes.contains(Data("Exif".utf8)))
        #expect(!photo.original.bytes.contains(Data("ZonehubTestCamera".utf8)))
        #expect(!photo.original.bytes.contains(Data("http://ns.adobe.com/xap".utf8)))
        // 400 × 300 with orientation 6 is shown 300 wide and 400 high.
        #expect((photo.original.width, photo.original.height) == (300, 400))
        #expect(photo.variants.isEmpty)
        #expect(photo.hash == PhotoHash.of(photo.original.bytes) && photo.hash.count == 64)
    }

    @Test func theVariantsCarryNoMetadataEither() async throws {
        var limits = PhotoLimits()
        limits.variantWidths = [100, 200]
        let photo = try await VipsPhotoProcessor(limits: limits).process(try Fixture.data("gps.jpg"))
        #expect(photo.variants.map(\.width) == [100, 200])
        for variant in photo.variants {
            #expect(variant.format == .webp)
            #expect(!variant.bytes.contains(Data("EXIF".utf8)) && !variant.bytes.contains(Data("Exif".utf8)))
            #expect(!variant.bytes.contains(Data("ZonehubTestCamera".utf8)))
            #expect(!variant.bytes.contains(Data("XMP ".utf8)) && !variant.bytes.contains(Data("ICCP".utf8)))
        }
    }

    @Test func aLargePNGWithoutTransparencyBecomesAJPEGWithWebPVariants() async throws {
        let photo = try await processor.process(try Fixture.data("opaque.png"))
        #expect(photo.original.format == .jpeg && photo.original.bytes.starts(with: [0xFF, 0xD8, 0xFF]))
        #expect((photo.original.width, photo.original.height) == (1600, 1000))
        #expect(photo.variants.map(\.width) == [320, 640, 1280])
        #expect(photo.variants.map(\.height) == [200, 400, 800])
        for variant in photo.variants {
            #expect(variant.format == .webp && variant.bytes.prefix(4) == Data("RIFF".utf8))
        }
    }

    @Test func aPNGWithTransparencyStaysTransparentAsWebP() async throws {
        let photo = try await processor.process(try Fixture.data("alpha.png"))
        #expect(photo.original.format == .webp)
        #expect(photo.original.bytes.prefix(4) == Data("RIFF".utf8))
        // VP8X with the alpha flag (bit 4 of the flags byte), or a VP8L lossless stream, which keeps alpha.
        let chunk = String(decoding: photo.original.bytes[12..<16], as: UTF8.self)
        #expect(chunk == "VP8X" && photo.original.bytes[20] & 0x10 != 0 || chunk == "VP8L")
        #expect((photo.original.width, photo.original.height) == (240, 160))
    }

    @Test func aWebPIsTaken() async throws {
        let photo = try await processor.process(try Fixture.data("photo.webp"))
        #expect(photo.original.format == .jpeg && (photo.original.width, photo.original.height) == (300, 200))
    }

    @Test func theOriginalKeptIsAtMost2048PixelsOnItsLongSide() async throws {
        var limits = PhotoLimits()
        limits.longSide = 500
        let photo = try await VipsPhotoProcessor(limits: limits).process(try Fixture.data("opaque.png"))
        #expect((photo.original.width, photo.original.height) == (500, 313))
        #expect(photo.variants.map(\.width) == [320])
    }

    @Test(arguments: [
        ("bomb.png", PhotoProblem.imageDimensionsTooLarge),
        ("text.jpg", .notAnImage),
        ("truncated.jpg", .damagedImage),
        ("anim.gif", .unsupportedImageFormat),
    ])
    func aFileThatIsNotATakenImageIsRefusedWithItsMessage(file: String, problem: PhotoProblem) async throws {
        let error = try await #require(throws: CommunityError.self) {
            try await processor.process(try Fixture.data(file))
        }
        #expect(error.code == problem.code)
        #expect(error.frenchMessage == problem.french)
    }

    @Test func theBombIsRefusedFromItsHeaderWithoutDecodingItsPixels() async throws {
        // 400 million declared pixels in a file of 50 KB: decoding them would take 50 MB at 1 bit, 1.2 GB as RGB.
        let bomb = try Fixture.data("bomb.png")
        #expect(bomb.count < 100_000)
        let error = try await #require(throws: CommunityError.self) { try await processor.process(bomb) }
        #expect(error.message.contains("20000 × 20000"))
    }

    @Test func anEmptyOrOversizedUploadIsRefusedBeforeDecoding() async throws {
        await #expect(throws: PhotoProblem.photoMissing.refusal) { try await processor.process(Data()) }
        var limits = PhotoLimits()
        limits.maxBytes = 1000
        await #expect(throws: PhotoProblem.photoTooLarge.refusal) {
            try await VipsPhotoProcessor(limits: limits).process(try Fixture.data("gps.jpg"))
        }
    }

    @Test func theSameUploadGivesTheSameName() async throws {
        let first = try await processor.process(try Fixture.data("opaque.png"))
        let second = try await processor.process(try Fixture.data("opaque.png"))
        #expect(first.hash == second.hash)
    }
}

/// The image files beside these tests (written by `data/make_fixtures.py`).
enum Fixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("data")

    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(name))
    }
}
