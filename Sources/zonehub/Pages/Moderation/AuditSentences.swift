import Catalogue
import Community
import Directory
import Membership
import Moderation
import Orders
import Photos
import PopUps

/// What each audit action says in a sentence: the verb phrase that goes between who acted and what they acted on
/// ("a approuvé", "a accordé la confiance à"). One exhaustive `switch` per target, so that a new action does not
/// compile without its words.
enum AuditSentences {
    /// The verb phrase of a stored action name; nil for a name this version does not know.
    static func verb(_ name: String, _ t: Language) -> String? {
        switch AuditActionText.actions[name] {
        case let action as CommunityAuditAction: verb(action, t)
        case let action as ModerationAuditAction: verb(action, t)
        case let action as PopUpAuditAction: verb(action, t)
        case let action as DirectoryAuditAction: verb(action, t)
        case let action as MembershipAuditAction: verb(action, t)
        case let action as CatalogueAuditAction: verb(action, t)
        case let action as OrdersAuditAction: verb(action, t)
        default: PhotoAuditAction(rawValue: name).map { verb($0, t) }
        }
    }

    static func verb(_ action: CatalogueAuditAction, _ t: Language) -> String {
        switch action {
        case .add: t("a ajouté au catalogue", "added to the catalogue")
        case .update: t("a modifié dans le catalogue", "edited in the catalogue")
        case .remove: t("a retiré du catalogue", "removed from the catalogue")
        case .importFile: t("a importé d'un fichier CSV le catalogue de", "imported from a CSV file the catalogue of")
        case .photoAdd: t("a ajouté une photo au produit", "added a photo to the product")
        case .photoRemove: t("a retiré une photo du produit", "removed a photo from the product")
        }
    }

    static func verb(_ action: OrdersAuditAction, _ t: Language) -> String {
        switch action {
        case .windowAdd: t("a ajouté un créneau de retrait", "added a collection window")
        case .windowRemove: t("a retiré le créneau de retrait", "removed the collection window")
        case .request: t("a demandé la commande", "requested the order")
        case .confirm: t("a confirmé par e-mail la commande", "confirmed by email the order")
        case .accept: t("a accepté la commande", "accepted the order")
        case .refuse: t("a refusé la commande", "refused the order")
        case .ready: t("a préparé la commande", "made ready the order")
        case .collect: t("a remis la commande", "handed over the order")
        case .notCollected: t("a noté comme non retirée la commande", "marked as not collected the order")
        case .expire: t("a laissé expirer la commande", "let expire the order")
        case .cancel: t("a annulé la commande", "cancelled the order")
        case .campaignOpen: t("a ouvert la campagne de précommande", "opened the pre-order campaign")
        case .campaignClose: t("a clos la campagne de précommande", "closed the pre-order campaign")
        case .preOrder: t("a précommandé", "pre-ordered")
        }
    }

    static func verb(_ action: PhotoAuditAction, _ t: Language) -> String {
        switch action {
        case .merchantPhotoAdd: t("a ajouté une photo à la fiche de", "added a photo to the listing of")
        case .merchantPhotoRemove: t("a retiré une photo de la fiche de", "removed a photo from the listing of")
        case .postPhotoAdd: t("a ajouté une photo à la publication", "added a photo to the post")
        case .postPhotoRemove: t("a retiré une photo de la publication", "removed a photo from the post")
        case .venuePhotoSet: t("a placé une photo sur le lieu", "placed a photo on the venue")
        case .venuePhotoRemove: t("a retiré la photo du lieu", "removed the photo of the venue")
        case .marketPhotoSet: t("a placé une photo sur le marché", "placed a photo on the market")
        case .marketPhotoRemove: t("a retiré la photo du marché", "removed the photo of the market")
        }
    }

    static func verb(_ action: CommunityAuditAction, _ t: Language) -> String {
        switch action {
        case .zoneAdd: t("a ajouté la zone", "added the zone")
        case .zoneUpdate: t("a mis à jour la zone", "updated the zone")
        case .zoneRestore: t("a rétabli la zone", "restored the zone")
        case .zoneRetire: t("a retiré la zone", "retired the zone")
        case .userCreate: t("a créé le compte de", "created the account of")
        case .userPassword: t("a changé le mot de passe de", "changed the password of")
        case .roleGrant: t("a donné un rôle à", "gave a role to")
        case .roleRevoke: t("a retiré un rôle à", "took a role from")
        case .userDisable: t("a désactivé le compte de", "disabled the account of")
        case .userEnable: t("a réactivé le compte de", "enabled again the account of")
        case .merchantCreate: t("a créé la fiche de", "created the listing of")
        case .merchantUpdate: t("a modifié la fiche de", "edited the listing of")
        case .postCreate: t("a écrit la publication", "wrote the post")
        case .postEdit: t("a modifié la publication", "edited the post")
        case .postSubmit: t("a soumis la publication", "submitted the post")
        case .postWithdraw: t("a retiré la publication", "withdrew the post")
        case .postPublishScheduled: t("a mis en ligne la publication programmée", "published the scheduled post")
        case .postExpire: t("a clos la publication arrivée à échéance", "closed the expired post")
        }
    }

    static func verb(_ action: ModerationAuditAction, _ t: Language) -> String {
        switch action {
        case .decision(.approve): t("a approuvé", "approved")
        case .decision(.reject): t("a refusé", "rejected")
        case .decision(.requestChanges): t("a demandé des modifications sur", "asked for changes to")
        case .decision(.remove): t("a retiré", "removed")
        case .report: t("a signalé", "reported")
        case .hiddenByReports: t("a masqué après des signalements", "hid after residents' reports")
        case .rulesUpdate: t("a modifié les règles de la zone", "edited the rules of the zone")
        case .trust(.granted): t("a accordé la confiance à", "trusted")
        case .trust(.revoked): t("a retiré la confiance à", "revoked the trust of")
        case .trust(nil): t("a rendu à son historique la confiance envers", "set back to its record the trust of")
        }
    }

    static func verb(_ action: PopUpAuditAction, _ t: Language) -> String {
        switch action {
        case .venueCreate: t("a créé le lieu éphémère", "created the pop-up venue")
        case .venueUpdate: t("a modifié le lieu éphémère", "edited the pop-up venue")
        case .seriesCreate: t("a créé une série de créneaux à", "created a series of slots at")
        case .seriesUpdate: t("a modifié une série de créneaux à", "edited a series of slots at")
        case .seriesCancel: t("a annulé une série de créneaux à", "cancelled a series of slots at")
        case .slotCreate: t("a créé un créneau à", "created a slot at")
        case .slotUpdate: t("a modifié un créneau à", "edited a slot at")
        case .slotCancel: t("a annulé un créneau à", "cancelled a slot at")
        case .bookingCreate: t("a demandé la réservation de", "requested the booking of")
        case .booking(.requested):
            t("a transmis à l'organisateur la réservation de", "passed to the organiser the booking of")
        case .booking(.confirmed): t("a confirmé la réservation de", "confirmed the booking of")
        case .booking(.cancelled): t("a annulé la réservation de", "cancelled the booking of")
        case .booking(.refused): t("a refusé la réservation de", "refused the booking of")
        case .booking(.waiting): t("a mis en liste d'attente", "put on the waitlist")
        case .booking(.offered): t("a proposé une place libérée à", "offered a freed place to")
        case .booking(.lapsed): t("a clos la proposition de place expirée faite à", "closed the lapsed place offer to")
        }
    }

    static func verb(_ action: DirectoryAuditAction, _ t: Language) -> String {
        switch action {
        case .merchantConfirm: t("a confirmé à jour la fiche de", "confirmed up to date the listing of")
        case .marketCreate: t("a créé le marché", "created the market")
        case .marketApply: t("a déposé la candidature de", "filed the application of")
        case .marketApprove: t("a accepté la candidature de", "accepted the application of")
        case .marketReject: t("a refusé la candidature de", "refused the application of")
        }
    }

    static func verb(_ action: MembershipAuditAction, _ t: Language) -> String {
        switch action {
        case .signUp: t("a demandé un compte commerçant pour", "asked for a merchant account for")
        case .verify: t("a confirmé l'adresse e-mail de", "confirmed the email address of")
        case .approve: t("a accepté l'inscription de", "approved the sign-up of")
        case .refuse: t("a refusé l'inscription de", "refused the sign-up of")
        case .passwordReset: t("a réinitialisé par e-mail le mot de passe de", "reset by email the password of")
        case .emailChange: t("a changé l'adresse e-mail de", "changed the email address of")
        case .invite: t("a envoyé une invitation à", "sent an invitation to")
        case .revokeInvitation: t("a révoqué l'invitation envoyée à", "revoked the invitation sent to")
        case .acceptInvitation: t("a accepté l'invitation envoyée à", "accepted the invitation sent to")
        case .claimRequest: t("a revendiqué la fiche de", "claimed the listing of")
        case .claimApprove: t("a remis à son commerçant la fiche de", "handed over the listing of")
        case .claimRefuse: t("a refusé la revendication de la fiche de", "refused the claim on the listing of")
        case .delete: t("a supprimé le compte de", "deleted the account of")
        }
    }
}
