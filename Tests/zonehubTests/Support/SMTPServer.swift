import Foundation

/// The suites' real SMTP server (`Tests/Support/smtp_server.py`, on aiosmtpd), started as a child process with
/// its own directory, and what it received.
final class SMTPServer {
    let directory: URL
    let port: Int
    private let process: Process

    /// Starts the server with extra arguments (`--temporary`, `--reject`, `--tls`, `--auth`, `--delay-ms`).
    init(_ arguments: [String] = []) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("zonehub-smtp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            [
                "python3", TestApp.repository.appendingPathComponent("Tests/Support/smtp_server.py").path, "--dir",
                directory.path,
            ]
            + arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // The first line says where it listens: "listening 127.0.0.1 PORT".
        var line = Data()
        while !line.contains(10) {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line += chunk
        }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard words.count == 3, words[0] == "listening",
            let port = Int(words[2].trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            process.terminate()
            throw SMTPServerError(description: "the SMTP server did not start (is aiosmtpd installed?)")
        }
        self.port = port
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
    }

    var url: String { "smtp://127.0.0.1:\(port)" }

    /// The messages received, in order, as raw bytes.
    func messages() throws -> [Data] {
        let folder = directory.appendingPathComponent("messages")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return try names.filter { $0.hasSuffix(".eml") }.sorted().map {
            try Data(contentsOf: folder.appendingPathComponent($0))
        }
    }

    /// The server's event log, one dictionary per event.
    func events() throws -> [[String: Any]] {
        let text = (try? String(contentsOf: directory.appendingPathComponent("events.jsonl"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }
}

struct SMTPServerError: Error, CustomStringConvertible {
    let description: String
}
