import Community
import Foundation
import Photos

/// How a photo is shown: an `<img>` offering every width it is stored at (`srcset`), so that a phone downloads the
/// 320 or 640 pixel copy and a wide screen a larger one.
enum PhotoViews {
    /// `sizes` says how wide the image is laid out; `eager` for an image at the top of a page.
    static func image(_ photo: PlacedPhoto, sizes: String, className: String, eager: Bool = false) -> HTML {
        let fallback = photo.widths.first { $0 >= 640 } ?? photo.widths.last ?? photo.original.width
        let candidates = photo.widths.map { "\(photo.path(width: $0)) \($0)w" }.joined(separator: ", ")
        let loading: HTML = eager ? "" : " loading=\"lazy\""
        return """
            <img class="\(className)" src="\(photo.path(width: fallback))" srcset="\(candidates)" sizes="\(sizes)" \
            width="\(fallback)" height="\(photo.height(atWidth: fallback))" alt="\(photo.alt)" decoding="async"\(loading)>
            """
    }

    /// The `srcset` with absolute addresses, for what is read away from the hub (feeds, mails).
    static func absoluteSource(_ photo: PlacedPhoto, width: Int, base: String) -> String {
        base + photo.path(width: photo.widths.first { $0 >= width } ?? photo.widths.last ?? photo.original.width)
    }

    /// A merchant's logo beside its name (on its page and in lists).
    static func logo(_ photo: PlacedPhoto, eager: Bool = false) -> HTML {
        image(photo, sizes: "96px", className: "merchant-logo", eager: eager)
    }

    /// A photo across the top of a card in a list (a post's first photo, a venue's or a market's photo).
    static func thumbnail(_ photo: PlacedPhoto) -> HTML {
        image(photo, sizes: "(min-width: 40rem) 24rem, 92vw", className: "card-thumb")
    }

    /// The attributes and the small photo that open a list item (` class="with-thumb"><img …>`), or `>` alone.
    static func listThumb(_ photo: PlacedPhoto?) -> HTML {
        guard let photo else { return ">" }
        return " class=\"with-thumb\">\(image(photo, sizes: "96px", className: "list-thumb"))"
    }

    /// The one photo of a venue or a market, at the top of its page.
    static func placePhoto(_ photo: PlacedPhoto) -> HTML {
        "<p class=\"place-photo\">\(image(photo, sizes: "(min-width: 60rem) 56rem, 92vw", className: "photo", eager: true))</p>"
    }

    /// The photos of a shop or a post, laid out in a grid of one to three columns.
    static func gallery(_ photos: [PlacedPhoto], label: String) -> HTML {
        guard !photos.isEmpty else { return "" }
        let items: [HTML] = photos.map {
            "<li>\(image($0, sizes: "(min-width: 900px) 280px, (min-width: 560px) 45vw, 92vw", className: "photo"))</li>"
        }
        return "<ul class=\"photo-gallery\" aria-label=\"\(label)\">\(items)</ul>"
    }
}

/// The photos' rules of layout, appended to the site's stylesheet.
enum PhotoStylesheet {
    static let css = """

        .merchant-logo { width: 96px; height: 96px; object-fit: contain; border-radius: 8px; background: #fff;
          border: 1px solid #ddd; float: right; margin: 0 0 .5rem 1rem; }
        .merchant-card .merchant-logo { width: 64px; height: 64px; }
        .photo-gallery { list-style: none; padding: 0; margin: 1rem 0; display: grid; gap: .5rem;
          grid-template-columns: repeat(auto-fill, minmax(min(100%, 240px), 1fr)); }
        .photo-gallery img, .photo-manager img { width: 100%; height: auto; border-radius: 6px; display: block; }
        .photo-gallery li { margin: 0; }
        .photo-manager { list-style: none; padding: 0; display: grid; gap: 1rem;
          grid-template-columns: repeat(auto-fill, minmax(min(100%, 200px), 1fr)); }
        .photo-manager figure { margin: 0; }
        .photo-manager figcaption { font-size: .9rem; overflow-wrap: anywhere; }
        .photo-manager form { margin-top: .25rem; }
        .photo-manager .remove-link { display: inline-block; padding: .4rem 0; min-height: 24px; }
        .photo-manager .merchant-logo { float: none; }
        .card-thumb { display: block; width: calc(100% + 2rem); max-width: none; height: auto; aspect-ratio: 3 / 2;
          object-fit: cover; margin: -1rem -1rem .5rem; border-radius: .5rem .5rem 0 0; }
        .with-thumb { display: flow-root; }
        .list-thumb { float: left; width: 96px; height: 64px; object-fit: cover; border-radius: 4px;
          margin: .15rem .75rem .25rem 0; }
                .place-photo img { width: 100%; height: auto; max-height: 28rem; object-fit: cover; border-radius: .5rem;
          display: block; }
        .photo-remove .actions { flex-wrap: wrap; align-items: center; gap: .5rem 1rem; }
        .photo-remove .actions a { display: inline-block; padding: .5rem 0; }
                .photo-remove img { width: min(100%, 320px); height: auto; border-radius: 6px; display: block; }
                .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
          white-space: nowrap; }
        """
}
