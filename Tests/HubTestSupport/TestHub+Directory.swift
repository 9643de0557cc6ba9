import Community
import Directory

extension TestHub {
    package var directoryStore: any DirectoryStore { SQLDirectoryStore(database: hubDatabase.sql) }

    /// Full-text search on this hub's database.
    package var search: SearchService {
        SearchService(search: SQLSearchStore(database: hubDatabase.sql), zones: zoneStore, clock: clock)
    }

    /// A merchant with every search-relevant field chosen by the test.
    package func merchant(
        _ name: String, owner: User, description: String, categories: [Category] = [.alimentation],
        commune: (String, String) = ("Corbeil-Essonnes", "91100"), zone: String = "alpha"
    ) async throws -> Merchant {
        try await merchants.create(
            MerchantProfile(
                name: name, description: description, categories: categories, commune: commune.0,
                postcode: commune.1, zones: [zone]),
            owner: owner)
    }
}
