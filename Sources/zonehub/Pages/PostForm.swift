import Community
import Foundation

/// The post editor: what the merchant typed, turned into `PostContent` or shown back with the problem.
struct PostForm {
    var kind = PostKind.offer.rawValue
    var title = ""
    var body = ""
    var category = ""
    var price = ""
    var imageURL = ""
    var validFrom = ""
    var validUntil = ""
    var eventAt = ""
    var publishAt = ""
    var zone = ""

    init() {}

    init(_ form: FormBody) {
        kind = form["kind"] ?? ""
        title = form["title"] ?? ""
        body = form.text("body")
        category = form["category"] ?? ""
        price = form["price"] ?? ""
        imageURL = form["imageURL"] ?? ""
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
        imageURL = content.imageURL ?? ""
        validFrom = Formats.localInput(content.validFrom)
        validUntil = Formats.localInput(content.validUntil)
        eventAt = Formats.localInput(content.eventAt)
        publishAt = Formats.localInput(content.publishAt)
        zone = post.zoneSlug
    }

    /// The content, or the first field in error; dates are read in Paris time.
    func content() throws(CommunityError) -> PostContent {
        guard let kind = PostKind(rawValue: kind) else { throw .invalid("kind", "choose offer, news or event") }
        let category = try Category.parse(category)
        return PostContent(
            kind: kind, title: title, body: body, category: category, priceCents: try Self.cents(price),
            imageURL: imageURL.isEmpty ? nil : imageURL, validFrom: try Self.date(validFrom, "validFrom"),
            validUntil: try Self.date(validUntil, "validUntil"), eventAt: try Self.date(eventAt, "eventAt"),
            publishAt: try Self.date(publishAt, "publishAt"))
    }

    /// "12,50", "12.5" or "12" euros as cents.
    static func cents(_ text: String) throws(CommunityError) -> Int? {
        let cleaned = text.replacingOccurrences(of: "€", with: "").replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: ",", with: ".")
        guard !cleaned.isEmpty else { return nil }
        guard cleaned.range(of: #"^[0-9]{1,7}(\.[0-9]{1,2})?$"#, options: .regularExpression) != nil else {
            throw .invalid("price", "'\(text.prefix(20))' is not a price in euros (e.g. 12,50)")
        }
        let parts = cleaned.split(separator: ".")
        let euros = Int(parts[0]) ?? 0
        let fraction = parts.count > 1 ? String(parts[1]).padding(toLength: 2, withPad: "0", startingAt: 0) : "00"
        return euros * 100 + (Int(fraction) ?? 0)
    }

    static func date(_ text: String, _ field: String) throws(CommunityError) -> Date? {
        guard !text.isEmpty else { return nil }
        guard let date = Formats.localDateTime(text) else {
            throw .invalid(field, "'\(text.prefix(30))' is not a date")
        }
        return date
    }

    /// The editor's fields, filled with what was typed.
    func fields(zones: [Zone], _ t: Language) -> HTML {
        let kinds: [HTML] = PostKind.allCases.map { item in
            let selected: HTML = item.rawValue == kind ? " selected" : ""
            return "<option value=\"\(item.rawValue)\"\(selected)>\(Formats.kind(item, t))</option>"
        }
        let categories: [HTML] = Category.allCases.map { item in
            let selected: HTML = item.rawValue == category ? " selected" : ""
            return "<option value=\"\(item.rawValue)\"\(selected)>\(Formats.category(item, t))</option>"
        }
        let zoneOptions: [HTML] = zones.map { item in
            let selected: HTML = item.slug == zone ? " selected" : ""
            return "<option value=\"\(item.slug)\"\(selected)>\(item.name)</option>"
        }
        let zoneField: HTML =
            zones.count > 1
            ? """
            <label for="zone">\(t("Zone", "Zone"))</label><select id="zone" name="zone">\(zoneOptions)</select>
            """
            : zones.first.map { "<input type=\"hidden\" name=\"zone\" value=\"\($0.slug)\">" } ?? ""
        return """
            \(zoneField)
            <label for="kind">\(t("Type", "Kind"))</label><select id="kind" name="kind">\(kinds)</select>
            <label for="title">\(t("Titre", "Title"))</label>
            <input id="title" name="title" required maxlength="200" value="\(title)">
            <label for="body">\(t("Texte", "Text"))</label>
            <textarea id="body" name="body" rows="8" maxlength="10000">\(body)</textarea>
            <label for="category">\(t("Catégorie", "Category"))</label>
            <select id="category" name="category">\(categories)</select>
            <label for="price">\(t("Prix en euros (facultatif)", "Price in euros (optional)"))</label>
            <input id="price" name="price" inputmode="decimal" value="\(price)" placeholder="12,50">
            <label for="imageURL">\(t("Adresse d'une image (facultatif)", "Image address (optional)"))</label>
            <input id="imageURL" name="imageURL" type="url" value="\(imageURL)" placeholder="https://">
            <label for="validFrom">\(t("Valable à partir du", "Valid from"))</label>
            <input id="validFrom" name="validFrom" type="datetime-local" value="\(validFrom)">
            <label for="validUntil">\(t("Valable jusqu'au", "Valid until"))</label>
            <input id="validUntil" name="validUntil" type="datetime-local" value="\(validUntil)">
            <label for="eventAt">\(t("Date de l'événement", "Event date"))</label>
            <input id="eventAt" name="eventAt" type="datetime-local" value="\(eventAt)">
            <label for="publishAt">\(t("Publier à partir du (facultatif)", "Publish from (optional)"))</label>
            <input id="publishAt" name="publishAt" type="datetime-local" value="\(publishAt)">
            """
    }
}
