import Community
import Foundation
import Membership

extension OutboxMembershipNotifier {
    /// An invitation's mail, in French and then in English: who invites, to which role in which zone, and the
    /// single-use link (valid `InvitationService.lifetime`).
    static func invitationMail(
        email: String, token: String, role: InvitedRole, zone: Zone, inviter: String, hasAccount: Bool,
        baseURL: String
    ) -> (recipients: [String], subject: String, text: String, dedupeKey: String?) {
        let host = URL(string: baseURL)?.host ?? baseURL
        let days = Int(InvitationService.lifetime / 86400)
        let link = "\(baseURL)/invitations/accept?token=\(token)"
        let french =
            hasAccount
            ? "Vous avez déjà un compte avec cette adresse : connectez-vous, puis ouvrez ce lien pour accepter"
            : "Pour accepter et choisir votre mot de passe, ouvrez ce lien"
        let english =
            hasAccount
            ? "You already have an account with this address: sign in, then open this link to accept"
            : "To accept and choose your password, open this link"
        return (
            [email],
            "Invitation : \(role.french) de la zone \(zone.name) / Invitation: \(role.english) of \(zone.name)",
            """
            Bonjour,

            \(inviter) vous invite à devenir \(role.french) de la zone \(zone.name) sur \(host). \(french) \
            (il est valable \(days) jours et ne sert qu'une fois) :

            \(link)

            Si vous ne connaissez pas cette personne, ignorez ce message : sans réponse, l'invitation expire.

            --

            Hello,

            \(inviter) invites you to become a \(role.english) of the zone \(zone.name) on \(host). \(english) (it \
            works for \(days) days, once):

            \(link)

            If you do not know this person, ignore this message: unanswered, the invitation expires.

            """, nil
        )
    }
}
