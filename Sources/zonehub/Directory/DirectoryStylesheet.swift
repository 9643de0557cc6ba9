/// The directory's rules, served after the site's own in `/static/site.css`.
enum DirectoryStylesheet {
    static let css = """

        .merchant-card { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: 1rem; }
        .merchant-card h3 { margin: .3rem 0; }
        ul.shop-links { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .3rem .8rem; }
        .open-now { font-weight: 600; }
        .open-now.open { color: #1e6b34; }
        .open-now.closed { color: var(--muted); }
        .stale { color: var(--accent); font-size: .9rem; }
        table.hours { border-collapse: collapse; margin: .4rem 0; }
        table.hours caption { text-align: left; font-weight: 600; }
        table.hours th { text-align: left; font-weight: normal; padding-right: 1rem; }
        .hint { color: var(--muted); font-size: .85rem; margin: .1rem 0 .6rem; }
        .directory-group { margin-bottom: 1.5rem; }
        .pager { margin: 1rem 0; display: flex; gap: 1rem; }
        ul.applications { list-style: none; padding: 0; display: grid; gap: .75rem; }
        ul.applications textarea { width: 100%; box-sizing: border-box; }
        """
}
