import Community
import Logging
import ServiceLifecycle

/// Publishes scheduled posts and expires ended ones every few seconds while the server runs.
struct PostSweeper: Service {
    let posts: PostService
    let logger: Logger
    var interval: Duration = .seconds(15)

    func run() async throws {
        await cancelWhenGracefulShutdown { await sweep() }
    }

    private func sweep() async {
        while !Task.isCancelled {
            do {
                let (published, expired) = try await posts.advance()
                if published + expired > 0 {
                    logger.info("posts advanced", metadata: ["published": "\(published)", "expired": "\(expired)"])
                }
            } catch is CancellationError {
                break  // shutting down
            } catch {
                logger.error("post sweep failed", metadata: ["error": "\(error)"])
            }
            try? await Task.sleep(for: interval)
        }
    }
}
