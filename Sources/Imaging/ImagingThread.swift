import Dispatch
import Foundation

/// The one thread image work runs on. Decoding and encoding block for tens to hundreds of milliseconds and hold
/// tens of megabytes: run on Swift's cooperative pool (one thread per core), they would stall every request the
/// server answers. Uploads wait their turn in this queue instead, one image at a time, which also bounds the memory
/// images take.
final class ImagingThread: Sendable {
    static let shared = ImagingThread()

    private let queue = DispatchQueue(label: "zonehub.imaging")

    func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try work() }) }
        }
    }
}
