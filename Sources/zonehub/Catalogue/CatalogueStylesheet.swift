/// The catalogue's rules, served after the site's own in `/static/site.css`: one column on a phone, names and
/// prices that wrap rather than widen the page.
enum CatalogueStylesheet {
    static let css = """

        .products h3 { margin: 1rem 0 .4rem; font-size: 1.05rem; }
        ul.product-list, ul.catalogue-list, ul.import-errors { list-style: none; padding: 0; margin: 0; }
        ul.product-list { display: grid; gap: .6rem; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); }
        .product, .catalogue-item { background: #fff; border: 1px solid var(--line); border-radius: .5rem;
          padding: .6rem .8rem; display: flex; flex-direction: column; gap: .2rem; overflow-wrap: anywhere; min-width: 0; }
        .product-name { font-weight: 600; }
        .product-price { font-weight: 600; }
        .product-availability { color: var(--muted); font-size: .9rem; }
        .product-description { margin: .2rem 0 0; font-size: .9rem; }
        ul.catalogue-list { display: grid; gap: .5rem; margin: 1rem 0; }
        .catalogue-item .actions { display: flex; flex-wrap: wrap; gap: .3rem .8rem; align-items: center; }
        ul.import-errors li { margin: .2rem 0; overflow-wrap: anywhere; }
        .catalogue-files { margin-top: 2rem; }
        .product-page .product-price { font-size: 1.2rem; }
        .product-thumbnail { width: 64px; height: 64px; object-fit: cover; border-radius: 6px; float: right;
          margin: 0 0 .4rem .6rem; }
        .product .product-thumbnail { width: 56px; height: 56px; align-self: flex-start; float: none; margin: 0; }
        .product-card .product-price { margin: .2rem 0; }
        .product-photos-manager { margin-top: 2rem; }
        .market-catalogue h3 a { overflow-wrap: anywhere; }
        """
}
