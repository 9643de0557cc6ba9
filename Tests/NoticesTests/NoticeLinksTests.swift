import Community
import Foundation
import Notices
import Testing

@Suite struct NoticeLinksTests {
    let links = NoticeLinks(key: Data(repeating: 7, count: 32))

    @Test func aTokenNamesItsPersonAndAnAlteredOneIsRefused() throws {
        let token = links.token(for: User.ID(42))
        #expect(try links.verify(token) == User.ID(42))
        let last = token.last == "A" ? "B" : "A"
        #expect(throws: CommunityError.self) { try links.verify(String(token.dropLast()) + last) }
        #expect(throws: CommunityError.self) {
            try links.verify(token.replacingOccurrences(of: "n.42.", with: "n.43."))
        }
        #expect(throws: CommunityError.self) { try NoticeLinks(key: Data(repeating: 8, count: 32)).verify(token) }
        #expect(throws: CommunityError.self) { try links.verify("") }
    }
}
