import Community
import Foundation
import Membership

/// Sends joining's mail through the durable outbox, in French.
package struct OutboxMembershipNotifier: MembershipNotifier {
    let outbox: any OutboxStore
    /// The hub's public address, for the links.
    let baseURL: String
    let clock: any HubClock

    package init(outbox: any OutboxStore, baseURL: String, clock: any HubClock) {
        self.outbox = outbox
        self.baseURL = baseURL
        self.clock = clock
    }

    package func send(_ notice: MembershipNotice) async throws {
        let (recipients, subject, text, dedupeKey) = Self.mail(notice, baseURL: baseURL)
        for recipient in recipients {
            try await outbox.enqueue(
                recipient: recipient, payload: .notice(subject: subject, text: text),
                dedupeKey: dedupeKey.map { "\($0):\(recipient)" }, at: clock.now())
        }
    }

    /// Who gets the notice, its subject and text, and the key that keeps it from being queued twice (none for
    /// links: each request mails a new one).
    package static func mail(_ notice: MembershipNotice, baseURL: String)
        -> (recipients: [String], subject: String, text: String, dedupeKey: String?)
    {
        switch notice {
        case .confirmAddress(let email, let token, let shopName):
            let link = "\(baseURL)/sign-up/confirm?token=\(token)"
            return (
                [email], "Confirmez votre adresse e-mail",
                """
                Bonjour,

                Vous venez d'inscrire « \(shopName) » sur \(host(baseURL)). Pour confirmer votre adresse e-mail, \
                ouvrez ce lien (il est valable 48 heures et ne sert qu'une fois) :

                \(link)

                Si vous n'êtes pas à l'origine de cette inscription, ignorez ce message : sans confirmation, le \
                compte ne sera pas activé.

                """, nil
            )
        case .alreadyRegistered(let email):
            return (
                [email], "Vous avez déjà un compte",
                """
                Bonjour,

                Quelqu'un (vous, sans doute) a voulu créer un compte sur \(host(baseURL)) avec cette adresse, qui en \
                a déjà un. Connectez-vous : \(baseURL)/sign-in

                Mot de passe oublié ? Choisissez-en un nouveau : \(baseURL)/password-reset

                Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien n'a changé.

                """, nil
            )
        case .resetPassword(let email, let token):
            return (
                [email], "Choisir un nouveau mot de passe",
                """
                Bonjour,

                Pour choisir un nouveau mot de passe sur \(host(baseURL)), ouvrez ce lien (il est valable une heure \
                et ne sert qu'une fois) :

                \(baseURL)/password-reset/new?token=\(token)

                Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste le même.

                """, nil
            )
        case .confirmNewEmail(let email, let token):
            return (
                [email], "Confirmez votre nouvelle adresse e-mail",
                """
                Bonjour,

                Pour que votre compte sur \(host(baseURL)) utilise désormais cette adresse, ouvrez ce lien (il est \
                valable 24 heures et ne sert qu'une fois) :

                \(baseURL)/dashboard/email/confirm?token=\(token)

                Si vous n'avez rien demandé, ignorez ce message : rien ne changera.

                """, nil
            )
        case .emailChanging(let previous, let newEmail):
            return (
                [previous], "Changement de votre adresse e-mail",
                """
                Bonjour,

                Une demande a été faite pour que votre compte sur \(host(baseURL)) utilise l'adresse \(newEmail) au \
                lieu de celle-ci. Le changement aura lieu quand le lien envoyé à cette nouvelle adresse sera suivi.

                Si ce n'est pas vous, changez votre mot de passe : \(baseURL)/password-reset

                """, nil
            )
        case .signUpWaiting(let admins, let record, let zone):
            return (
                admins, "Inscription à valider : \(record.shop.name)",
                """
                Bonjour,

                « \(record.shop.name) » (\(record.shop.category.label), \(record.shop.commune)) s'est inscrit \
                dans la zone \(zone.name) et a confirmé son adresse (\(record.user.email)). L'inscription attend \
                votre décision :

                \(baseURL)/zones/\(zone.slug)/moderation/sign-ups

                """, "sign-up:\(record.user.id):waiting"
            )
        case .signUpApproved(let email, let shopName, let merchantSlug):
            return (
                [email], "Bienvenue : votre commerce est inscrit",
                """
                Bonjour,

                L'inscription de « \(shopName) » est acceptée. Connectez-vous pour compléter votre fiche (adresse, \
                horaires, présentation) et publier vos premières annonces : \(baseURL)/sign-in

                Votre fiche : \(baseURL)/merchants/\(merchantSlug)

                Vos premières annonces sont relues par les administrateurs de la zone avant d'être publiées.

                """, "sign-up:\(merchantSlug):approved"
            )
        case .signUpRefused(let email, let shopName, let reason):
            return (
                [email], "Inscription non acceptée : \(shopName)",
                """
                Bonjour,

                Les administrateurs de la zone n'ont pas accepté l'inscription de « \(shopName) ».

                Motif : \(reason)

                """, nil
            )
        case .claimLink, .claimWaiting, .claimApproved, .claimRefused:
            return claimMail(notice, baseURL: baseURL)
        case .confirmResident(let email, let token):
            return (
                [email], "Confirmez votre adresse e-mail",
                """
                Bonjour,

                Vous venez de créer un compte sur \(host(baseURL)). Pour confirmer votre adresse e-mail, ouvrez ce \
                lien (il est valable 48 heures et ne sert qu'une fois) :

                \(baseURL)/sign-up/confirm?token=\(token)

                Avec votre compte, vous pourrez signaler une annonce et gérer votre résumé par e-mail au même endroit.

                Si vous n'êtes pas à l'origine de cette inscription, ignorez ce message : sans confirmation, le \
                compte ne sera pas activé.

                """, nil
            )
        case .accountDeleted(let email, let deletion):
            return (
                [email], "Votre compte est supprimé",
                """
                Bonjour,

                Comme vous l'avez demandé, votre compte sur \(host(baseURL)) est supprimé. Ce message est le \
                dernier que vous recevrez de notre part à cette adresse.

                - Annonces retirées : \(deletion.postsWithdrawn)
                - Fiches de commerce retirées de l'annuaire : \(deletion.listingsHidden)
                - Abonnement au résumé arrêté : \(deletion.subscriptionsEnded == 0 ? "aucun" : "oui")

                Le journal de modération garde la trace de vos actions sous un numéro, sans votre nom ni votre \
                adresse.

                """, nil
            )
        case .invitation(let email, let token, let role, let zone, let inviter, let hasAccount):
            return invitationMail(
                email: email, token: token, role: role, zone: zone, inviter: inviter, hasAccount: hasAccount,
                baseURL: baseURL)
        }
    }

    private static func host(_ baseURL: String) -> String {
        URL(string: baseURL)?.host ?? baseURL
    }
}
