import Community
import Foundation

/// How a stored image is encoded.
package enum PhotoFormat: String, Sendable, CaseIterable {
    case jpeg, webp, png

    /// The extension its address ends with.
    package var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .webp: "webp"
        case .png: "png"
        }
    }

    package var mediaType: String { "image/\(rawValue)" }

    package init?(fileExtension: String) {
        guard let format = Self.allCases.first(where: { $0.fileExtension == fileExtension }) else { return nil }
        self = format
    }
}

/// One encoding of an image: the bounded original or one of its narrower variants.
package struct EncodedImage: Sendable, Equatable {
    package let width: Int
    package let height: Int
    package let format: PhotoFormat
    package let bytes: Data

    package init(width: Int, height: Int, format: PhotoFormat, bytes: Data) {
        self.width = width
        self.height = height
        self.format = format
        self.bytes = bytes
    }
}

/// An upload once decoded, turned upright, stripped of its metadata and encoded again: what is stored.
package struct ProcessedPhoto: Sendable {
    /// The SHA-256 of the original's bytes, in lowercase hexadecimal: the photo's name in its addresses.
    package let hash: String
    package let original: EncodedImage
    /// Narrower copies, narrowest first; none wider than the original.
    package let variants: [EncodedImage]

    package init(original: EncodedImage, variants: [EncodedImage]) {
        self.hash = PhotoHash.of(original.bytes)
        self.original = original
        self.variants = variants
    }
}

/// A photo placed somewhere (a merchant's logo, a photo of the shop, a post's photo), with what it shows in words.
package struct PlacedPhoto: Sendable, Equatable, Identifiable {
    package typealias ID = Identifier<PlacedPhoto>

    package let id: ID
    package let hash: String
    /// The text read in the photo's place by those who cannot see it.
    package let alt: String
    package let original: Size
    /// Every width it is served at (variants and the original), narrowest first.
    package let widths: [Int]

    package struct Size: Sendable, Equatable {
        package let width: Int
        package let height: Int
        package let format: PhotoFormat

        package init(width: Int, height: Int, format: PhotoFormat) {
            self.width = width
            self.height = height
            self.format = format
        }
    }

    package init(id: ID, hash: String, alt: String, original: Size, widths: [Int]) {
        self.id = id
        self.hash = hash
        self.alt = alt
        self.original = original
        self.widths = widths
    }

    /// The address of the copy `width` pixels wide (a variant's, or the original's at its own width).
    package func path(width: Int) -> String {
        let format = width == original.width ? original.format : PhotoLimits.variantFormat
        return "/photos/\(hash)-\(width).\(format.fileExtension)"
    }

    /// The height of the copy `width` pixels wide, as the variants were made (rounded like the image library).
    package func height(atWidth width: Int) -> Int {
        max(1, Int((Double(original.height) * Double(width) / Double(original.width)).rounded()))
    }
}

/// Where a merchant's photo shows.
package enum MerchantPhotoRole: String, Sendable, CaseIterable {
    /// The one image beside the merchant's name, in lists too.
    case logo
    /// Photos of the shop, on its page.
    case shop
}

/// A merchant's logo and shop photos.
package struct MerchantPhotos: Sendable, Equatable {
    package var logo: PlacedPhoto?
    package var shop: [PlacedPhoto]

    package init(logo: PlacedPhoto? = nil, shop: [PlacedPhoto] = []) {
        self.logo = logo
        self.shop = shop
    }
}

/// Stored bytes for one photo address, as served.
package struct PhotoFile: Sendable {
    package let bytes: Data
    package let format: PhotoFormat
}
