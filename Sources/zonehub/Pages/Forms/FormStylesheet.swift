/// Forms whose errors sit beside their fields (`FormFields`), the day-by-day opening hours, and confirmation
/// steps; served after the site's other rules in `/static/site.css`.
enum FormStylesheet {
    static let css = """

        .field-form .field { display: grid; gap: .2rem; min-width: 0; }
        .field-form input:not([type=checkbox]), .field-form textarea, .field-form select { width: 100%;
          min-height: 2.5rem; }
        .field-form textarea { min-height: 5rem; }
        .field-form label.check { min-height: 2rem; display: inline-flex; align-items: center; gap: .3rem; }
        .field-form input[type=checkbox] { width: 1.5rem; height: 1.5rem; margin: 0; }
        .field-form [aria-invalid=true] { border: 2px solid #9b1c1c; }
        .field-error { color: #9b1c1c; font-weight: 600; margin: 0; font-size: .95rem; }
        .field-form fieldset { min-width: 0; margin: .5rem 0 0; }
        .field-form .actions { flex-wrap: wrap; align-items: center; gap: .5rem 1rem; }
        .field-form .actions button, .confirm-actions button { min-height: 2.75rem; }
        ul.error-links { margin: .25rem 0 0; padding-left: 1.2rem; }
        ul.error-links a { display: block; min-height: 1.5rem; padding: .15rem 0; }
        .hours-days { display: grid; gap: .5rem; }
        .hours-days fieldset.day { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: .25rem .75rem;
          padding: .4rem .75rem .6rem; }
        .hours-days fieldset.day legend { font-weight: 600; }
        .hours-days fieldset.day .closed, .hours-days fieldset.day .field-error { grid-column: 1 / -1; }
        .hours-days fieldset.day label { margin-top: 0; font-weight: 400; }
        .hours-days .span { display: grid; gap: .1rem; min-width: 0; }
        .hours-days input[type=time] { min-width: 0; }
        details.advanced { margin-top: .5rem; }
        details.advanced summary { min-height: 1.5rem; padding: .25rem 0; cursor: pointer; }
        .confirm-actions { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin-top: 1rem; }
        .confirm-actions a { display: inline-block; min-height: 1.5rem; padding: .25rem 0; }

        """
}
