import NIOCore

/// Hands every inbound byte to the inbox, tells it when the connection ends, and stops reading
/// from the socket while the inbox holds more than its high-water mark.
///
/// A server that ignores PULL's `n` (FalkorDB sends a whole result at once) would otherwise fill
/// the inbox with the entire result before the session has read the first batch; withholding
/// `read()` leaves the rest in the kernel's socket buffers and TCP's window, so a long result
/// streams in flat memory whatever the server does.
final class BoltInboxHandler: ChannelDuplexHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let inbox: BoltInbox
    /// A read the channel asked for while the inbox was full (event loop only).
    private var withheldRead = false
    private var context: ChannelHandlerContext?

    init(inbox: BoltInbox) { self.inbox = inbox }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        let loop = context.eventLoop
        inbox.onDrained = { [weak self] in
            loop.execute { self?.resumeReading() }
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        inbox.onDrained = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        if let bytes = buffer.readBytes(length: buffer.readableBytes) { inbox.append(bytes) }
    }

    func read(context: ChannelHandlerContext) {
        if inbox.isFull {
            withheldRead = true
        } else {
            context.read()
        }
    }

    /// Passes on a withheld read once the session has taken the inbox's bytes.
    private func resumeReading() {
        guard withheldRead, let context else { return }
        withheldRead = false
        context.read()
    }

    func channelInactive(context: ChannelHandlerContext) {
        inbox.close()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        inbox.close(reason: "\(error)")
        context.close(promise: nil)
    }
}
