import Foundation

/// Checks on what a merchant writes in a post: pure, each naming the field it rejects.
package enum PostRules {
    package static let titleLength = 200
    package static let bodyLength = 10_000
    package static let maxPriceCents = 100_000_000

    package static func validated(_ input: PostContent) throws(CommunityError) -> PostContent {
        var content = input
        content.title = try TextRules.line(input.title, field: CommunityField.title, max: titleLength, required: true)
        content.body = try MerchantRules.text(input.body, field: CommunityField.body, max: bodyLength)
        if let price = input.priceCents, !(0...maxPriceCents).contains(price) {
            throw CommunityField.priceCents.invalid("must be between 0 and \(maxPriceCents) cents")
        }
        content.imageURL = try MerchantRules.url(input.imageURL, field: CommunityField.imageURL)
        if let from = input.validFrom, let until = input.validUntil, from >= until {
            throw CommunityField.validUntil.invalid("must come after validFrom")
        }
        if input.kind == .event && input.eventAt == nil {
            throw CommunityField.eventAt.invalid("an event needs its date")
        }
        return content
    }
}
