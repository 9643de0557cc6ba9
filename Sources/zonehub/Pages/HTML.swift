import Community

/// A fragment of HTML. Interpolated strings are escaped; only other `HTML` values go in as they are, so user text
/// can never become markup by accident.
struct HTML: ExpressibleByStringInterpolation, Sendable, CustomStringConvertible {
    private(set) var rendered: String

    init(raw: String) { rendered = raw }
    init(stringLiteral value: String) { rendered = value }
    init(stringInterpolation: Interpolation) { rendered = stringInterpolation.output }

    var description: String { rendered }

    struct Interpolation: StringInterpolationProtocol {
        var output = ""

        init(literalCapacity: Int, interpolationCount: Int) { output.reserveCapacity(literalCapacity * 2) }
        mutating func appendLiteral(_ literal: String) { output += literal }
        mutating func appendInterpolation(_ text: String) { output += HTML.escape(text) }
        mutating func appendInterpolation(_ text: String?) { output += HTML.escape(text ?? "") }
        mutating func appendInterpolation<T: BinaryInteger>(_ number: T) { output += String(number) }
        mutating func appendInterpolation(_ html: HTML) { output += html.rendered }
        mutating func appendInterpolation(_ parts: [HTML]) { output += parts.map(\.rendered).joined() }
    }

    /// Escapes text for HTML (the same rule as everywhere zonehub writes markup).
    static func escape(_ text: String) -> String { PlainText.escape(text) }

    /// A merchant's plain text as paragraphs with clickable links.
    static func text(_ text: String) -> HTML { HTML(raw: PlainText.html(text)) }
}

extension Array where Element == HTML {
    func joined(separator: HTML = "") -> HTML {
        HTML(raw: map(\.rendered).joined(separator: separator.rendered))
    }
}
