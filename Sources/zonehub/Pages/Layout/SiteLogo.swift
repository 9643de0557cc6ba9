import Hummingbird

/// Serves the operator's logo file at `/static/logo`, when the logo is a file.
enum SiteLogo {
    static func addRoute(_ logo: HubIdentity.Logo?, to router: Router<HubRequestContext>) {
        guard case .file(let bytes, let contentType) = logo else { return }
        router.get(.init(HubIdentity.logoPath)) { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = contentType
            headers[.cacheControl] = "public, max-age=3600"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    /// The logo in the header, beside the name that says the same (so its text is empty for screen readers).
    static func image(_ identity: HubIdentity) -> HTML {
        guard let logo = identity.logo else { return "" }
        return "<img class=\"logo\" src=\"\(logo.source)\" alt=\"\" width=\"32\" height=\"32\">"
    }
}
