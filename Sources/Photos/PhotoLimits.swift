import Crypto
import Foundation

/// What the hub accepts and keeps of an upload.
package struct PhotoLimits: Sendable {
    /// An upload's bytes, at most; larger ones are refused before they are read whole.
    package var maxBytes = 10 * 1024 * 1024
    /// Either side of the image as its header declares it, at most: a larger one is refused before its pixels
    /// are decoded, whatever its file's size (a "decompression bomb" packs gigabytes of pixels in kilobytes).
    package var maxSide = 8_000
    package var maxPixels = 40_000_000
    /// The long side of the original kept, at most.
    package var longSide = 2_048
    /// The widths of the variants made for lists and pages (only those narrower than the original).
    package var variantWidths = [320, 640, 1280]
    /// Variants are WebP: every browser the hub supports shows it, at about two thirds of a JPEG's size.
    package static let variantFormat = PhotoFormat.webp

    package init() {}
}

/// The name of a photo's bytes.
package enum PhotoHash {
    package static func of(_ bytes: Data) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `text` has the shape of a photo's name (64 lowercase hexadecimal digits).
    package static func isValid(_ text: Substring) -> Bool {
        text.count == 64 && text.allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }
}

/// Decodes an upload and encodes what is kept of it; implemented over an image library by `zonehub`'s composition.
package protocol PhotoProcessor: Sendable {
    /// The upload decoded, upright, stripped of metadata and encoded again, with its variants; fails with a
    /// `PhotoProblem` when the bytes are not an image this hub takes.
    func process(_ upload: Data) async throws -> ProcessedPhoto
}
