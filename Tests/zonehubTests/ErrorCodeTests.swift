import Catalogue
import Community
import Directory
import Feeds
import Foundation
import Hummingbird
import Membership
import Moderation
import Notices
import Orders
import Photos
import PopUps
import Storage
import Testing

@testable import zonehub

/// Error codes are typed per target, each with its French text beside it; pages show that text in French and the
/// error's English message in English.
@Suite struct ErrorCodeTests {
    static let all: [any ErrorCode] =
        (CommunityField.allCases as [any ErrorCode]) + CommunityNotFound.allCases + CommunityProblem.allCases
        + ModerationField.allCases + ModerationProblem.allCases
        + PopUpField.allCases + PopUpNotFound.allCases + PopUpProblem.allCases
        + DirectoryField.allCases + DirectoryNotFound.allCases + DirectoryProblem.allCases
        + FeedsField.allCases + FeedsNotFound.allCases + FeedsProblem.allCases
        + RequestField.allCases + RequestNotFound.allCases + RequestProblem.allCases + BodyProblem.allCases
        + MembershipField.allCases + MembershipNotFound.allCases + MembershipProblem.allCases
        + NoticesField.allCases + NoticesProblem.allCases
        + CatalogueField.allCases + CatalogueNotFound.allCases + CatalogueProblem.allCases
        + PhotoField.allCases + PhotoNotFound.allCases + PhotoProblem.allCases
        + OrdersField.allCases + OrdersNotFound.allCases + OrdersProblem.allCases

    @Test func everyCodeIsStableSnakeCaseWithAFrenchSentence() {
        for code in Self.all {
            #expect(code.code.range(of: #"^[a-z][a-zA-Z0-9_]*$"#, options: .regularExpression) != nil, "\(code.code)")
            #expect(code.french.hasSuffix(".") && code.french.count > 10, "\(code.code): \(code.french)")
        }
    }

    @Test func aFieldsCodeNamesItAndItsMessageStartsWithIt() {
        let error = PopUpField.capacity.invalid("must be from 1 to 500 places")
        #expect(error.code == "invalid_capacity" && error.category == .invalidInput)
        #expect(error.message == "capacity: must be from 1 to 500 places")
        #expect(
            ModerationField.watchedTerms.invalid("is listed twice", at: "[1]").message
                == "watchedTerms[1]: is listed twice")
        #expect(PopUpNotFound.booking.notFound == PopUpNotFound.booking.error("booking not found"))
        #expect(PopUpNotFound.booking.notFound.code == "booking_not_found")
    }

    @Test func theSameCodeCanSayWhatItMeansInEachTarget() {
        // `invalid_title` is a post's title in Community and a market's in Directory: one API code, two sentences.
        #expect(CommunityField.title.code == DirectoryField.title.code)
        #expect(CommunityField.title.french != DirectoryField.title.french)
    }

    @Test func pagesShowTheCodesFrenchTextAndTheEnglishMessage() {
        let error = PopUpProblem.slotFull.error("every place of this slot is taken")
        #expect(UserMessages.text(error, .fr) == "Toutes les places de ce créneau sont prises.")
        #expect(UserMessages.text(error, .en) == "every place of this slot is taken")
        let blocked = CommunityError(
            CommunityProblem.postBlocked, "Pas de vente d'alcool ici.", french: "Pas de vente d'alcool ici.")
        #expect(UserMessages.text(blocked, .fr) == "Pas de vente d'alcool ici.")
        let body = BodyError(.missingField, "zone: is required")
        #expect(UserMessages.text(body, .fr) == "Un champ obligatoire manque.")
        let missing = ErrorMiddleware.failure(for: HTTPError(.notFound))
        #expect(missing.code == "not_found" && UserMessages.text(missing, .fr) == "Cette page n'existe pas.")
    }
}
