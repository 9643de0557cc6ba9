import Community
import Foundation

/// A merchant's last 30 days on the dashboard: an SVG chart drawn on the server (views as bars, clicks as dots)
/// and the same figures as a table, which screen readers read instead of the picture.
enum ReachChart {
    static let width = 600
    static let height = 100

    /// The dashboard's reach section for `merchant`.
    static func section(_ merchant: Merchant, _ summary: ReachSummary, _ t: Language) -> HTML {
        """
        <section class="reach" aria-labelledby="reach-\(merchant.slug)">
        <h3 id="reach-\(merchant.slug)">\(t("Visibilité sur 30 jours", "Reach over 30 days"))</h3>
        <p class="reach-totals" data-views="\(summary.views)" data-clicks="\(summary.clicks)">\
        \(Wording.count(summary.views, t, fr: ("vue de la page", "vues de la page"), en: ("page view", "page views"))) · \
        \(Wording.count(summary.clicks, t, fr: ("clic sur vos liens", "clics sur vos liens"), en: ("click on your links", "clicks on your links"))) · \
        \(Wording.count(summary.feedFetches, t, fr: ("lecture de flux", "lectures de flux"), en: ("feed fetch", "feed fetches"))) · \
        \(Wording.count(summary.digests, t, fr: ("résumé par courriel", "résumés par courriel"), en: ("email digest", "email digests")))</p>
        \(svg(summary, t))
        <p class="meta">\(t(
            "Comptées par le hub, sans cookie ni adresse IP, robots exclus : une page rechargée compte à nouveau, ce sont des vues de la page, pas des personnes.",
            "Counted by the hub, without cookies or IP addresses, robots left out: a reloaded page counts again; these are page views, not people."))</p>
        <details><summary>\(t("Détail jour par jour", "Day by day"))</summary>\(table(summary, t))</details>
        </section>
        """
    }

    /// The chart: one bar of views per day and a dark tick at each day's clicks, on a scale from zero to the busiest
    /// day. It stretches to any width (the dates and the scale are HTML beside it, so they stay readable on a phone).
    static func svg(_ summary: ReachSummary, _ t: Language) -> HTML {
        let days = summary.days
        let busiest = days.map { max($0.views, $0.clicks) }.max() ?? 0
        let highest = max(1, busiest)
        let step = Double(width) / Double(max(days.count, 1))
        func y(_ value: Int) -> Double { Double(height) * (1 - Double(value) / Double(highest)) }
        var marks: [HTML] = []
        for (index, day) in days.enumerated() {
            let x = (Double(index) * step + 1).rounded()
            let barWidth = max(2, (step - 3).rounded())
            if day.views > 0 {
                marks.append(
                    "<rect x=\"\(Int(x))\" y=\"\(Int(y(day.views)))\" width=\"\(Int(barWidth))\" height=\"\(height - Int(y(day.views)))\" fill=\"#e0a899\"/>"
                )
            }
            if day.clicks > 0 {
                marks.append(
                    "<rect x=\"\(Int(x))\" y=\"\(max(0, Int(y(day.clicks)) - 2))\" width=\"\(Int(barWidth))\" height=\"4\" fill=\"#1d2a33\"/>"
                )
            }
        }
        let scale =
            busiest == 0
            ? t("Rien de compté sur ces 30 jours.", "Nothing counted over these 30 days.")
            : t("Jour le plus fort : \(busiest)", "Busiest day: \(busiest)")
        let label = t(
            "Vues par jour en barres, clics en traits sombres ; le jour le plus fort compte \(highest).",
            "Views per day as bars, clicks as dark ticks; the busiest day counts \(highest).")
        return """
            <p class="reach-scale" aria-hidden="true">\(scale)</p>
            <svg class="reach-chart" viewBox="0 0 \(width) \(height)" preserveAspectRatio="none" role="img" \
            aria-label="\(label)" xmlns="http://www.w3.org/2000/svg">\(marks)</svg>
            <p class="reach-axis" aria-hidden="true"><span>\(days.first.map { shortDate($0.day) } ?? "")</span>\
            <span class="reach-key views"></span>\(t("vues", "views")) <span class="reach-key clicks"></span>\(t("clics", "clicks"))\
            <span>\(days.last.map { shortDate($0.day) } ?? "")</span></p>
            """
    }

    /// Every day with its figures, newest first.
    static func table(_ summary: ReachSummary, _ t: Language) -> HTML {
        let rows: [HTML] = summary.days.reversed().map { day in
            """
            <tr data-day="\(day.day)"><th scope="row">\(shortDate(day.day))</th><td class="views">\(day.views)</td>\
            <td class="clicks">\(day.clicks)</td><td>\(day.feedFetches)</td><td>\(day.digests)</td></tr>
            """
        }
        return """
            <table class="reach-table"><thead><tr><th scope="col">\(t("Jour", "Day"))</th>\
            <th scope="col">\(t("Vues de la page", "Page views"))</th><th scope="col">\(t("Clics", "Clicks"))</th>\
            <th scope="col">\(t("Lectures de flux", "Feed fetches"))</th>\
            <th scope="col">\(t("Résumés", "Digests"))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    /// A post's figures for its row in the dashboard's list.
    static func postFigures(_ counts: ReachTally.PostCounts?, _ t: Language) -> HTML {
        let counts = counts ?? .init()
        return """
            <span class="reach-post" data-views="\(counts.views)">\
            \(Wording.count(counts.views, t, fr: ("vue", "vues"), en: ("view", "views"))) · \
            \(Wording.count(counts.feedFetches, t, fr: ("lecture de flux", "lectures de flux"), en: ("feed fetch", "feed fetches"))) · \
            \(Wording.count(counts.digests, t, fr: ("résumé", "résumés"), en: ("digest", "digests")))</span>
            """
    }

    /// "07/12" for "2026-12-07".
    static func shortDate(_ day: String) -> String {
        let parts = day.split(separator: "-")
        guard parts.count == 3 else { return day }
        return "\(parts[2])/\(parts[1])"
    }
}

/// The reach section's layout.
enum ReachStylesheet {
    static let css = """

        section.reach { margin: 1rem 0; }
        section.reach h3 { margin: .5rem 0 .2rem; }
        svg.reach-chart { display: block; width: 100%; height: 8rem; background: #fff; border: 1px solid var(--line);
          border-bottom: 2px solid var(--muted); }
        .reach-scale, .reach-axis { font-size: .85rem; color: var(--muted); margin: .2rem 0; }
        .reach-axis { display: flex; justify-content: space-between; align-items: center; gap: .3rem; }
        .reach-key { display: inline-block; width: .8rem; height: .8rem; vertical-align: -1px; }
        .reach-key.views { background: #e0a899; margin-left: auto; }
        .reach-key.clicks { background: #1d2a33; height: .25rem; vertical-align: 3px; }
        .reach-axis span:last-child { margin-left: auto; }
        table.reach-table td { text-align: right; }
        .reach-post { display: block; font-size: .85rem; color: var(--muted); }

        """
}
