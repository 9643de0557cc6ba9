import CVips
import Foundation
import Photos

/// `PhotoProcessor` over libvips (Debian's libvips42): the upload's header is read first and its dimensions
/// checked, then it is decoded once into the bounded original (turned upright by its orientation tag, in sRGB,
/// with no metadata), from which the narrower variants are made.
package struct VipsPhotoProcessor: PhotoProcessor {
    let limits: PhotoLimits
    let thread: ImagingThread

    package init(limits: PhotoLimits = PhotoLimits()) {
        self.limits = limits
        thread = .shared
    }

    package func process(_ upload: Data) async throws -> ProcessedPhoto {
        guard !upload.isEmpty else { throw PhotoProblem.photoMissing.refusal }
        guard upload.count <= limits.maxBytes else { throw PhotoProblem.photoTooLarge.refusal }
        if let format = ImageSignature.unsupported(upload) {
            throw PhotoProblem.unsupportedImageFormat.error(
                "\(format) images are not supported: send a JPEG, PNG or WebP photo")
        }
        let limits = limits
        return try await thread.run { try Self.process(upload, limits: limits) }
    }

    /// The work itself, on the imaging thread.
    static func process(_ upload: Data, limits: PhotoLimits) throws -> ProcessedPhoto {
        guard Vips.started else { throw VipsError.notStarted }
        let original = try upload.withUnsafeBytes { raw -> EncodedImage in
            guard let base = raw.baseAddress else { throw PhotoProblem.photoMissing.refusal }
            let header = try checkHeader(base, raw.count, limits: limits)
            defer { zonehub_vips_release(header) }
            let side = Int32(limits.longSide)
            guard let image = zonehub_vips_thumbnail(header, side, side) else { throw Vips.failure(.damagedImage) }
            defer { zonehub_vips_release(image) }
            // An image with transparency stays transparent, as WebP; any other is a JPEG.
            let format: PhotoFormat = vips_image_hasalpha(image) != 0 ? .webp : .jpeg
            return try encode(image, as: format, quality: 85)
        }
        var variants: [EncodedImage] = []
        for width in limits.variantWidths where width < original.width {
            let variant = try original.bytes.withUnsafeBytes { raw -> EncodedImage in
                guard let base = raw.baseAddress, let source = zonehub_vips_header(base, raw.count) else {
                    throw Vips.failure(.damagedImage)
                }
                defer { zonehub_vips_release(source) }
                guard let image = zonehub_vips_thumbnail(source, Int32(width), 10_000_000) else {
                    throw Vips.failure(.damagedImage)
                }
                defer { zonehub_vips_release(image) }
                return try encode(image, as: PhotoLimits.variantFormat, quality: 80)
            }
            variants.append(variant)
        }
        return ProcessedPhoto(original: original, variants: variants)
    }

    /// The loaders of JPEG, PNG and WebP, as libvips names them (class names since 8.14, nicknames before).
    static let allowedLoaders: Set<String> = [
        "VipsForeignLoadJpegBuffer", "VipsForeignLoadPngBuffer", "VipsForeignLoadSpngBuffer",
        "VipsForeignLoadWebpBuffer", "jpegload_buffer", "pngload_buffer", "webpload_buffer",
    ]

    /// Refuses what is not a JPEG, PNG or WebP image, and images whose declared size is past the limits, before
    /// any pixel is decoded; returns the image, not yet decoded, for the caller to release.
    static func checkHeader(_ base: UnsafeRawPointer, _ count: Int, limits: PhotoLimits) throws
        -> UnsafeMutablePointer<VipsImage>
    {
        guard let loader = zonehub_vips_loader(base, count).map({ String(cString: $0) }) else {
            vips_error_clear()
            throw PhotoProblem.notAnImage.refusal
        }
        guard allowedLoaders.contains(loader) else {
            throw PhotoProblem.unsupportedImageFormat.refusal
        }
        guard let header = zonehub_vips_header(base, count) else { throw Vips.failure(.damagedImage) }
        let width = Int(vips_image_get_width(header))
        let height = Int(vips_image_get_height(header))
        guard width <= limits.maxSide, height <= limits.maxSide, width * height <= limits.maxPixels else {
            zonehub_vips_release(header)
            throw PhotoProblem.imageDimensionsTooLarge.error(
                "the image declares \(width) × \(height) pixels: 8,000 a side and 40 million in all at most")
        }
        return header
    }

    /// The image encoded without metadata; decoding happens here, so a damaged file fails here.
    static func encode(_ image: UnsafeMutablePointer<VipsImage>, as format: PhotoFormat, quality: Int32) throws
        -> EncodedImage
    {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let code: Int32 =
            switch format {
            case .jpeg: 0
            case .webp: 1
            case .png: 2
            }
        guard zonehub_vips_save(image, code, quality, &buffer, &length) == 0, let buffer else {
            throw Vips.failure(.damagedImage)
        }
        defer { zonehub_vips_free(buffer) }
        let bytes = Data(bytes: buffer, count: length)
        return EncodedImage(
            width: Int(vips_image_get_width(image)), height: Int(vips_image_get_height(image)), format: format,
            bytes: format == .webp ? WebPChunks.strippingMetadata(bytes) : bytes)
    }
}

/// The library, started once per process.
enum Vips {
    static let started: Bool = zonehub_vips_start() == 0

    /// The refusal `problem`, with what libvips said (in English) for the logs; clears libvips' error buffer.
    static func failure(_ problem: PhotoProblem) -> Error {
        let said = String(cString: vips_error_buffer()).trimmingCharacters(in: .whitespacesAndNewlines)
        vips_error_clear()
        let detail = said.split(separator: "\n").first.map { " (\($0))" } ?? ""
        return problem.error(problem.english + detail)
    }
}

enum VipsError: Error, CustomStringConvertible {
    case notStarted
    var description: String { "libvips could not be started" }
}
