import Foundation

/// Removes the metadata chunks (EXIF, XMP, ICC profile) from a WebP file. libvips 8.14's WebP saver writes an EXIF
/// chunk of its own (resolution, orientation) even when asked to strip metadata; the container is simple enough
/// to take it out: `RIFF` size `WEBP`, then chunks of a four-letter name, a little-endian size and an even-padded
/// payload, the `VP8X` chunk's first byte flagging which metadata follow.
enum WebPChunks {
    static let metadata: Set<String> = ["EXIF", "XMP ", "ICCP"]

    /// The file without its metadata chunks; the input unchanged when it is not a well-formed WebP file.
    static func strippingMetadata(_ file: Data) -> Data {
        let bytes = [UInt8](file)
        guard bytes.count >= 12, bytes[0..<4] == [0x52, 0x49, 0x46, 0x46], bytes[8..<12] == [0x57, 0x45, 0x42, 0x50]
        else { return file }
        var body: [UInt8] = Array("WEBP".utf8)
        var offset = 12
        while offset + 8 <= bytes.count {
            let name = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(littleEndian: bytes, at: offset + 4)
            let end = offset + 8 + size + (size % 2)
            guard end <= bytes.count else { return file }
            if !metadata.contains(name) {
                var chunk = Array(bytes[offset..<end])
                // VP8X flags: ICC profile 0x20, EXIF 0x08, XMP 0x04.
                if name == "VP8X", chunk.count > 8 { chunk[8] &= ~UInt8(0x20 | 0x08 | 0x04) }
                body += chunk
            }
            offset = end
        }
        guard offset == bytes.count else { return file }
        let size = UInt32(body.count)
        let header: [UInt8] = Array("RIFF".utf8) + [0, 8, 16, 24].map { UInt8(truncatingIfNeeded: size >> $0) }
        return Data(header + body)
    }
}

extension Int {
    fileprivate init(littleEndian bytes: [UInt8], at offset: Int) {
        self = (0..<4).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }
}
