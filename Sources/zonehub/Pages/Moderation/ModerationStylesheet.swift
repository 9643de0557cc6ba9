/// The zone admins' queues (posts, sign-ups, claims), served last in `/static/site.css`: one card per item, clearly
/// apart; decisions that look different by meaning (approve green and filled, refuse outlined in red, send back
/// grey); fields labelled above them; a visible focus ring; every control at least 44 px tall; phones first.
enum ModerationStylesheet {
    static let css = """

        nav.queue-links ul { list-style: none; padding: 0; margin: .5rem 0 1rem; display: flex; flex-wrap: wrap;
          gap: .25rem .5rem; }
        nav.queue-links a { display: inline-flex; align-items: center; min-height: 2.75rem; padding: 0 .75rem;
          border: 1px solid var(--line); border-radius: 1.5rem; background: #fff; margin: 0; }
        .queue-item, .sign-up-item { border: 1px solid #cfc6b6; border-left: 6px solid var(--muted);
          border-radius: .5rem; padding: .9rem 1rem; margin: 0 0 1.5rem; background: #fff;
          box-shadow: 0 1px 3px rgb(0 0 0 / 8%); overflow-wrap: anywhere; scroll-margin-top: 1rem; }
        .queue-item h2.queue-title { margin: 0 0 .35rem; font-size: 1.25rem; line-height: 1.3; }
        .queue-item h3 { font-size: 1rem; margin: .9rem 0 .3rem; }
        .queue-item ul.reasons { margin: 0; padding-left: 1.2rem; }
        .queue-item .preview { border-top: 1px solid var(--line); margin-top: .75rem; padding-top: .25rem; }
        .queue-item .preview .body p { margin: .5rem 0; }
        .queue-item .overdue { color: #8a1c1c; }
        ul.queue-thumbs { list-style: none; padding: 0; margin: .6rem 0; display: flex; flex-wrap: wrap; gap: .5rem; }
        ul.queue-thumbs a { display: block; border-radius: .35rem; }
        img.queue-thumb { width: 96px; height: 96px; object-fit: cover; border-radius: .35rem; display: block;
          border: 1px solid var(--line); }
        .decide { display: grid; gap: .75rem; margin-top: 1rem; padding-top: .75rem; border-top: 1px solid var(--line); }
        .decide form { display: grid; grid-template-columns: minmax(0, 1fr); gap: .3rem; margin: 0; }
        .decide form.reject { border: 1px solid #e3c4c4; border-radius: .5rem; padding: .6rem .75rem; background: #fdf7f7; }
        .decide form.changes { border: 1px solid var(--line); border-radius: .5rem; padding: .6rem .75rem; }
        .decide label, form.bulk label { font-weight: 600; }
        .queue-item input:not([type=checkbox]), .queue-item select, .queue-item button, form.bulk select,
        form.bulk button, .sign-up-item input, .sign-up-item button, nav.queue-links a {
          min-height: 2.75rem; max-width: 100%; }
        .queue-item button, .sign-up-item button, form.bulk button { font-weight: 600; }
        button.approve { background: #2e6b34; color: #fff; border: 2px solid #2e6b34; }
        button.approve:hover { background: #245529; }
        button.reject { background: #fff; color: #8a1c1c; border: 2px solid #8a1c1c; }
        button.reject:hover { background: #fbeaea; }
        .queue-item .select { margin: .75rem 0 0; }
        .queue-item label.check { display: inline-flex; align-items: center; gap: .5rem; min-height: 2.75rem;
          font-weight: 400; margin: 0; }
        .queue-item input[type=checkbox] { width: 1.5rem; height: 1.5rem; margin: 0; }
        form.bulk { display: grid; grid-template-columns: minmax(0, 1fr); gap: .3rem; max-width: 36rem;
          border: 1px dashed #cfc6b6; border-radius: .5rem; padding: .75rem 1rem; margin: 1rem 0; }
        form.bulk h2 { font-size: 1.1rem; margin: 0; }
        .queue-item :focus-visible, .sign-up-item :focus-visible, form.bulk :focus-visible,
        nav.queue-links a:focus-visible { outline: 3px solid #1f5f8b; outline-offset: 2px; }
        p.notice#decided { scroll-margin-top: 1rem; margin: 0 0 .75rem; }
        .sign-up-item .actions { margin-top: .75rem; }
        .queue-item .meta a { display: inline-flex; align-items: center; min-height: 2.75rem; }
        @media (min-width: 40rem) {
          .decide { grid-template-columns: 1fr 1fr; align-items: start; }
          .decide form.approve { grid-column: 1 / -1; justify-items: start; }
          .decide form.approve button { min-width: 14rem; }
        }
        """
}
