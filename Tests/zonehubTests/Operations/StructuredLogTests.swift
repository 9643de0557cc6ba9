import Foundation
import Logging
import Synchronization
import Testing

@testable import zonehub

/// `ZONEHUB_LOG_FORMAT=json`: each event one JSON line, read back with Foundation's JSON parser.
struct StructuredLogTests {
    final class Lines: Sendable {
        let written = Mutex<[String]>([])
        func write(_ line: String) { written.withLock { $0.append(line) } }
        var all: [String] { written.withLock { $0 } }
    }

    func object(_ line: String) throws -> [String: Any] {
        #expect(line.hasSuffix("}\n") && line.filter { $0 == "\n" }.count == 1, "one line per event: \(line)")
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    @Test func anEventIsOneJSONLineWithItsLevelLabelMessageAndMetadata() throws {
        let lines = Lines()
        var logger = Logger(label: "zonehub.test") { label in JSONLogHandler(label: label, write: lines.write) }
        logger[metadataKey: "hb.request.id"] = "42"
        logger.warning(
            "outbox \"retry\"\nsecond line",
            metadata: [
                "status": .stringConvertible(503), "ms": .stringConvertible(1.5),
                "zones": .array(["oise", "dordogne"]),
                "error": .dictionary(["code": "timeout"]), "text": "tab\there\u{1}\u{2028}",
            ])
        let event = try object(try #require(lines.all.first))
        #expect(event["level"] as? String == "warning")
        #expect(event["label"] as? String == "zonehub.test")
        #expect(event["message"] as? String == "outbox \"retry\"\nsecond line")
        #expect(event["hb.request.id"] as? String == "42")
        #expect(event["status"] as? Int == 503)
        #expect(event["ms"] as? Double == 1.5)
        #expect(event["zones"] as? [String] == ["oise", "dordogne"])
        #expect((event["error"] as? [String: String]) == ["code": "timeout"])
        #expect(event["text"] as? String == "tab\there\u{1}\u{2028}")
        let time = try #require(event["time"] as? String)
        #expect(
            try Date(time, strategy: .iso8601.year().month().day().time(includingFractionalSeconds: true)) <= Date())
    }

    @Test func metadataCannotOverwriteTheFieldsEveryLineHas() throws {
        let lines = Lines()
        let logger = Logger(label: "zonehub.test") { label in JSONLogHandler(label: label, write: lines.write) }
        logger.info("real", metadata: ["message": "forged", "level": "critical"])
        let event = try object(try #require(lines.all.first))
        #expect(event["message"] as? String == "real")
        #expect(event["level"] as? String == "info")
    }

    @Test func anUnknownLogFormatOrLevelIsRefusedByName() {
        for (name, value) in [("ZONEHUB_LOG_FORMAT", "xml"), ("ZONEHUB_LOG_LEVEL", "loud")] {
            let refusal = #expect(throws: CLIError.self) { try Settings(environment: [name: value]) }
            #expect(refusal?.description.hasPrefix("\(name): '\(value)'") == true, "\(String(describing: refusal))")
        }
        #expect((try? Settings(environment: ["ZONEHUB_LOG_FORMAT": "json"]))?.logFormat == .json)
    }
}
