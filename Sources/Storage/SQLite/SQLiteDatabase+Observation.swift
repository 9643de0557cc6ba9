import GRDB

extension SQLiteDatabase {
    /// Calls `action` after every committed transaction that changed one of `tables`, until the returned
    /// observation is released. Caches of rendered content invalidate themselves with it.
    package func observeChanges(to tables: [String], _ action: @escaping @Sendable () -> Void) -> ChangeObservation {
        let observation = DatabaseRegionObservation(tracking: tables.map { Table($0) })
        let cancellable = observation.start(
            in: writer, onError: { _ in action() }, onChange: { _ in action() })
        return ChangeObservation { cancellable.cancel() }
    }
}

/// Keeps a change observation running; releasing it stops the observation.
package final class ChangeObservation: Sendable {
    private let stop: @Sendable () -> Void

    init(stop: @escaping @Sendable () -> Void) { self.stop = stop }

    deinit { stop() }

    package func cancel() { stop() }
}
