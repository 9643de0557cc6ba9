import Community

/// Pieces the dashboard's forms share with the other editors.
enum DashboardViews {
    /// Why the form sent was refused, above the form shown again.
    static func problem(_ error: CommunityError?, _ t: Language) -> HTML {
        guard let error else { return "" }
        return "<p class=\"error\" role=\"alert\">\(t("À corriger", "To fix")) : \(UserMessages.text(error, t))</p>"
    }
}
