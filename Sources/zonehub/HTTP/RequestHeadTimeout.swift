import Logging
import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request head does not arrive in time: the first head within `timeout` of the connection
/// being accepted, each later one within `timeout` of its first bytes.
///
/// Without it a client that sends half a head holds its connection, and one of the process's open files, for as long
/// as it likes: Hummingbird's idle timeout only counts from the last complete request part. Between requests on a
/// kept-alive connection, and within a request body, that idle timeout applies instead. Sits after the HTTP decoder
/// (it sees request parts, not bytes) and learns that bytes arrived from `channelReadComplete`, which the decoder
/// passes on even when they made no part yet.
final class RequestHeadTimeout: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let timeout: TimeAmount
    private let logger: Logger
    private var deadline: Scheduled<Void>?
    /// Requests whose head has arrived and whose answer is not written in full yet.
    private var requestsInProgress = 0
    /// Whether the last request's body is still arriving.
    private var readingBody = false

    init(timeout: TimeAmount, logger: Logger) {
        self.timeout = timeout
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { startDeadline(context: context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelDeadline()
    }

    func channelActive(context: ChannelHandlerContext) {
        startDeadline(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelDeadline()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            requestsInProgress += 1
            readingBody = true
            cancelDeadline()
        case .body:
            break
        case .end:
            readingBody = false
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        // Bytes arrived while no request was under way: the start of the next head, which now has `timeout` to end.
        if requestsInProgress == 0 && !readingBody { startDeadline(context: context) }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // Never below zero: an answer to a head the decoder refused (400) ends a request this handler never saw.
        if case .end = unwrapOutboundIn(data) { requestsInProgress = max(0, requestsInProgress - 1) }
        context.write(data, promise: promise)
    }

    private func startDeadline(context: ChannelHandlerContext) {
        guard deadline == nil else { return }
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { [self] in
            deadline = nil
            // Debug, not warning: under a flood of slow clients, one line per connection would flood the log too.
            logger.debug(
                "request head not received in time, connection closed",
                metadata: ["client": "\(context.channel.remoteAddress?.description ?? "?")"])
            context.close(promise: nil)
        }
    }

    private func cancelDeadline() {
        deadline?.cancel()
        deadline = nil
    }
}
