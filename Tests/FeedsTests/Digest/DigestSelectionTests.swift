import Community
import Foundation
import Testing

@testable import Feeds

@Suite struct DigestSelectionTests {
    static func post(_ id: Int64, merchant: Int64) -> Post {
        let date = Date(timeIntervalSince1970: 1_773_473_400 - Double(id) * 60)
        return Post(
            id: Post.ID(id), zoneID: Zone.ID(1), zoneSlug: "oise", merchantID: Merchant.ID(merchant),
            merchantSlug: "m\(merchant)", merchantName: "Commerce \(merchant)",
            content: PostContent(kind: .offer, title: "Offre \(id)", body: "", category: .alimentation),
            status: .published, heldReasons: [], createdAt: date, updatedAt: date, publishedAt: date)
    }

    /// A prolific merchant (1) with ten posts, and three others with one each.
    static let posts =
        (1...10).map { post($0, merchant: 1) } + [post(11, merchant: 2), post(12, merchant: 3), post(13, merchant: 4)]

    @Test func aProlificMerchantIsCappedAndEveryOtherMerchantAppears() {
        let result = DigestSelection.select(Self.posts, perMerchant: 3, maxPosts: 30, rotation: 0)
        #expect(result.posts.filter { $0.merchantID == Merchant.ID(1) }.count == 3)
        #expect(Set(result.posts.map(\.merchantID)) == Set([1, 2, 3, 4].map { Merchant.ID($0) }))
        #expect(result.omitted == ["m1": 7])
        #expect(result.posts.map(\.id) == result.posts.map(\.id).sorted())  // newest (lowest id here) first
    }

    @Test func rotationShowsEachOfTheCappedMerchantsPostsInTurn() {
        var seen: Set<Post.ID> = []
        for rotation in 0..<4 {
            let result = DigestSelection.select(Self.posts, perMerchant: 3, maxPosts: 30, rotation: rotation)
            seen.formUnion(result.posts.filter { $0.merchantID == Merchant.ID(1) }.map(\.id))
        }
        #expect(seen.count == 10)
    }

    @Test func manyMerchantsShrinkTheShareButNeverBelowOnePostEach() {
        let crowded = (1...40).flatMap { merchant in
            (0..<2).map { Self.post(Int64(merchant * 10 + $0), merchant: Int64(merchant)) }
        }
        let result = DigestSelection.select(crowded, perMerchant: 3, maxPosts: 30, rotation: 5)
        #expect(result.posts.count == 40)
        #expect(Set(result.posts.map(\.merchantID)).count == 40)
    }

    @Test func nothingInNothingOut() {
        #expect(DigestSelection.select([], perMerchant: 3, maxPosts: 30, rotation: 0).posts.isEmpty)
    }
}
