import Foundation

/// Checks on what a merchant writes in a post: pure, each naming the field it rejects.
package enum PostRules {
    package static let titleLength = 200
    package static let bodyLength = 10_000
    package static let maxPriceCents = 100_000_000

    /// The content cleaned up, or its first problem.
    package static func validated(_ input: PostContent) throws(CommunityError) -> PostContent {
        let (content, problems) = checked(input)
        if let first = problems.first { throw first }
        return content
    }

    /// Everything wrong with the content, each field checked whatever the others hold.
    package static func problems(_ input: PostContent) -> [CommunityError] { checked(input).problems }

    private static func checked(_ input: PostContent) -> (content: PostContent, problems: [CommunityError]) {
        var content = input
        var problems: [CommunityError] = []
        func check(_ body: () throws(CommunityError) -> Void) {
            do throws(CommunityError) { try body() } catch { problems.append(error) }
        }
        check { () throws(CommunityError) in
            content.title = try TextRules.line(
                input.title, field: CommunityField.title, max: titleLength, required: true)
        }
        check { () throws(CommunityError) in
            content.body = try MerchantRules.text(input.body, field: CommunityField.body, max: bodyLength)
        }
        if let price = input.priceCents, !(0...maxPriceCents).contains(price) {
            problems.append(CommunityField.priceCents.invalid("must be between 0 and \(maxPriceCents) cents"))
        }
        check { () throws(CommunityError) in
            content.imageURL = try MerchantRules.url(input.imageURL, field: CommunityField.imageURL)
        }
        if let from = input.validFrom, let until = input.validUntil, from >= until {
            problems.append(CommunityField.validUntil.invalid("must come after validFrom"))
        }
        if input.kind == .event && input.eventAt == nil {
            problems.append(CommunityField.eventAt.invalid("an event needs its date"))
        }
        return (content, problems)
    }
}
