import Community
import Crypto
import Foundation

/// A merchant's printable A4 poster for the shop window: name, categories, address, hours, and a QR code to its
/// page. A document of its own, in French, outside the site's layout: it prints alone.
struct PosterPage {
    let merchant: Merchant
    /// The merchant page's absolute address, which the code holds.
    let address: String

    var document: HTML {
        // A merchant page address is far shorter than the 2,331 bytes a version 40 code holds.
        let code = QRCode(address).map { HTML(raw: $0.svg()) } ?? ""
        let profile = merchant.profile
        return """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <title>Affiche · \(merchant.name)</title>
            <style>\(HTML(raw: Self.style))</style>
            </head>
            <body>
            <h1>\(merchant.name)</h1>
            <p class="meta">\(profile.categories.map(\.label).joined(separator: " · "))</p>
            <p>\(profile.address.isEmpty ? "" : profile.address + ", ")\(profile.postcode) \(profile.commune)</p>
            \(hours)
            <div class="qr">\(code)</div>
            <p>Nos offres et nouveautés : scannez le code ou rendez-vous sur<br><strong>\(address)</strong></p>
            <p class="print"><a href="/merchants/\(merchant.slug)">← Retour à la fiche</a></p>
            </body>
            </html>
            """
    }

    /// The week's opening hours, when they can be read.
    private var hours: HTML {
        guard let text = merchant.profile.openingHours, let parsed = try? OpeningHours.parse(text) else { return "" }
        let rows: [HTML] = OpeningHoursText.week(parsed, .fr).map {
            "<tr><th>\($0.days)</th><td>\($0.hours)</td></tr>"
        }
        return "<table class=\"hours\">\(rows)</table>"
    }

    /// The poster's print style, inline so that the page prints alone; the page's policy allows exactly this text.
    static let style = """

        @page { size: A4 portrait; margin: 15mm; }
        body { font: 16pt/1.4 system-ui, sans-serif; color: #1d2a33; margin: 0 auto; max-width: 180mm; text-align: center; }
        h1 { font-size: 34pt; margin: 10mm 0 4mm; }
        .meta { color: #5b6b75; }
        .qr svg { width: 90mm; height: 90mm; }
        table.hours { margin: 6mm auto; border-collapse: collapse; text-align: left; }
        table.hours th { font-weight: normal; padding-right: 8mm; }
        .print { margin: 8mm; }
        @media print { .print { display: none; } }

        """
    /// The poster's Content-Security-Policy: nothing but its own style and the code's inline image.
    static let policy =
        "default-src 'none'; style-src 'sha256-\(Data(SHA256.hash(data: Data(style.utf8))).base64EncodedString())'; "
        + "img-src 'self' data:; base-uri 'none'; frame-ancestors 'none'"
}
