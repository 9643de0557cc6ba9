/// The organisers' forms, requests and organisers lists, served after the site's other rules in `/static/site.css`.
enum PopUpOrganiserStylesheet {
    static let css = """

        .manage-links { flex-wrap: wrap; align-items: center; gap: .5rem 1rem; }
        .manage-links { display: flex; }
        .manage-links a, .cancel-link, ul.manage-series a { display: inline-block; min-height: 1.5rem;
          padding: .25rem 0; }
        ul.manage-series { padding-left: 1.1rem; }
        ul.manage-series li, ul.cancel-days li { overflow-wrap: anywhere; margin: .3rem 0; }
        p.warning { background: #fff4e5; border-left: 4px solid #b26a00; padding: .5rem .75rem; }
        ol.requests, ul.organisers { list-style: none; padding: 0; display: grid; gap: .75rem; }
        .request-card, li.organiser { background: #fff; border: 1px solid var(--line); border-radius: .5rem;
          padding: .75rem 1rem; overflow-wrap: anywhere; }
        .request-card h2 { font-size: 1.15rem; margin: 0 0 .3rem; }
        .request-card p { margin: .25rem 0; }
        .request-card a { display: inline-block; min-height: 1.5rem; }
        .request-actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: flex-end; margin-top: .5rem; }
        .request-actions form.refuse { display: flex; flex-wrap: wrap; align-items: center; gap: .25rem .5rem;
          flex: 1 1 16rem; min-width: 0; }
        .request-actions form.refuse label, .request-actions form.refuse .field-error { flex-basis: 100%; }
        .request-actions form.refuse input { flex: 1 1 10rem; min-width: 0; min-height: 2.5rem; }
        .request-actions button { min-height: 2.5rem; }
        button.approve { background: #2e6b34; }
        li.organiser { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center;
          gap: .5rem; }
        li.organiser button { min-height: 2.5rem; }

        """
}
