import Community
import Storage

/// What an error says to the person on the page: in French, its code's own text (written beside the code, in the
/// target that owns it); in English, the error's message (the API keeps the English message, for developers).
enum UserMessages {
    static func text(_ error: any CategorizedError, _ t: Language) -> String {
        t == .fr ? error.frenchMessage : error.message
    }

    static func text(_ failure: ErrorMiddleware.Failure, _ t: Language) -> String {
        t == .fr ? failure.frenchMessage : failure.message
    }
}
