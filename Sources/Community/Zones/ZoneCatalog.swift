import Foundation

/// The zone definitions read from a directory of zone files (`zones/` by default).
package struct ZoneCatalog: Sendable {
    package let definitions: [String: ZoneDefinition]

    package init(definitions: [String: ZoneDefinition]) { self.definitions = definitions }

    /// Reads and validates every `*.json` file in `directory`; fails with every problem of every file.
    package static func load(directory: URL) throws(ZoneCatalogError) -> ZoneCatalog {
        let files: [URL]
        do {
            // A directory given through a symbolic link is listed as the directory it points to.
            files = try FileManager.default.contentsOfDirectory(
                at: directory.resolvingSymlinksInPath(), includingPropertiesForKeys: nil
            )
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        } catch {
            throw .unreadable(directory.path)
        }
        var definitions: [String: ZoneDefinition] = [:]
        var problems: [ZoneFileProblem] = []
        for file in files {
            let slug = file.deletingPathExtension().lastPathComponent
            let name = file.lastPathComponent
            guard ZoneDefinition.isValidSlug(slug) else {
                problems.append(
                    .init(file: name, field: "-", message: "file name must be a slug (a-z, 0-9, hyphens; not 'search')")
                )
                continue
            }
            guard let data = try? Data(contentsOf: file) else {
                problems.append(.init(file: name, field: "-", message: "cannot be read"))
                continue
            }
            do {
                definitions[slug] = try ZoneDefinition.parse(data, file: name)
            } catch {
                if case .invalid(let found) = error { problems += found }
            }
        }
        if files.isEmpty { throw .empty(directory.path) }
        if !problems.isEmpty { throw .invalid(problems) }
        return ZoneCatalog(definitions: definitions)
    }
}

/// Why a zone directory could not be loaded.
package enum ZoneCatalogError: Error, Equatable, CustomStringConvertible {
    case unreadable(String)
    case empty(String)
    case invalid([ZoneFileProblem])

    package var description: String {
        switch self {
        case .unreadable(let path): "\(path): cannot read the zone directory"
        case .empty(let path): "\(path): no zone file (*.json) found"
        case .invalid(let problems): problems.map(\.description).joined(separator: "\n")
        }
    }
}
