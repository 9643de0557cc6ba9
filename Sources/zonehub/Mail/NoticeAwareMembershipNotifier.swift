import Feeds
import Logging
import Membership
import Notices

/// Joining's mail, with the sign-up waiting notice sent at once only to the admins who want it so; the others find
/// it in their daily summary (the notice sweep), or not at all.
struct NoticeAwareMembershipNotifier: MembershipNotifier {
    let mail: OutboxMembershipNotifier
    let notices: NoticeService

    func send(_ notice: MembershipNotice) async throws {
        guard case .signUpWaiting(let admins, let record, let zone) = notice else {
            return try await mail.send(notice)
        }
        let wanting = try await notices.wantingAtOnce(.signUpWaiting, among: admins)
        guard !wanting.isEmpty else { return }
        try await mail.send(.signUpWaiting(admins: wanting, record: record, zone: zone))
    }
}
