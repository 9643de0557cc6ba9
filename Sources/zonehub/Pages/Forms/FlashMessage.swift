import Community
import Hummingbird

/// A message a page shows once after an action succeeded, named in the address it redirects to (`?ok=…`): only
/// the fixed messages of the conforming enum are ever shown, never the address's own text. `Flash` and
/// `OrderFlash` share reading, showing and naming them here.
protocol FlashMessage: RawRepresentable<String> {
    /// The message in `t`'s language.
    func text(_ t: Language) -> String
}

extension FlashMessage {
    /// The flash named in the request's query, if it is one of ours.
    init?(_ request: Request) {
        guard let value = request.uri.queryParameters.get("ok") else { return nil }
        self.init(rawValue: String(value))
    }

    /// The message as a page shows it.
    func html(_ t: Language) -> HTML { "<p class=\"notice\" role=\"status\">\(text(t))</p>" }

    /// `path` with this flash, before its fragment (`/dashboard#post-3` → `/dashboard?ok=…#post-3`).
    func on(_ path: String) -> String {
        let parts = path.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let base = String(parts[0])
        let fragment = parts.count > 1 ? "#" + parts[1] : ""
        return base + (base.contains("?") ? "&" : "?") + "ok=" + rawValue + fragment
    }
}
