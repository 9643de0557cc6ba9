import Foundation

/// Names the process that claims outbox messages ("host:pid"), so that the claims of a process that died can be
/// released when the next one starts, and only then.
enum SenderIdentity {
    static let current = "\(ProcessInfo.processInfo.hostName):\(getpid())"

    /// Whether the process named by `sender` may still be sending. A process on another host is assumed alive.
    @Sendable static func isAlive(_ sender: String) -> Bool {
        let parts = sender.split(separator: ":")
        guard parts.count == 2, String(parts[0]) == ProcessInfo.processInfo.hostName, let pid = Int32(parts[1]) else {
            return true
        }
        if pid == getpid() { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
