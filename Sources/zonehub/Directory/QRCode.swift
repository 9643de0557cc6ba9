/// A QR code (ISO/IEC 18004, model 2) for a short text such as a page address: byte mode, error correction level M
/// (15 % of the symbol may be lost, enough for a poster behind a shop window), versions 1 to 10 (up to 213 bytes).
struct QRCode: Equatable, Sendable {
    /// Modules per side.
    let size: Int
    /// Dark modules, row by row.
    private(set) var modules: [[Bool]]
    private var isFunction: [[Bool]]

    /// Fails (returns nil) when the text is too long for version 10.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        // Text beyond ASCII is announced as UTF-8 (ECI 26), or readers guess another character set.
        let eci = bytes.contains { $0 >= 0x80 }
        guard
            let version = (1...10).first(where: {
                Self.capacityBits($0) >= Self.bitLength(bytes.count, $0) + (eci ? 12 : 0)
            })
        else { return nil }
        size = version * 4 + 17
        modules = Array(repeating: Array(repeating: false, count: size), count: size)
        isFunction = modules
        drawFunctionPatterns(version)
        drawCodewords(Self.interleaved(Self.dataCodewords(bytes, version, eci: eci), version))
        // Every mask gives a code that decodes; mask 0 is kept rather than scored against the other seven.
        applyMask()
        drawFormatBits()
    }

    // MARK: - Capacity and codewords

    private static let eccPerBlock = [0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
    private static let blockCount = [0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5]

    private static func rawModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            result -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    private static func dataCapacity(_ version: Int) -> Int {
        rawModules(version) / 8 - eccPerBlock[version] * blockCount[version]
    }

    private static func capacityBits(_ version: Int) -> Int { dataCapacity(version) * 8 }

    /// Mode, length and data bits of a byte-mode segment.
    private static func bitLength(_ count: Int, _ version: Int) -> Int { 4 + (version < 10 ? 8 : 16) + count * 8 }

    /// The segment (after an ECI header for UTF-8), terminator and padding as codewords.
    private static func dataCodewords(_ bytes: [UInt8], _ version: Int, eci: Bool) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ length: Int) {
            for shift in stride(from: length - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
        }
        if eci {
            append(0b0111, 4)
            append(26, 8)
        }
        append(0b0100, 4)
        append(bytes.count, version < 10 ? 8 : 16)
        for byte in bytes { append(Int(byte), 8) }
        let capacity = capacityBits(version)
        append(0, min(4, capacity - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var codewords = stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(UInt8(0)) { $0 << 1 | ($1 ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while codewords.count < capacity / 8 {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }

    /// Data split into blocks, each followed by its Reed-Solomon codewords, read across the blocks.
    private static func interleaved(_ data: [UInt8], _ version: Int) -> [UInt8] {
        let blocks = blockCount[version]
        let eccLength = eccPerBlock[version]
        let raw = rawModules(version) / 8
        let shortBlocks = blocks - raw % blocks
        let shortLength = raw / blocks
        let divisor = ReedSolomon.divisor(degree: eccLength)
        var offset = 0
        var all: [[UInt8]] = []
        for index in 0..<blocks {
            let length = shortLength - eccLength + (index < shortBlocks ? 0 : 1)
            let chunk = Array(data[offset..<offset + length])
            offset += length
            all.append(chunk + (index < shortBlocks ? [0] : []) + ReedSolomon.remainder(chunk, divisor))
        }
        var result: [UInt8] = []
        for column in 0..<all[0].count {
            for (index, block) in all.enumerated() where column != shortLength - eccLength || index >= shortBlocks {
                result.append(block[column])
            }
        }
        return result
    }

    // MARK: - Drawing

    private mutating func set(_ x: Int, _ y: Int, _ dark: Bool) {
        modules[y][x] = dark
        isFunction[y][x] = true
    }

    private mutating func drawFunctionPatterns(_ version: Int) {
        for index in 0..<size {
            set(6, index, index % 2 == 0)
            set(index, 6, index % 2 == 0)
        }
        for (x, y) in [(3, 3), (size - 4, 3), (3, size - 4)] {
            for dy in -4...4 {
                for dx in -4...4 where (0..<size).contains(x + dx) && (0..<size).contains(y + dy) {
                    let distance = max(abs(dx), abs(dy))
                    set(x + dx, y + dy, distance != 2 && distance != 4)
                }
            }
        }
        let positions = Self.alignmentPositions(version, size: size)
        for (i, a) in positions.enumerated() {
            for (j, b) in positions.enumerated() {
                let last = positions.count - 1
                guard !((i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0)) else { continue }
                for dy in -2...2 {
                    for dx in -2...2 { set(a + dx, b + dy, max(abs(dx), abs(dy)) != 1) }
                }
            }
        }
        drawFormatBits()
        if version >= 7 {
            var remainder = version
            for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
            let bits = version << 12 | remainder
            for index in 0..<18 {
                let dark = (bits >> index) & 1 == 1
                let a = size - 11 + index % 3
                let b = index / 3
                set(a, b, dark)
                set(b, a, dark)
            }
        }
    }

    private static func alignmentPositions(_ version: Int, size: Int) -> [Int] {
        guard version > 1 else { return [] }
        let count = version / 7 + 2
        let step = (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
        var result = [6]
        var position = size - 7
        while result.count < count {
            result.insert(position, at: 1)
            position -= step
        }
        return result
    }

    /// Level M (format bits 00) with mask 0, both copies, and the dark module.
    private mutating func drawFormatBits() {
        let data = 0 << 3 | 0
        var remainder = data
        for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
        let bits = (data << 10 | remainder) ^ 0x5412
        func bit(_ index: Int) -> Bool { (bits >> index) & 1 == 1 }
        for index in 0...5 { set(8, index, bit(index)) }
        set(8, 7, bit(6))
        set(8, 8, bit(7))
        set(7, 8, bit(8))
        for index in 9..<15 { set(14 - index, 8, bit(index)) }
        for index in 0..<8 { set(size - 1 - index, 8, bit(index)) }
        for index in 8..<15 { set(8, size - 15 + index, bit(index)) }
        set(8, size - 8, true)
    }

    /// Codewords in the zigzag of two-module columns, right to left, skipping the vertical timing pattern.
    private mutating func drawCodewords(_ data: [UInt8]) {
        var bit = 0
        var right = size - 1
        while right >= 1 {
            if right == 6 { right = 5 }
            for vertical in 0..<size {
                for offset in 0..<2 {
                    let x = right - offset
                    let upward = (right + 1) & 2 == 0
                    let y = upward ? size - 1 - vertical : vertical
                    guard !isFunction[y][x], bit < data.count * 8 else { continue }
                    modules[y][x] = (data[bit >> 3] >> (7 - UInt8(bit & 7))) & 1 == 1
                    bit += 1
                }
            }
            right -= 2
        }
    }

    private mutating func applyMask() {
        for y in 0..<size {
            for x in 0..<size where !isFunction[y][x] && (x + y) % 2 == 0 { modules[y][x].toggle() }
        }
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

/// Reed-Solomon error correction over GF(2⁸) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1.
enum ReedSolomon {
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z = 0
        for index in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= Int((y >> UInt8(index)) & 1) * Int(x)
        }
        return UInt8(z & 0xFF)
    }

    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree - 1) + [1]
        var root: UInt8 = 1
        for _ in 0..<degree {
            for index in 0..<degree {
                result[index] = multiply(result[index], root)
                if index + 1 < degree { result[index] ^= result[index + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], _ divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for index in result.indices { result[index] ^= multiply(divisor[index], factor) }
        }
        return result
    }
}
