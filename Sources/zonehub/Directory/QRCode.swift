import CQRencode

/// A QR code (ISO/IEC 18004, model 2) for a text such as a page address, encoded by Debian's libqrencode: byte
/// mode, error correction level M (15 % of the symbol may be lost, enough for a poster behind a shop window), the
/// smallest version that holds the text (1 to 40, up to 2,331 bytes) and the mask libqrencode scores best.
struct QRCode: Equatable, Sendable {
    /// Modules per side.
    let size: Int
    /// Dark modules, row by row.
    let modules: [[Bool]]

    /// Fails (returns nil) when the text is empty or too long for version 40.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        // libqrencode takes an Int32 length; far longer texts than any symbol holds are refused before the call.
        guard !bytes.isEmpty, let length = Int32(exactly: bytes.count),
            let input = QRinput_new2(0, QR_ECLEVEL_M)
        else { return nil }
        defer { QRinput_free(input) }
        // Text beyond ASCII is announced as UTF-8 (ECI 26), or readers guess another character set. The input API
        // rather than QRcode_encodeString8bit makes this possible, and a NUL in the text cannot cut it short.
        if bytes.contains(where: { $0 >= 0x80 }), QRinput_appendECIheader(input, 26) != 0 { return nil }
        guard QRinput_append(input, QR_MODE_8, length, bytes) == 0, let code = QRcode_encodeInput(input) else {
            return nil
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        // Each byte is one module, row by row; its lowest bit says whether the module is dark.
        let data = UnsafeBufferPointer(start: code.pointee.data, count: width * width)
        size = width
        modules = (0..<width).map { y in (0..<width).map { x in data[y * width + x] & 1 == 1 } }
    }

    /// The code as an SVG image with a quiet zone of four modules.
    func svg(moduleSize: Int = 8) -> String {
        let side = (size + 8) * moduleSize
        var path = ""
        for (y, row) in modules.enumerated() {
            for (x, dark) in row.enumerated() where dark {
                path += "M\((x + 4) * moduleSize) \((y + 4) * moduleSize)h\(moduleSize)v\(moduleSize)h-\(moduleSize)z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" width="\(side)" height="\(side)" \
            shape-rendering="crispEdges" role="img"><rect width="100%" height="100%" fill="#fff"/>\
            <path fill="#000" d="\(path)"/></svg>
            """
    }
}
