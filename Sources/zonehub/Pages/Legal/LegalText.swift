import Foundation

/// A text the operator publishes ("Mentions légales", "Politique de confidentialité"): a plain UTF-8 file read when
/// the settings are, shown escaped. Paragraphs are separated by blank lines and keep their line breaks (an address
/// stays on its lines); a paragraph of one line ending in ':' is a heading; lines starting with '#' are comments.
struct LegalText: Sendable, Equatable {
    enum Block: Sendable, Equatable {
        case heading(String)
        case paragraph([String])
    }

    let blocks: [Block]

    /// Larger than any legal notice; a bigger file is a wrong path, not a text.
    static let maximumBytes = 200_000

    /// Reads the file `setting` names; a file that cannot be read, is not UTF-8 or holds no text is a `CLIError`
    /// naming the setting, so that `serve` refuses to start and `check` says why.
    static func read(_ path: String, setting: String) throws -> LegalText {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw CLIError("\(setting): cannot read '\(path)': \(reason)")
        }
        guard data.count <= maximumBytes else {
            throw CLIError("\(setting): '\(path)' is larger than \(maximumBytes / 1000) kB")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CLIError("\(setting): '\(path)' is not UTF-8 text")
        }
        let parsed = parse(text)
        guard !parsed.blocks.isEmpty else {
            throw CLIError("\(setting): '\(path)' has no text (only comments or blank lines)")
        }
        return parsed
    }

    /// Splits `text` into headings and paragraphs.
    static func parse(_ text: String) -> LegalText {
        var blocks: [Block] = []
        var lines: [String] = []
        func close() {
            if lines.count == 1, let line = lines.first, line.hasSuffix(":"), line.count <= 120 {
                let heading = line.dropLast().trimmingCharacters(in: .whitespaces)
                blocks.append(heading.isEmpty ? .paragraph(lines) : .heading(heading))
            } else if !lines.isEmpty {
                blocks.append(.paragraph(lines))
            }
            lines = []
        }
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = String(raw.filter { !$0.isControlCharacter }).trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") { continue }
            if line.isEmpty { close() } else { lines.append(line) }
        }
        close()
        return LegalText(blocks: blocks)
    }
}

extension Character {
    /// Control characters (tabs included) have no place in a published text; they are dropped.
    fileprivate var isControlCharacter: Bool {
        unicodeScalars.allSatisfy { $0.properties.generalCategory == .control }
    }
}
