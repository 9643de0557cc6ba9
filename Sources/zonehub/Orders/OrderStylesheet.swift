/// Orders' rules, served with the site's in `/static/site.css`: requests as cards with their status as a badge,
/// the window choice as a list of radio buttons, long addresses (the private calendar's) wrapped on a phone.
enum OrderStylesheet {
    static let css = """

        ul.order-list, ul.window-list, ul.campaign-list { list-style: none; padding: 0; }
        li.order, ul.campaign-list > li { background: #fff; border: 1px solid var(--line); border-radius: .5rem;
          padding: .75rem 1rem; margin: 0 0 1rem; overflow-wrap: anywhere; }
        li.order h2, li.order h3, ul.campaign-list h3 { margin: 0 0 .4rem; font-size: 1.15rem; }
        ul.order-lines { padding-left: 1.25rem; margin: .4rem 0; }
        ul.window-list > li { padding: .4rem 0; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
        .order-status { display: inline-block; border-radius: 1rem; padding: .05rem .6rem; font-weight: 600;
          font-size: .9rem; background: #f1ece2; }
        .status-requested, .status-unconfirmed { background: #fdf0d5; }
        .status-accepted, .status-ready, .status-collected { background: #dff3e4; }
        .status-refused, .status-expired, .status-cancelled, .status-not-collected { background: #f6e3e0; }
        .order-form fieldset#window label.check { display: flex; align-items: center; gap: .5rem; margin: .4rem 0; }
        .order-form input[type=radio] { width: 1.2rem; height: 1.2rem; margin: 0; flex: none; }
        .order-form input[type=number], .order-answer input[type=number] { max-width: 8rem; }
        p.calendar-link { overflow-wrap: anywhere; }
        ul.order-facts, .order-campaigns li { overflow-wrap: anywhere; }

        """
}
