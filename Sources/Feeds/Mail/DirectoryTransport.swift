import Community
import Foundation

/// Writes each message as an `.eml` file in a directory: where mail goes until an SMTP server is configured, so a
/// new hub's digests can be opened in any mail program.
package struct DirectoryTransport: MailTransport {
    let directory: URL

    package init(directory: URL) { self.directory = directory }

    package var destination: String { directory.path }

    package func connect() -> any MailConnection { DirectoryConnection(directory: directory) }
}

final class DirectoryConnection: MailConnection {
    let directory: URL

    init(directory: URL) { self.directory = directory }

    func send(_ message: [UInt8], from envelopeSender: String, to recipient: String) -> DeliveryOutcome {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let name = "\(Int(Date().timeIntervalSince1970 * 1000))-\(UUID().uuidString.prefix(8)).eml"
            // Written under a temporary name, then renamed: a reader never sees half a message.
            let temporary = directory.appendingPathComponent(".\(name).tmp")
            try Data(message).write(to: temporary)
            try FileManager.default.moveItem(at: temporary, to: directory.appendingPathComponent(name))
            return .sent
        } catch {
            return .temporaryFailure("cannot write to \(directory.path): \(error.localizedDescription)")
        }
    }
}
