import Logging
import Synchronization

/// How the process's logs are written, set once before the first logger is made.
enum LogFormat: String {
    case text
    case json

    private static let bootstrapped = Mutex(false)

    /// Sends every logger of the process to this format; later calls (tests starting several servers) keep the first.
    func bootstrap(level: Logger.Level) {
        let first = Self.bootstrapped.withLock { done in
            defer { done = true }
            return !done
        }
        guard first else { return }
        let handler: @Sendable (String) -> any LogHandler =
            switch self {
            case .text: { StreamLogHandler.standardError(label: $0) }
            case .json: { JSONLogHandler(label: $0) }
            }
        LoggingSystem.bootstrap { label in
            var made = handler(label)
            made.logLevel = level
            return made
        }
    }
}
