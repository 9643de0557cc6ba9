import Feeds
import Foundation

extension Hub {
    /// Reads delivery status notifications piped into `zonehub mail bounce`.
    var bounces: BounceService {
        BounceService(
            bounces: SQLBounceStore(database: database.sql), returnPath: settings.returnPath(tokens: linkTokens),
            clock: clock)
    }
}
