import Community

/// What the catalogue writes to the audit log.
package enum CatalogueAuditAction: String, AuditAction, CaseIterable {
    case add = "product.add"
    case update = "product.update"
    case remove = "product.remove"
    case importFile = "catalogue.import"
    case photoAdd = "product.photo.add"
    case photoRemove = "product.photo.remove"

    package var name: String { rawValue }

    package var french: String {
        switch self {
        case .add: "produit ajouté au catalogue"
        case .update: "produit modifié"
        case .remove: "produit retiré du catalogue"
        case .importFile: "catalogue importé d'un fichier CSV"
        case .photoAdd: "photo ajoutée à un produit"
        case .photoRemove: "photo retirée d'un produit"
        }
    }

    package var english: String {
        switch self {
        case .add: "product added to the catalogue"
        case .update: "product updated"
        case .remove: "product removed from the catalogue"
        case .importFile: "catalogue imported from a CSV file"
        case .photoAdd: "photo added to a product"
        case .photoRemove: "photo removed from a product"
        }
    }
}
