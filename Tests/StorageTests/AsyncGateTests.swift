import Synchronization
import Testing
import Storage

@Suite struct AsyncGateTests {
    final class Counter: Sendable {
        let state = Mutex((current: 0, highest: 0))
        func enter() {
            state.withLock {
                $0.current += 1
                $0.highest = max($0.highest, $0.current)
            }
        }
        func leave() { state.withLock { $0.current -= 1 } }
    }

    @Test func neverAdmitsMoreThanItsPermitsAndLetsEveryoneThrough() async throws {
        let gate = AsyncGate(permits: 3)
        let counter = Counter()
        let finished = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<200 {
                group.addTask {
                    try await gate.run {
                        counter.enter()
                        await Task.yield()
                        counter.leave()
                        return index
                    }
                }
            }
            return try await group.reduce(into: 0) { count, _ in count += 1 }
        }
        #expect(finished == 200)
        #expect(counter.state.withLock { $0.highest } == 3)
    }

    @Test func aFailingBodyGivesItsPermitBack() async throws {
        struct Failure: Error {}
        let gate = AsyncGate(permits: 1)
        await #expect(throws: Failure.self) { try await gate.run { throw Failure() } }
        #expect(try await gate.run { 42 } == 42)
    }
}
