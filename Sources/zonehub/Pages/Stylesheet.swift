/// The site's one stylesheet, served from `/static/site.css`: no external fonts, scripts or CDN.
enum Stylesheet {
    static let css = """
        :root { --ink: #1d2a33; --muted: #5b6b75; --accent: #b5412b; --paper: #fffdf8; --line: #e4ddd0; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 17px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink);
          background: var(--paper); }
        header.site, footer.site { display: flex; justify-content: space-between; align-items: center; gap: 1rem;
          padding: .75rem 1.25rem; background: #fff; border-bottom: 1px solid var(--line); flex-wrap: wrap; }
        footer.site { border-top: 1px solid var(--line); border-bottom: 0; color: var(--muted); font-size: .9rem;
          margin-top: 3rem; }
        footer.site nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; }
        footer.site nav a { margin-left: 0; }
        section.privacy { border-top: 1px solid var(--line); margin-top: 2rem; }
        .brand { font-weight: 700; font-size: 1.3rem; color: var(--accent); text-decoration: none; }
        nav a, nav .who { margin-left: .75rem; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.25rem; }
        a { color: #1f5f8b; }
        h1 { line-height: 1.2; overflow-wrap: anywhere; }
        .lead { font-size: 1.15rem; color: var(--muted); }
        .meta { color: var(--muted); font-size: .9rem; margin: .2rem 0; }
        .badge { background: var(--accent); color: #fff; border-radius: .3rem; padding: 0 .4rem; font-size: .8rem; }
        ul.zones { list-style: none; padding: 0; display: grid; gap: 1rem;
          grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
        .zone-card, .post-card { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; }
        .zone-card strong { font-size: 1.15rem; }
        .posts { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); }
        .post-card h3 { margin: .3rem 0; }
        ul.facts { padding-left: 1.1rem; }
        .price { font-weight: 700; }
        .filters { display: flex; flex-wrap: wrap; gap: .4rem; margin: 1rem 0; }
        .filters a { border: 1px solid var(--line); border-radius: 1rem; padding: .1rem .7rem; text-decoration: none;
          background: #fff; }
        .filters a[aria-current] { background: var(--ink); color: #fff; }
        form.search { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 1rem 0; }
        form.stacked { display: grid; grid-template-columns: minmax(0, 1fr); gap: .35rem; max-width: 36rem; }
        form.stacked input, form.stacked select, form.stacked textarea { max-width: 100%; box-sizing: border-box; }
        form.stacked label { font-weight: 600; margin-top: .5rem; }
        form.inline { display: inline; }
        input, select, textarea, button { font: inherit; padding: .4rem .55rem; border: 1px solid #b9b1a3;
          border-radius: .35rem; }
        button, .button { background: var(--accent); color: #fff; border: 0; cursor: pointer; text-decoration: none;
          padding: .45rem .9rem; border-radius: .35rem; display: inline-block; }
        button.secondary { background: var(--muted); }
        button.danger { background: #9b1c1c; }
        button.link { background: none; color: #1f5f8b; text-decoration: underline; padding: 0; }
        .actions { display: flex; gap: .5rem; margin-top: 1rem; }
        td.actions button { padding: .15rem .5rem; font-size: .85rem; }
        td.actions { display: table-cell; }
        td.actions > form { display: inline; }
        td.actions > * + * { margin-left: .5rem; }
        fieldset { border: 1px solid var(--line); border-radius: .35rem; }
        label.check { display: inline-block; margin-right: .8rem; font-weight: 400; }
        .error { background: #fdecea; border-left: 4px solid var(--accent); padding: .5rem .75rem; }
        .status { font-weight: 600; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .4rem; border-bottom: 1px solid var(--line); }
        /* On a phone a table becomes a list: one card per row, its cells one under the other, the column headings
           kept for screen readers only (short tables of opening hours stay tables). */
        @media (max-width: 40rem) {
          table:not(.hours), table:not(.hours) > tbody, table:not(.hours) > tbody > tr,
          table:not(.hours) > tbody > tr > td, table:not(.hours) > tbody > tr > th { display: block; width: auto; }
          table:not(.hours) > thead { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
          table:not(.hours) > tbody > tr { border: 1px solid var(--line); border-radius: .5rem; background: #fff;
            padding: .4rem .7rem; margin: .6rem 0; }
          table:not(.hours) > tbody > tr > td, table:not(.hours) > tbody > tr > th { border: 0; padding: .15rem 0;
            overflow-wrap: anywhere; }
        }
        .post-image { max-width: 100%; border-radius: .5rem; }
        .empty { color: var(--muted); font-style: italic; }
        .notice { background: #e8f4ea; border-left: 4px solid #2e7d32; padding: .5rem .75rem; }
        .hint { color: var(--muted); font-size: .9rem; margin: 0; }
        .trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
        .sign-up-item { border: 1px solid var(--line); border-radius: .5rem; padding: .75rem; margin: .75rem 0;
          background: #fff; }
        .sign-up-item h2, .sign-up-item h3 { margin: 0 0 .3rem; font-size: 1.1rem; overflow-wrap: anywhere; }
        ol.audit, ul.transparency { list-style: none; padding: 0; }
        ol.audit > li, ul.transparency > li { border-bottom: 1px solid var(--line); padding: .5rem 0;
          overflow-wrap: anywhere; }
        ol.audit p { margin: .2rem 0; }
        ul.transparency h3 { margin: 0 0 .2rem; font-size: 1.05rem; }
        .raw { white-space: pre-wrap; overflow-wrap: anywhere; font-size: .85rem; max-width: 100%; }
        dl.raw dt { font-weight: 600; }
        dl.raw dd { margin: 0 0 .3rem; }
        .statements li, .reasons li { overflow-wrap: anywhere; }
        """
}
