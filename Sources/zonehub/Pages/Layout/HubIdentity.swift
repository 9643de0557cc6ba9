import Foundation

/// The hub's own identity, from the operator's configuration: the name it goes by, its logo, its main colour, the
/// line of its footer and the address to write to. A town or an association runs zonehub under its own name.
struct HubIdentity: Sendable, Equatable {
    /// The name in the header, the pages' titles, the mails' sender and the hub's feed.
    var name = "zonehub"
    var logo: Logo?
    /// The main colour, `#rrggbb`, on which white text is readable (WCAG AA); nil keeps the stylesheet's.
    var color: String?
    /// The footer's own line; nil keeps the hub's.
    var footer: String?
    /// Where to write to the hub's team: an email address or an https address; nil when not given.
    var contact: Contact?

    /// The logo: a file read at start and served by the hub, or an address on the hub itself.
    enum Logo: Sendable, Equatable {
        case file(bytes: [UInt8], contentType: String)
        case path(String)

        /// Where pages find it.
        var source: String {
            switch self {
            case .file: HubIdentity.logoPath
            case .path(let path): path
            }
        }
    }

    enum Contact: Sendable, Equatable {
        case email(String)
        case web(String)

        var href: String {
            switch self {
            case .email(let address): "mailto:\(address)"
            case .web(let address): address
            }
        }

        /// What the link reads.
        var text: String {
            switch self {
            case .email(let address): address
            case .web(let address): address
            }
        }
    }

    /// The served logo's address, when it is a file.
    static let logoPath = "/static/logo"
}
