import Community
import Directory
import Hummingbird

/// Reads a search from query parameters (`q`, `zone`, `commune`, `category`, `kind`, `offset`, `limit`), for the
/// page and the API alike; empty parameters mean no filter (forms send them empty).
enum SearchRequest {
    static func query(_ request: Request, limit defaultLimit: Int = 20) throws -> SearchQuery {
        let parameters = try request.formQuery()
        func value(_ name: String) -> String? {
            parameters.get(name).flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        }
        let kind = try value("kind").map { text throws(CommunityError) -> SearchKind in
            guard let kind = SearchKind(rawValue: text) else {
                throw DirectoryField.kind.invalid("one of merchant, offer, news, event, product")
            }
            return kind
        }
        return SearchQuery(
            text: parameters.get("q") ?? "", zone: value("zone"), commune: value("commune"),
            category: try value("category").map { try Category.parse($0) }, kind: kind,
            limit: try APIController.integer(value("limit"), DirectoryField.limit, in: 1...50) ?? defaultLimit,
            offset: try APIController.integer(value("offset"), DirectoryField.offset, in: 0...Int.max) ?? 0)
    }
}
