/// The header, breadcrumbs, footer and home page's styles, and the operator's colour; phones first (360 px wide, tap
/// targets of 24 px at least), the header's menu a popover on phones and part of the header on wide screens.
enum LayoutStylesheet {
    static let css = """
        .skip { position: absolute; left: .5rem; top: -3rem; background: #fff; padding: .5rem .75rem; z-index: 10;
          border: 2px solid var(--ink); }
        .skip:focus { top: .5rem; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
          white-space: nowrap; }
        main:focus { outline: none; }
        header.site { position: relative; display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .75rem;
          padding: .5rem 1rem; }
        header.site .bar { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .75rem; min-width: 0;
          margin-right: 5rem; }
        header.site .brand { display: inline-flex; align-items: center; gap: .4rem; min-height: 2.75rem;
          overflow-wrap: anywhere; }
        header.site .logo { width: 2rem; height: 2rem; object-fit: contain; }
        header.site .here { border: 1px solid var(--line); border-radius: 1rem; padding: .25rem .75rem;
          text-decoration: none; color: var(--ink); background: var(--paper); overflow-wrap: anywhere; }
        header.site .menu-button { position: absolute; top: .5rem; right: 1rem; min-height: 2.75rem;
          padding: .5rem .8rem; border: 1px solid var(--line); background: #fff; color: var(--ink); font-weight: 600; }
        header.site .menu-button::after { content: " ▾"; }
        .menu-panel:popover-open { display: grid; gap: .5rem; position: fixed; inset: 3.75rem 0 auto 0; width: auto; margin: 0 .5rem;
          max-height: calc(100dvh - 4.5rem); overflow: auto; padding: .5rem 1rem; background: #fff; color: var(--ink);
          border: 1px solid var(--line); border-radius: .5rem; box-shadow: 0 .5rem 1.5rem rgb(0 0 0 / 20%); }
        .menu-panel ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem; }
        .menu-panel nav.main ul { border-bottom: 1px solid var(--line); padding-bottom: .5rem; }
        .menu-panel a, .menu-panel button.link { display: inline-flex; align-items: center; min-height: 2.75rem;
          padding: .25rem .6rem; margin: 0; border-radius: .35rem; }
        .menu-panel nav a { margin-left: 0; }
        .menu-panel li.who { display: inline-flex; align-items: center; min-height: 2.75rem; padding: 0 .6rem;
          margin: 0; color: var(--muted); overflow-wrap: anywhere; }
        .menu-panel li.who .who { margin: 0; }
        .menu-panel .lang { margin: 0; }
        @media (max-width: 63.99rem) {
          .menu-panel ul { flex-direction: column; }
          .menu-panel a, .menu-panel button.link { display: flex; width: 100%; }
        }
        @supports not selector(:popover-open) {
          header.site .menu-button { display: none; }
          header.site .bar { margin-right: 0; }
          .menu-panel { display: grid; gap: .5rem; flex: 1 1 100%; }
        }
        @media (min-width: 64rem) {
          header.site .bar { margin-right: 0; }
          header.site .brand { white-space: nowrap; }
          header.site .menu-button { display: none; }
          .menu-panel, .menu-panel:popover-open { display: contents; }
          .menu-panel nav.main { order: 1; flex: 1 1 auto; }
          .menu-panel nav.account { order: 2; margin-left: auto; }
          .menu-panel .lang { order: 3; }
          .menu-panel ul { flex-wrap: nowrap; }
          .menu-panel nav.main ul { border: 0; padding: 0; }
          .menu-panel a, .menu-panel button.link, .menu-panel li.who { white-space: nowrap; }
        }
        nav.breadcrumbs { max-width: 60rem; margin: 0 auto; padding: .75rem 1.25rem 0; }
        nav.breadcrumbs ol { list-style: none; display: flex; flex-wrap: wrap; gap: 0 .4rem; padding: 0; margin: 0;
          font-size: .95rem; }
        nav.breadcrumbs li { overflow-wrap: anywhere; }
        nav.breadcrumbs li + li::before { content: "›"; margin-right: .4rem; color: var(--muted); }
        nav.breadcrumbs a { display: inline-block; padding: .2rem 0; min-height: 1.5rem; margin-left: 0; }
        footer.site { flex-direction: column; align-items: flex-start; }
        footer.site p { margin: 0; }
        footer.site nav a { display: inline-block; padding: .2rem 0; min-height: 1.5rem; }
        .home-section { margin-top: 2rem; }
        ul.upcoming { list-style: none; padding: 0; display: grid; gap: .5rem;
          grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
        ul.upcoming li { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: .6rem .8rem;
          overflow-wrap: anywhere; }
        ul.upcoming .meta { display: block; }
        .digest-call { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--accent);
          border-radius: .5rem; padding: .75rem 1rem; margin: 1.5rem 0; }
        ul.matches, ul.zones-outside, main ul a { overflow-wrap: anywhere; }
        """

    /// The operator's colour in place of the stylesheet's accent, when set.
    static func identity(_ identity: HubIdentity) -> String {
        guard let color = identity.color else { return "" }
        return "\n:root { --accent: \(color); }\n"
    }
}
