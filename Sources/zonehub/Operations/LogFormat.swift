import Logging
import Synchronization

/// How the process's logs are written, set once before the first logger is made.
enum LogFormat: String, CaseIterable {
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
        switch self {
        case .text:
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = level
                return handler
            }
        case .json:
            LoggingSystem.bootstrap { label in
                var handler = JSONLogHandler(label: label)
                handler.logLevel = level
                return handler
            }
        }
    }
}
