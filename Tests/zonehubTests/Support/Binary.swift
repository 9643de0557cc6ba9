import Foundation
import Testing

/// Runs the real `zonehub` executable built next to the test bundle.
enum Binary {
    static var url: URL {
        var directory = Bundle.main.bundleURL
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("zonehub")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: ".build/debug/zonehub")
    }

    struct Outcome {
        let status: Int32
        let output: String
        let errors: String
    }

    /// Runs `zonehub arguments…` to completion, with `input` on its standard input when given.
    static func run(_ arguments: [String], environment: [String: String] = [:], input: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        if let input { process.standardInput = try FileHandle(forReadingFrom: input) }
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
            errors: String(decoding: err, as: UTF8.self))
    }

    /// `run`, on a thread of its own: waiting for the process must not hold one of Swift concurrency's few
    /// threads (two on a 2-core machine), which the in-process servers of other suites need meanwhile.
    static func running(_ arguments: [String], environment: [String: String] = [:], input: URL? = nil) async throws
        -> Outcome
    {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try run(arguments, environment: environment, input: input) })
            }
        }
    }

    /// A fresh temporary directory.
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("zonehub-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A fresh temporary directory holding `hub.sqlite`, with the repository's zones synced into it by the binary.
    static func hubWithZones() async throws -> (directory: URL, database: String) {
        let directory = try scratch()
        let database = directory.appendingPathComponent("hub.sqlite").path
        let synced = try await running(["zones", "sync", TestApp.zonesDirectory, "--db", database])
        try #require(synced.status == 0, "zones sync failed: \(synced.errors)")
        return (directory, database)
    }
}

/// A `zonehub serve` process on a free port, stopped when the test ends.
final class RunningServer {
    let process = Process()
    let baseURL: URL
    /// What the server logged up to its "zonehub ready" line.
    let startLog: String

    /// Starts the server with `--port 0` and reads the port it bound from its "zonehub ready" log line.
    init(database: String) throws {
        process.executableURL = Binary.url
        process.arguments = ["serve", "--db", database, "--port", "0", "--zones", TestApp.zonesDirectory]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        var seen = ""
        let reader = output.fileHandleForReading
        while true {
            let chunk = reader.availableData
            guard !chunk.isEmpty else { throw ServerFailure(log: seen) }
            seen += String(decoding: chunk, as: UTF8.self)
            if let line = seen.split(separator: "\n").first(where: { $0.contains("zonehub ready") }),
                let range = line.range(of: #"http://127\.0\.0\.1:[0-9]+"#, options: .regularExpression),
                let url = URL(string: String(line[range]))
            {
                baseURL = url
                startLog = seen
                break
            }
        }
        // Keep draining the log so the server never blocks on a full pipe.
        reader.readabilityHandler = { _ = $0.availableData }
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    struct ServerFailure: Error, CustomStringConvertible {
        let log: String
        var description: String { "zonehub serve stopped before it was ready:\n\(log)" }
    }
}
