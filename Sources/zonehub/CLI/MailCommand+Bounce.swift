import ArgumentParser
import Community
import Feeds
import Foundation

extension MailCommand {
    /// `zonehub mail bounce`: reads one delivery status notification on standard input, as a Postfix pipe
    /// transport or procmail hands it over, and records it (suppressing the address when the rules say so).
    struct Bounce: AsyncParsableCommand {
        /// Exit statuses from sysexits.h, which Postfix's pipe(8) and local(8) read: 65 and 67 make Postfix return
        /// the mail as undeliverable (5.6.0, 5.1.1) instead of trying again; 75 makes it try again later.
        enum Status: Int32 {
            /// EX_DATAERR: not a delivery status notification.
            case notAReport = 65
            /// EX_NOUSER: a report for no message this hub sent.
            case unknownMessage = 67
            /// EX_TEMPFAIL: the database could not be reached or written; the mail stays in the queue.
            case temporaryFailure = 75
        }

        static let configuration = CommandConfiguration(
            abstract: "Read a delivery status notification (bounce) on standard input and record it.",
            discussion: """
                For the bounce address (ZONEHUB_BOUNCE_ADDRESS): have the mail server pipe mail to it into this \
                command (see the README's Postfix lines). A hard bounce (5.x.x) suppresses the address at once; \
                three soft ones (4.x.x, or 5.7.x refusals by policy) within 14 days do too. Exits 0 when the report \
                was recorded, 65 when the mail is not a delivery status notification, 67 when it reports on no \
                message this hub sent, 75 when the database failed (try again); the last three change nothing.
                """)
        @Option(help: "The address the mail was delivered to (Postfix pipe: ${recipient}), where VERP shows.")
        var recipient: String?
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            var input: [UInt8] = []
            while input.count <= DeliveryReportParser.maximumBytes {
                let chunk = FileHandle.standardInput.readData(ofLength: 64 * 1024)
                if chunk.isEmpty { break }
                input += chunk
            }
            // Read what is left, so the mail server does not see a broken pipe.
            while !FileHandle.standardInput.readData(ofLength: 64 * 1024).isEmpty {}
            let report: DeliveryReport
            do {
                report = try DeliveryReportParser.parse(input)
            } catch {
                fail(Self.told(error), .notAReport)
            }
            let hub: Hub
            do {
                hub = try await Hub.open(try Settings(database: database))
            } catch {
                fail("\(error)", .temporaryFailure)
            }
            do {
                let bounce = try await hub.bounces.handle(report, envelopeRecipients: recipient.map { [$0] } ?? [])
                print(
                    "\(bounce.kind.rawValue) bounce \(bounce.status) for \(bounce.recipient) (outbox message "
                        + "\(bounce.message.rawValue), matched by \(bounce.matchedBy.rawValue)): "
                        + "\(bounce.action.rawValue.replacingOccurrences(of: "_", with: " "))")
                print(bounce.reason)
            } catch let error as CommunityError where error.code == FeedsProblem.unknownBouncedMessage.code {
                fail(Self.told(error), .unknownMessage)
            } catch let error as CommunityError where error.code == FeedsProblem.notADeliveryReport.code {
                fail(Self.told(error), .notAReport)
            } catch {
                fail("\(error)", .temporaryFailure)
            }
        }

        /// French first, then the English detail: Postfix quotes this output in what it returns to a sender.
        static func told(_ error: CommunityError) -> String { "\(error.frenchMessage) (\(error.message))" }

        private func fail(_ message: String, _ status: Status) -> Never {
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            Foundation.exit(status.rawValue)
        }
    }
}
