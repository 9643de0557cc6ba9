import HTTPTypes
import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing

@testable import zonehub

/// The deadline on request heads, on an embedded channel whose clock the test moves.
@Suite struct RequestHeadTimeoutTests {
    /// A connected channel with the handler alone, its timeout 10 s.
    func connectedChannel() throws -> EmbeddedChannel {
        let channel = EmbeddedChannel(handler: RequestHeadTimeout(timeout: .seconds(10), logger: .init(label: "test")))
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 8080)).wait()
        return channel
    }

    func receiveRequest(_ channel: EmbeddedChannel) throws {
        try channel.writeInbound(
            HTTPRequestPart.head(HTTPRequest(method: .get, scheme: nil, authority: "x", path: "/")))
        try channel.writeInbound(HTTPRequestPart.end(nil))
        channel.pipeline.fireChannelReadComplete()
    }

    func answer(_ channel: EmbeddedChannel) throws {
        try channel.writeOutbound(HTTPResponsePart.head(HTTPResponse(status: .ok)))
        try channel.writeOutbound(HTTPResponsePart.end(nil))
    }

    @Test func aConnectionWhoseHeadDoesNotArriveIsClosedAtTheTimeout() throws {
        let channel = try connectedChannel()
        channel.pipeline.fireChannelReadComplete()  // half a head: bytes, but no request part yet
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(9_999))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(1))
        #expect(!channel.isActive)
    }

    @Test func aConnectionThatSendsNothingIsClosedAtTheTimeoutToo() throws {
        let channel = try connectedChannel()
        channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        #expect(!channel.isActive)
    }

    @Test func aSlowAnswerIsNotCutShort() throws {
        let channel = try connectedChannel()
        try receiveRequest(channel)
        channel.embeddedEventLoop.advanceTime(by: .seconds(60))
        #expect(channel.isActive)
        try answer(channel)
        #expect(channel.isActive)
    }

    @Test func aKeptAliveConnectionWaitsWithoutDeadlineUntilTheNextHeadBegins() throws {
        let channel = try connectedChannel()
        try receiveRequest(channel)
        try answer(channel)
        // Waiting between requests is the idle timeout's business, not this handler's.
        channel.embeddedEventLoop.advanceTime(by: .seconds(60))
        #expect(channel.isActive)
        channel.pipeline.fireChannelReadComplete()  // the next head's first bytes
        channel.embeddedEventLoop.advanceTime(by: .seconds(9))
        #expect(channel.isActive)
        channel.embeddedEventLoop.advanceTime(by: .seconds(1))
        #expect(!channel.isActive)
    }

    @Test func theNextHeadArrivingInTimeKeepsTheConnection() throws {
        let channel = try connectedChannel()
        try receiveRequest(channel)
        try answer(channel)
        channel.pipeline.fireChannelReadComplete()
        channel.embeddedEventLoop.advanceTime(by: .seconds(5))
        try receiveRequest(channel)
        channel.embeddedEventLoop.advanceTime(by: .seconds(30))
        #expect(channel.isActive)
    }

    @Test func aBodyStillArrivingAfterAnEarlyAnswerIsNotTakenForAHead() throws {
        let channel = try connectedChannel()
        try channel.writeInbound(
            HTTPRequestPart.head(HTTPRequest(method: .post, scheme: nil, authority: "x", path: "/api/v1/posts")))
        try answer(channel)  // e.g. 413 before the body is read
        try channel.writeInbound(HTTPRequestPart.body(ByteBuffer(string: "{")))
        channel.pipeline.fireChannelReadComplete()
        channel.embeddedEventLoop.advanceTime(by: .seconds(30))
        #expect(channel.isActive)
    }
}
