import Community
import Foundation
import Notices

extension TestHub {
    /// The key of the notice links in tests.
    package static let noticeKey = Data(repeating: 7, count: 32)

    /// The notice service on this hub's stores; a new value is a new service, as after a restart.
    package var notices: NoticeService {
        NoticeService(
            store: SQLNoticeStore(database: hubDatabase.sql), zones: zoneStore, outbox: outboxStore,
            links: NoticeLinks(key: Self.noticeKey), baseURL: "https://hub.test", clock: clock)
    }
}
