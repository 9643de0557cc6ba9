import Community
import Storage

/// What an error says to the person on the page: in French, its code's own text (written beside the code, in the
/// target that owns it); in English, the error's message (the API keeps the English message, for developers).
enum UserMessages {
    static func text(_ error: any CategorizedError, _ t: Language) -> String {
        t == .fr ? error.frenchMessage : error.message
    }

    /// The error as a page shows it above a form: an alert, or nothing when there is no error.
    static func alert(_ error: (any CategorizedError)?, _ t: Language) -> HTML {
        guard let error else { return "" }
        return "<p class=\"error\" role=\"alert\">\(text(error, t))</p>"
    }

    static func text(_ failure: ErrorMiddleware.Failure, _ t: Language) -> String {
        t == .fr ? failure.frenchMessage : failure.message
    }
}
