import Community
import Foundation

/// The directory's filters as read from the address, and the links that change one of them.
struct DirectoryFilters {
    let path: String
    let category: Category?
    let commune: String?
    let openNow: Bool
    let page: Int

    func link(category: Category?? = nil, commune: String?? = nil, openNow: Bool? = nil, page: Int = 0) -> String {
        var items: [URLQueryItem] = []
        if let category = category ?? self.category {
            items.append(URLQueryItem(name: "category", value: category.rawValue))
        }
        if let commune = commune ?? self.commune { items.append(URLQueryItem(name: "commune", value: commune)) }
        if openNow ?? self.openNow { items.append(URLQueryItem(name: "open", value: "1")) }
        if page > 0 { items.append(URLQueryItem(name: "page", value: String(page))) }
        var components = URLComponents()
        components.path = path
        components.queryItems = items.isEmpty ? nil : items
        return components.string ?? path
    }
}
