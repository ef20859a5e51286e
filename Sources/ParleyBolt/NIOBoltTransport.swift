import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A TCP connection on SwiftNIO (wrapped in TLS when the URI asks for it), seen through the
/// blocking ``BoltTransport``: one event-loop thread per connection moves bytes into a
/// ``BoltInbox``; the caller's thread waits on it. Never call it from an event loop.
public final class NIOBoltTransport: BoltTransport {
    private let group: MultiThreadedEventLoopGroup
    private let channel: Channel
    private let inbox: BoltInbox
    private let host: String
    private let port: Int
    private var isClosed = false

    private init(group: MultiThreadedEventLoopGroup, channel: Channel, inbox: BoltInbox, host: String, port: Int) {
        self.group = group
        self.channel = channel
        self.inbox = inbox
        self.host = host
        self.port = port
    }

    /// Connects (and, for TLS, completes the TLS handshake), or throws a ``BoltError`` that
    /// says why not (refused, unknown host, timeout, an untrusted certificate, no TLS there).
    public static func connect(
        host: String, port: Int, security: BoltSecurity = .plain, tls: BoltTLSOptions = BoltTLSOptions(),
        timeout: Duration = .seconds(10)
    ) throws(BoltError) -> NIOBoltTransport {
        let sslContext = security.usesTLS ? try makeTLSContext(security: security, options: tls) : nil
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let inbox = BoltInbox()
        let handshake = group.next().makePromise(of: Void.self)
        let sniName = isIPAddress(host) ? nil : host
        let bootstrap = ClientBootstrap(group: group)
            .connectTimeout(.seconds(timeout.components.seconds))
            .channelOption(.socketOption(.so_keepalive), value: 1)
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let sslContext {
                        let tlsHandler = try NIOSSLClientHandler(context: sslContext, serverHostname: sniName)
                        try channel.pipeline.syncOperations.addHandler(tlsHandler)
                        try channel.pipeline.syncOperations.addHandler(TLSHandshakeWatcher(promise: handshake))
                    }
                    try channel.pipeline.syncOperations.addHandler(BoltInboxHandler(inbox: inbox))
                }
            }
        let channel: Channel
        do {
            channel = try bootstrap.connect(host: host, port: port).wait()
        } catch {
            handshake.fail(TLSHandshakeWatcher.Ended.closed)
            try? group.syncShutdownGracefully()
            throw describe(error, host: host, port: port, timeout: timeout)
        }
        if sslContext != nil {
            let deadline = channel.eventLoop.scheduleTask(in: .seconds(timeout.components.seconds)) {
                channel.pipeline.fireUserInboundEventTriggered(TLSHandshakeWatcher.Deadline())
            }
            do {
                try handshake.futureResult.wait()
                deadline.cancel()
            } catch {
                deadline.cancel()
                try? channel.close().wait()
                try? group.syncShutdownGracefully()
                throw describeTLS(error, host: host, port: port, security: security, options: tls, timeout: timeout)
            }
        } else {
            handshake.succeed(())
        }
        return NIOBoltTransport(group: group, channel: channel, inbox: inbox, host: host, port: port)
    }

    public func send(_ bytes: [UInt8]) throws(BoltError) {
        do {
            try channel.writeAndFlush(channel.allocator.buffer(bytes: bytes)).wait()
        } catch {
            throw .connectionClosed(waitingFor: "the server to take Parley's request")
        }
    }

    public func receive(waitingFor: String, timeout: Duration?) throws(BoltError) -> [UInt8] {
        try inbox.take(waitingFor: waitingFor, timeout: timeout, host: host, port: port)
    }

    public func close() {
        guard !isClosed else { return }
        isClosed = true
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    deinit { close() }

    private static func describe(_ error: Error, host: String, port: Int, timeout: Duration) -> BoltError {
        if let e = error as? NIOConnectionError {
            if e.dnsAError != nil || e.dnsAAAAError != nil, e.connectionErrors.isEmpty {
                return .cannotConnect(host: host, port: port, reason: "the host name '\(host)' did not resolve")
            }
            let errors = e.connectionErrors.map(\.error)
            if errors.contains(where: { ($0 as? IOError)?.errnoCode == ECONNREFUSED }) {
                return .connectionRefused(host: host, port: port)
            }
            if let first = errors.first { return describe(first, host: host, port: port, timeout: timeout) }
            return .cannotConnect(host: host, port: port, reason: "\(e)")
        }
        if let e = error as? IOError, e.errnoCode == ECONNREFUSED { return .connectionRefused(host: host, port: port) }
        if case ChannelError.connectTimeout = error {
            return .timedOut(host: host, port: port, waitingFor: "the connection to open, \(timeout.components.seconds) s")
        }
        return .cannotConnect(host: host, port: port, reason: "\(error)")
    }
}
