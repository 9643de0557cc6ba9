import Foundation

/// Counts requests per key (a client address) in fixed windows and refuses those over the limit. In memory, per
/// process: enough to stop one client hammering a form.
actor RateLimiter {
    let limit: Int
    let window: TimeInterval
    private var counts: [String: (start: Date, count: Int)] = [:]

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Counts one request for `key`; false when the key is over its limit in the current window.
    func allow(_ key: String, now: Date = Date()) -> Bool {
        if counts.count > 10_000 { counts = counts.filter { now.timeIntervalSince($0.value.start) < window } }
        var entry = counts[key] ?? (now, 0)
        if now.timeIntervalSince(entry.start) >= window { entry = (now, 0) }
        entry.count += 1
        counts[key] = entry
        return entry.count <= limit
    }
}
