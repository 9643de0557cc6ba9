import Community
import Foundation
import Storage

/// What an import found: every row's problems, or the merchants it created.
package struct MerchantImportReport: Equatable, Sendable {
    /// A problem with one line of the file.
    package struct RowError: Equatable, Sendable {
        package let line: Int
        package let message: String
    }

    package let rows: Int
    package let errors: [RowError]
    /// Empty on a dry run and whenever any row has an error: the file goes in whole or not at all.
    package let imported: [Merchant]
}

/// A profile ready to be stored by an import.
package struct ImportEntry: Sendable {
    package let slug: String
    package let profile: MerchantProfile
    package let zoneIDs: [Zone.ID]
}

/// Imports merchants from a zone admin's spreadsheet (CSV with a header line), all in one transaction.
package struct MerchantImporter: Sendable {
    let service: MerchantService
    let directory: any DirectoryStore
    let zones: any ZoneStore
    let clock: any HubClock

    static let required = ["name", "categories", "commune", "postcode"]
    static let optional = ["description", "address", "phone", "email", "website", "links", "openingHours", "siret"]

    package init(service: MerchantService, directory: any DirectoryStore) {
        self.service = service
        self.directory = directory
        zones = service.zones
        clock = service.clock
    }

    /// Checks every row of `data` for `zoneSlug`, then stores them all, unless `dryRun` or any row fails.
    /// `progress` hears (rows done, rows) while checking and while storing.
    package func run(
        _ data: Data, zoneSlug: String, by actor: User, dryRun: Bool,
        progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> MerchantImportReport {
        guard let zone = try await zones.zone(slug: zoneSlug), !zone.isRetired else {
            throw CommunityNotFound.zone.error("no zone '\(zoneSlug.prefix(60))'")
        }
        guard actor.administers(zone.id) else {
            throw CommunityError.forbidden("only the zone's admins and hub operators import merchants")
        }
        let table = try CSVTable.parse(data, file: DirectoryField.file)
        let columns = try Self.columns(table.header)
        var errors: [MerchantImportReport.RowError] = []
        var entries: [ImportEntry] = []
        var seen: [String: Int] = [:]
        for (index, row) in table.rows.enumerated() {
            progress(index, table.rows.count)
            do {
                let profile = try Self.profile(row.fields, columns: columns, zone: zone.slug)
                let (valid, zoneIDs) = try await service.validated(profile)
                for key in Self.identities(valid) {
                    if let first = seen[key] {
                        throw DirectoryProblem.duplicate.error("same merchant as line \(first)")
                    }
                    seen[key] = row.line
                }
                let slug = try await service.freeSlug(for: valid, avoiding: Set(entries.map(\.slug)))
                entries.append(ImportEntry(slug: slug, profile: valid, zoneIDs: zoneIDs))
            } catch let error as CommunityError {
                errors.append(.init(line: row.line, message: error.message))
            }
        }
        progress(table.rows.count, table.rows.count)
        errors += try await existing(entries, lines: table.rows.map(\.line), errors: errors)
        errors.sort { $0.line < $1.line }
        guard errors.isEmpty, !dryRun, !entries.isEmpty else {
            return MerchantImportReport(rows: table.rows.count, errors: errors, imported: [])
        }
        let imported = try await directory.importMerchants(
            entries, owner: actor.id, at: clock.now(), progress: progress)
        return MerchantImportReport(rows: table.rows.count, errors: [], imported: imported)
    }

    /// Rows naming a merchant the hub already lists (same SIRET, or same name and postcode).
    private func existing(_ entries: [ImportEntry], lines: [Int], errors: [MerchantImportReport.RowError])
        async throws -> [MerchantImportReport.RowError]
    {
        let failed = Set(errors.map(\.line))
        let entryLines = lines.filter { !failed.contains($0) }
        let known = try await directory.identities(
            communeKeys: Set(entries.map { $0.profile.commune.folded }),
            sirets: Set(entries.compactMap(\.profile.siret)))
        let knownKeys = Set(known.flatMap { Self.identities(name: $0.name, postcode: $0.postcode, siret: $0.siret) })
        return zip(entryLines, entries).compactMap { line, entry in
            Self.identities(entry.profile).contains(where: knownKeys.contains)
                ? .init(line: line, message: "\(entry.profile.name) is already listed in the hub") : nil
        }
    }

    static func identities(_ profile: MerchantProfile) -> [String] {
        identities(name: profile.name, postcode: profile.postcode, siret: profile.siret)
    }

    static func identities(name: String, postcode: String, siret: String?) -> [String] {
        ["name:\(name.folded)|\(postcode)"] + (siret.map { ["siret:\($0)"] } ?? [])
    }

    /// Each known column's index; unknown or missing columns are refused before any row is read.
    static func columns(_ header: [String]) throws(CommunityError) -> [String: Int] {
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            guard required.contains(name) || optional.contains(name) else {
                throw DirectoryField.file.invalid(
                    "unknown column '\(name.prefix(40))' (columns: \((required + optional).joined(separator: ", ")))")
            }
            guard columns[name] == nil else { throw DirectoryField.file.invalid("column '\(name)' appears twice") }
            columns[name] = index
        }
        if let missing = required.first(where: { columns[$0] == nil }) {
            throw DirectoryField.file.invalid("the header has no '\(missing)' column")
        }
        return columns
    }

    /// A row as a profile; categories by code or French label, several separated by `|`, `,` or `;`.
    static func profile(_ fields: [String], columns: [String: Int], zone: String) throws(CommunityError)
        -> MerchantProfile
    {
        guard fields.count == columns.count else {
            throw DirectoryField.row.invalid("has \(fields.count) fields, the header has \(columns.count)")
        }
        func value(_ name: String) -> String? {
            columns[name].map { fields[$0].trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let categories = try (value("categories") ?? "").split(whereSeparator: { "|,;".contains($0) }).map {
            text throws(CommunityError) -> Category in
            let word = text.trimmingCharacters(in: .whitespaces)
            guard
                let category = Category.allCases.first(where: { $0.rawValue == word || $0.label.folded == word.folded })
            else { throw DirectoryField.categories.invalid("unknown category '\(word.prefix(40))'") }
            return category
        }
        return MerchantProfile(
            name: value("name") ?? "", description: value("description") ?? "", categories: categories,
            commune: value("commune") ?? "", postcode: value("postcode") ?? "", address: value("address") ?? "",
            phone: value("phone"), email: value("email"), website: value("website"),
            links: (value("links") ?? "").split(whereSeparator: { $0 == "|" || $0 == " " }).map(String.init),
            openingHours: value("openingHours"), siret: value("siret"), zones: [zone])
    }
}
