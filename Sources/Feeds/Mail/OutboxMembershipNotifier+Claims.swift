import Community
import Foundation
import Membership

extension OutboxMembershipNotifier {
    /// The mails of listing claims, French first and English below, as `mail(_:baseURL:)` returns them.
    static func claimMail(_ notice: MembershipNotice, baseURL: String)
        -> (recipients: [String], subject: String, text: String, dedupeKey: String?)
    {
        let site = URL(string: baseURL)?.host ?? baseURL
        switch notice {
        case .claimLink(let email, let token, let listing, let claimant):
            let link = "\(baseURL)/claims/confirm?token=\(token)"
            return (
                [email], "Votre fiche « \(listing) » : confirmez que vous la gérez",
                """
                Bonjour,

                Le compte \(claimant) demande à gérer la fiche « \(listing) » sur \(site). Cette adresse est celle \
                de la fiche : si ce compte est le vôtre, ouvrez ce lien en y étant connecté (il est valable 48 \
                heures et ne sert qu'une fois) :

                \(link)

                Si vous ne connaissez pas ce compte, ignorez ce message : la fiche ne change pas de mains.

                ---

                Hello,

                The account \(claimant) asks to manage the listing “\(listing)” on \(site). This address is the \
                listing's: if that account is yours, open the link above while signed in to it (it works for 48 \
                hours, once). If you do not know that account, ignore this message: nothing changes.

                """, nil
            )
        case .claimWaiting(let admins, let listing, let zone, let claim):
            return (
                admins, "Fiche à attribuer : \(listing)",
                """
                Bonjour,

                Un commerçant demande à gérer la fiche « \(listing) » de la zone \(zone.name). Comparez son SIRET \
                avec celui de la fiche, puis acceptez ou refusez :

                \(baseURL)/zones/\(zone.slug)/moderation/claims

                ---

                Hello,

                A merchant asks to manage the listing “\(listing)” in the zone \(zone.name). Compare their SIRET \
                with the listing's, then approve or refuse at the address above.

                """, "claim:\(claim.rawValue):waiting"
            )
        case .claimApproved(let email, let listing, let merchantSlug):
            return (
                [email], "La fiche « \(listing) » est à vous",
                """
                Bonjour,

                Vous gérez désormais la fiche « \(listing) ». Vérifiez-la et complétez-la depuis votre espace : \
                \(baseURL)/dashboard

                La fiche : \(baseURL)/merchants/\(merchantSlug)

                ---

                Hello,

                You now manage the listing “\(listing)”. Check and complete it from your space (link above).

                """, "claim:\(merchantSlug):approved:\(email)"
            )
        case .claimRefused(let email, let listing, let reason):
            return (
                [email], "Fiche « \(listing) » : demande non acceptée",
                """
                Bonjour,

                Votre demande pour gérer la fiche « \(listing) » n'a pas été acceptée.

                Motif : \(reason)

                ---

                Hello,

                Your request to manage the listing “\(listing)” was not accepted. The reason is given above, in \
                French, as the zone's team wrote it.

                """, nil
            )
        default:
            return ([], "", "", nil)
        }
    }
}
