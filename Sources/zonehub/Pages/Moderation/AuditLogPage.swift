import Community
import Foundation
import Moderation

/// A zone's audit log, newest first.
struct AuditLogPage {
    let zone: Zone
    let lines: [AuditLine]

    func title(_ t: Language) -> String { t("Journal", "Audit log") + " · " + zone.name }

    func body(_ t: Language) -> HTML {
        let rows: [HTML] = lines.map { line in
            """
            <tr><td>\(Formats.dateTime(line.entry.at, t))</td><td>\(line.actorName ?? t("système", "system"))</td>\
            <td>\(AuditActionText.text(line.entry.action, t)) <code>\(line.entry.action)</code></td><td>\(line.entry.subject)</td><td><code>\(line.entry.details)</code></td></tr>
            """
        }
        return """
            <h1>\(t("Journal de la zone", "Zone audit log")) — \(zone.name)</h1>
            <table class="audit"><thead><tr><th>\(t("Date", "Date"))</th><th>\(t("Par", "By"))</th>\
            <th>\(t("Action", "Action"))</th><th>\(t("Objet", "Subject"))</th><th>\(t("Détails", "Details"))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }
}
