import Community

/// The merchant profile editor, read into a `MerchantProfile`, with what could not be read filed beside its field.
enum MerchantForm {
    /// The form's fields in the order it shows them.
    static let fields =
        [
            "name", "description", "categories", "address", "postcode", "commune", "zones", "phone", "email", "website",
            "links",
        ] + (0..<7).map(OpeningHoursFields.name) + ["openingHours", "siret"]

    /// The profile as typed, and the fields that could not be read (a category outside the list, a day whose
    /// hours are wrong); the service's checks come on top.
    static func read(_ form: FormBody) -> (profile: MerchantProfile, hours: OpeningHoursFields, errors: FormErrors) {
        var errors = FormErrors()
        var categories: [Category] = []
        for value in form.all("categories") {
            do throws(CommunityError) {
                categories.append(try Category.parse(value, field: CommunityField.categories))
            } catch {
                errors.add(error)
            }
        }
        let hours = OpeningHoursFields(form)
        let (openingHours, problems) = hours.value()
        for problem in problems { errors.add(problem.error, to: OpeningHoursFields.name(problem.day)) }
        let profile = MerchantProfile(
            name: form["name"] ?? "", description: form.text("description"), categories: categories,
            commune: form["commune"] ?? "", postcode: form["postcode"] ?? "", address: form["address"] ?? "",
            phone: form["phone"], email: form["email"], website: form["website"],
            links: form.text("links").split(whereSeparator: \.isNewline).map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty },
            openingHours: openingHours, siret: form["siret"], zones: form.all("zones"))
        return (profile, hours, errors)
    }
}
