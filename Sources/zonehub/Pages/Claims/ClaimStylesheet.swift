/// Claims' rules, served after the site's and the directory's in `/static/site.css`.
enum ClaimStylesheet {
    static let css = """

        p.claim { background: #fff; border: 1px dashed var(--accent); border-radius: .5rem; padding: .5rem .75rem; }
        section.claim-way { border-top: 1px solid var(--line); margin-top: 1rem; }
        ul.facts li { overflow-wrap: anywhere; }
        dl.sirets { display: grid; grid-template-columns: auto 1fr; gap: .2rem .75rem; margin: .5rem 0; }
        dl.sirets dt { font-weight: 600; }
        dl.sirets dd { margin: 0; }
        .sign-up-item blockquote { margin: .5rem 0; padding-left: .75rem; border-left: 3px solid var(--line);
          overflow-wrap: anywhere; }

        """
}
