import Community

/// The merchant profile editor, read into a `MerchantProfile`.
enum MerchantForm {
    static func profile(_ form: FormBody) throws(CommunityError) -> MerchantProfile {
        var categories: [Category] = []
        for value in form.all("categories") {
            categories.append(try Category.parse(value, field: CommunityField.categories))
        }
        return MerchantProfile(
            name: form["name"] ?? "", description: form.text("description"), categories: categories,
            commune: form["commune"] ?? "", postcode: form["postcode"] ?? "", address: form["address"] ?? "",
            phone: form["phone"], email: form["email"], website: form["website"],
            links: form.text("links").split(whereSeparator: \.isNewline).map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty },
            openingHours: form["openingHours"], siret: form["siret"], zones: form.all("zones"))
    }
}
