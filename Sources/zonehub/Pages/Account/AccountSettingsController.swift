import Community
import Foundation
import Hummingbird
import Membership

/// A signed-in person's own account: a new email address (confirmed from the new address), signing out
/// everywhere, their data and deleting the account. The pages are `EmailChangePage`, `EmailConfirmPage`,
/// `DeleteAccountPage` and `AccountDeletedPage`.
struct AccountSettingsController {
    let accounts: AccountService
    let membership: MembershipService
    let personalData: PersonalDataExport

    func addRoutes(to router: some RouterMethods<HubRequestContext>) {
        router.get("/dashboard/email", use: emailForm)
        router.post("/dashboard/email", use: requestEmailChange)
        router.get("/dashboard/email/confirm", use: confirmForm)
        router.post("/dashboard/email/confirm", use: confirm)
        router.post("/dashboard/sign-out-everywhere", use: signOutEverywhere)
        router.get("/dashboard/data", use: download)
        router.get("/dashboard/delete", use: deleteForm)
        router.post("/dashboard/delete", use: delete)
    }

    func deleteForm(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        return page(
            DeleteAccountPage(user: user, shops: try await membership.ownShops(of: user), problem: nil),
            context: context)
    }

    /// Deletes the account and signs this browser out; a wrong password or an operator's account is answered on
    /// the form, with nothing changed.
    func delete(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await FormBody.read(request, context: context)
        do {
            let deletion = try await membership.deleteAccount(user, password: form.text("password"))
            // The answer is the first page of someone signed out: its header offers to sign in, not out.
            var signedOut = context
            signedOut.user = nil
            var response = page(AccountDeletedPage(deletion: deletion), context: signedOut)
            response.setCookie(AccountPagesController.signedOutCookie)
            return response
        } catch let error as CommunityError where error == .badCredentials || error.category == .forbidden {
            let status: HTTPResponse.Status = error == .badCredentials ? .badRequest : .forbidden
            return page(
                DeleteAccountPage(user: user, shops: try await membership.ownShops(of: user), problem: error),
                context: context,
                status: status)
        }
    }

    func emailForm(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        return page(EmailChangePage(user: user, newEmail: "", problem: nil, sentTo: nil), context: context)
    }

    func requestEmailChange(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await FormBody.read(request, context: context)
        let newEmail = form.text("email").trimmingCharacters(in: .whitespaces)
        do {
            try await membership.requestEmailChange(
                for: user, newEmail: newEmail, password: form.text("password"), client: context.clientAddress)
        } catch let error as CommunityError
            where error == .badCredentials || [.invalidInput, .conflict, .rateLimited].contains(error.category)
        {
            let status: HTTPResponse.Status =
                error == .badCredentials ? .badRequest : ErrorMiddleware.status(of: error.category)
            return page(
                EmailChangePage(user: user, newEmail: newEmail, problem: error, sentTo: nil), context: context,
                status: status)
        }
        return page(EmailChangePage(user: user, newEmail: "", problem: nil, sentTo: newEmail), context: context)
    }

    func confirmForm(_ request: Request, context: HubRequestContext) async throws -> Response {
        let token = request.uri.queryParameters["token"].map(String.init) ?? ""
        return page(EmailConfirmPage(token: token, changedTo: nil), context: context)
    }

    func confirm(_ request: Request, context: HubRequestContext) async throws -> Response {
        let form = try await FormBody.read(request, context: context)
        do {
            let user = try await membership.confirmEmailChange(token: form.text("token"))
            return page(EmailConfirmPage(token: "", changedTo: user.email), context: context)
        } catch let error as CommunityError
            where error.code == MembershipProblem.linkInvalid.code || error.code == CommunityProblem.emailTaken.code
        {
            let invalid = InvalidLinkPage(error: error)
            return PageRenderer.page(
                invalid.title(context.language), invalid.body(context.language), context: context,
                status: .badRequest)
        }
    }

    /// The person's own data as a JSON file to keep.
    func download(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let data = try await personalData.data(of: user)
        let day = ISO8601DateFormatter.string(from: data.exportedAt, timeZone: .gmt, formatOptions: [.withFullDate])
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"zonehub-mes-donnees-\(day).json\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: try data.json())))
    }

    /// Every session ends, this browser's included: the next page asks to sign in.
    func signOutEverywhere(_ request: Request, context: HubRequestContext) async throws -> Response {
        let user = try context.requireUser()
        try await accounts.signOutEverywhere(user)
        var response = PageRenderer.redirect(to: "/sign-in")
        response.setCookie(AccountPagesController.signedOutCookie)
        return response
    }

    private func page(
        _ page: some AccountPage, context: HubRequestContext, status: HTTPResponse.Status = .ok
    ) -> Response {
        PageRenderer.page(page.title(context.language), page.body(context.language), context: context, status: status)
    }
}

/// A page of one's account, rendered in the site's layout.
protocol AccountPage {
    func title(_ t: Language) -> String
    func body(_ t: Language) -> HTML
}

extension EmailChangePage: AccountPage {}
extension EmailConfirmPage: AccountPage {}
extension DeleteAccountPage: AccountPage {}
extension AccountDeletedPage: AccountPage {}
