import Community
import Foundation

/// The post editor's fields: what the merchant typed, turned into `PostContent` (`PostFormPage` shows it back).
struct PostForm {
    var kind = PostKind.offer.rawValue
    var title = ""
    var body = ""
    var category = ""
    var price = ""
    var validFrom = ""
    var validUntil = ""
    var eventAt = ""
    var publishAt = ""
    var zone = ""

    /// The form's fields in the order it shows them.
    static let fields = [
        "zone", "kind", "title", "body", "category", "price", "validFrom", "validUntil", "eventAt", "publishAt",
    ]

    init() {}

    init(_ form: FormBody) {
        kind = form["kind"] ?? ""
        title = form["title"] ?? ""
        body = form.text("body")
        category = form["category"] ?? ""
        price = form["price"] ?? ""
        validFrom = form["validFrom"] ?? ""
        validUntil = form["validUntil"] ?? ""
        eventAt = form["eventAt"] ?? ""
        publishAt = form["publishAt"] ?? ""
        zone = form["zone"] ?? ""
    }

    init(_ post: Post) {
        let content = post.content
        kind = content.kind.rawValue
        title = content.title
        body = content.body
        category = content.category.rawValue
        price = content.priceCents.map { Formats.price(cents: $0, .fr).replacingOccurrences(of: " €", with: "") } ?? ""
        validFrom = Formats.localInput(content.validFrom)
        validUntil = Formats.localInput(content.validUntil)
        eventAt = Formats.localInput(content.eventAt)
        publishAt = Formats.localInput(content.publishAt)
        zone = post.zoneSlug
    }

    /// The content as typed, or every field in error (each field checked whatever the others hold); dates are
    /// read in Paris time.
    func content() -> (content: PostContent?, errors: FormErrors) {
        var errors = FormErrors()
        func read<T>(_ body: () throws(CommunityError) -> T?) -> T? {
            do throws(CommunityError) { return try body() } catch {
                errors.add(error)
                return nil
            }
        }
        let chosenKind = read { () throws(CommunityError) in
            guard let kind = PostKind(rawValue: kind) else {
                throw CommunityField.kind.invalid("choose offer, news or event")
            }
            return kind
        }
        let chosenCategory = read { () throws(CommunityError) in try Category.parse(category) }
        let content = PostContent(
            kind: chosenKind ?? .offer, title: title, body: body, category: chosenCategory ?? Category.allCases[0],
            priceCents: read { () throws(CommunityError) in try Self.cents(price) },
            // Pages show uploaded photos only: an address of an image elsewhere is no longer taken or kept.
            imageURL: nil, validFrom: read { () throws(CommunityError) in try Self.date(validFrom, .validFrom) },
            validUntil: read { () throws(CommunityError) in try Self.date(validUntil, .validUntil) },
            eventAt: read { () throws(CommunityError) in try Self.date(eventAt, .eventAt) },
            publishAt: read { () throws(CommunityError) in try Self.date(publishAt, .publishAt) })
        errors.add(PostRules.problems(content))
        errors.order(Self.fields)
        return (errors.isEmpty ? content : nil, errors)
    }

    /// "12,50", "12.5" or "12" euros as cents.
    static func cents(_ text: String) throws(CommunityError) -> Int? {
        let cleaned = text.replacingOccurrences(of: "€", with: "").replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: ",", with: ".")
        guard !cleaned.isEmpty else { return nil }
        guard cleaned.range(of: #"^[0-9]{1,7}(\.[0-9]{1,2})?$"#, options: .regularExpression) != nil else {
            throw CommunityField.price.invalid("'\(text.prefix(20))' is not a price in euros (e.g. 12,50)")
        }
        let parts = cleaned.split(separator: ".")
        let euros = Int(parts[0]) ?? 0
        let fraction = parts.count > 1 ? String(parts[1]).padding(toLength: 2, withPad: "0", startingAt: 0) : "00"
        return euros * 100 + (Int(fraction) ?? 0)
    }

    static func date(_ text: String, _ field: CommunityField) throws(CommunityError) -> Date? {
        guard !text.isEmpty else { return nil }
        guard let date = Formats.localDateTime(text) else {
            throw field.invalid("'\(text.prefix(30))' is not a date")
        }
        return date
    }
}
