import NIOCore
import NIOTLS

/// Sits after the TLS handler and completes a promise when the TLS handshake ends: with
/// success, with the error that broke it, or when the connection closes (or the deadline
/// passes) before it finished. Runs on the channel's event loop only.
final class TLSHandshakeWatcher: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    /// Fired through the pipeline when the handshake takes too long.
    struct Deadline: Sendable {}

    /// Why the handshake did not finish although no TLS error was raised.
    enum Ended: Error {
        case closed
        case timedOut
    }

    private let promise: EventLoopPromise<Void>
    private var done = false

    init(promise: EventLoopPromise<Void>) { self.promise = promise }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case TLSUserEvent.handshakeCompleted = event {
            finish(.success(()))
        } else if event is Deadline {
            finish(.failure(Ended.timedOut))
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        finish(.failure(error))
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish(.failure(Ended.closed))
        context.fireChannelInactive()
    }

    private func finish(_ result: Result<Void, Error>) {
        guard !done else { return }
        done = true
        promise.completeWith(result)
    }
}
