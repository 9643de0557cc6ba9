import Community

/// What orders write to the audit log.
package enum OrdersAuditAction: String, AuditAction, CaseIterable {
    case windowAdd = "window.add"
    case windowRemove = "window.remove"
    case request = "order.request"
    case confirm = "order.confirm"
    case accept = "order.accept"
    case refuse = "order.refuse"
    case ready = "order.ready"
    case collect = "order.collect"
    case notCollected = "order.not_collected"
    case expire = "order.expire"
    case cancel = "order.cancel"
    case campaignOpen = "campaign.open"
    case campaignClose = "campaign.close"
    case preOrder = "campaign.order"

    package var name: String { rawValue }

    /// The action that records a request reaching `status`.
    package static func reaching(_ status: OrderStatus) -> OrdersAuditAction {
        switch status {
        case .unconfirmed, .requested: .request
        case .accepted: .accept
        case .refused: .refuse
        case .ready: .ready
        case .collected: .collect
        case .notCollected: .notCollected
        case .expired: .expire
        case .cancelled: .cancel
        }
    }

    package var french: String {
        switch self {
        case .windowAdd: "créneau de retrait ajouté"
        case .windowRemove: "créneau de retrait retiré"
        case .request: "commande demandée"
        case .confirm: "commande confirmée par e-mail"
        case .accept: "commande acceptée"
        case .refuse: "commande refusée"
        case .ready: "commande prête"
        case .collect: "commande retirée"
        case .notCollected: "commande non retirée"
        case .expire: "commande expirée"
        case .cancel: "commande annulée"
        case .campaignOpen: "campagne de précommande ouverte"
        case .campaignClose: "campagne de précommande close"
        case .preOrder: "précommande passée"
        }
    }

    package var english: String {
        switch self {
        case .windowAdd: "collection window added"
        case .windowRemove: "collection window removed"
        case .request: "order requested"
        case .confirm: "order confirmed by email"
        case .accept: "order accepted"
        case .refuse: "order refused"
        case .ready: "order ready"
        case .collect: "order collected"
        case .notCollected: "order not collected"
        case .expire: "order expired"
        case .cancel: "order cancelled"
        case .campaignOpen: "pre-order campaign opened"
        case .campaignClose: "pre-order campaign closed"
        case .preOrder: "pre-order placed"
        }
    }
}
