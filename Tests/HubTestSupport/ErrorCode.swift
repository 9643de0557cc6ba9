import Community

/// The code of the error `body` throws: nil when it throws none, the description of any other error.
package func errorCode(_ body: () async throws -> Void) async -> String? {
    do {
        try await body()
        return nil
    } catch let error as CommunityError {
        return error.code
    } catch {
        return "\(error)"
    }
}

/// The code of the error `body` throws, for synchronous rules.
package func errorCode(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as CommunityError {
        return error.code
    } catch {
        return "\(error)"
    }
}
