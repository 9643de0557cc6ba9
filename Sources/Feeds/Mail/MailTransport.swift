/// What became of one message handed to a mail server.
package enum DeliveryOutcome: Equatable, Sendable {
    case sent
    /// Try again later: the server answered 4xx.
    case temporaryFailure(String)
    /// No server to talk to (connection refused, time-out): try again later, and stop trying for now.
    case unreachable(String)
    /// The server refused the message for good (5xx): the address is suppressed.
    case permanentFailure(String)
}

/// One open way to a mail server, used by one sender at a time; it may carry many messages.
package protocol MailConnection: AnyObject {
    func send(_ message: [UInt8], from envelopeSender: String, to recipient: String) -> DeliveryOutcome
}

/// Opens connections to where mail goes (an SMTP server, or a directory when none is configured).
package protocol MailTransport: Sendable {
    func connect() -> any MailConnection
    /// Where mail goes, for logs and reports (never with a password).
    var destination: String { get }
}
