import Foundation
import NIOCore
import NIOPosix
import NIOSSL
import ParleyBolt

/// A Bolt server inside the test process, on 127.0.0.1 at a free port, optionally behind TLS
/// with the test-only certificate in TLSFixtures. It either answers by itself (handshake,
/// HELLO, LOGON, ROUTE, RUN + PULL returning its name, RESET) or forwards every byte to
/// another server (a TLS-terminating proxy in front of the live FalkorDB).
final class FakeBoltServer: @unchecked Sendable {
    /// What the server does with a connection.
    enum Behaviour: Sendable {
        /// Answers as a Bolt 5.4 server named `name`; ROUTE gets `routingTable` as its
        /// SUCCESS metadata, or a FAILURE when it is nil (a server that does not route).
        case bolt(name: String, routingTable: BoltMap?)
        /// Forwards the bytes to HOST:PORT and back.
        case forward(host: String, port: Int)
        /// Takes the connection and never answers.
        case silent
    }

    let port: Int
    private let group: MultiThreadedEventLoopGroup
    private let channel: Channel
    /// What the clients sent, each message's bytes (unchunked), in order.
    let log = MessageLog()

    init(_ behaviour: Behaviour, tls: Bool = false) throws {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let sslContext = tls ? try NIOSSLContext(configuration: Self.serverConfiguration()) : nil
        let log = self.log
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    if let sslContext { try sync.addHandler(NIOSSLServerHandler(context: sslContext)) }
                    switch behaviour {
                    case .bolt(let name, let table): try sync.addHandler(ScriptedBoltHandler(name: name, routingTable: table, log: log))
                    case .forward(let host, let port): try sync.addHandler(ForwardingHandler(host: host, port: port))
                    case .silent: break
                    }
                }
            }
        channel = try bootstrap.bind(host: "127.0.0.1", port: 0).wait()
        port = channel.localAddress?.port ?? 0
    }

    private let lock = NSLock()
    private var stopped = false

    /// Stops listening and shuts the event loop down (once; later calls do nothing).
    func stop() {
        lock.lock()
        let first = !stopped
        stopped = true
        lock.unlock()
        guard first else { return }
        try? channel.close().wait()
        try? group.syncShutdownGracefully()
    }

    deinit { stop() }

    /// The test fixtures folder (test-only certificate authority, certificate and key).
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("TLSFixtures")
    /// The test certificate authority, as `--trust-ca` takes it.
    static var caFile: String { fixtures.appendingPathComponent("test-ca.pem").path }

    static func serverConfiguration() throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMFile(fixtures.appendingPathComponent("test-server.pem").path)
        let key = try NIOSSLPrivateKey(file: fixtures.appendingPathComponent("test-server.key").path, format: .pem)
        return .makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }
}

/// The messages clients sent a ``FakeBoltServer``, safe to read from the test's thread.
final class MessageLog: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [[UInt8]] = []

    func append(_ message: [UInt8]) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    /// The messages so far.
    var all: [[UInt8]] {
        lock.lock()
        defer { lock.unlock() }
        return messages
    }

    /// The signature bytes of the messages so far (`0x01` HELLO, `0x66` ROUTE, …).
    var signatures: [UInt8] { all.compactMap { $0.count > 1 ? $0[1] : nil } }
}

/// Answers one connection as a small Bolt 5.4 server; closes when the opening bytes are not
/// Bolt's (as a plain Bolt server does when a TLS client says hello).
final class ScriptedBoltHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let name: String
    private let routingTable: BoltMap?
    private let log: MessageLog
    private var opening: [UInt8] = []
    private var shookHands = false
    private var reader = BoltChunkReader()

    init(name: String, routingTable: BoltMap?, log: MessageLog) {
        self.name = name
        self.routingTable = routingTable
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        if !shookHands {
            opening += bytes
            if opening.count >= 4 && Array(opening.prefix(4)) != BoltHandshake.magic {
                context.close(promise: nil)
                return
            }
            guard opening.count >= 20 else { return }
            shookHands = true
            write(context, [0, 0, 4, 5])
            reader.feed(opening.dropFirst(20))
        } else {
            reader.feed(bytes)
        }
        while let message = reader.nextMessage() {
            log.append(message)
            guard message.count > 1 else { continue }
            switch message[1] {
            case 0x01: reply(context, 0x70, ["server": .string(name), "connection_id": "fake-1"])
            case 0x66:
                if let routingTable { reply(context, 0x70, routingTable) } else {
                    reply(context, 0x7F, ["code": "Neo.ClientError.Request.Invalid", "message": "ROUTE is not supported here"])
                }
            case 0x10: reply(context, 0x70, ["fields": ["server"], "t_first": 0])
            case 0x3F:
                reply(context, 0x71, nil, fields: [.list([.string(name)])])
                reply(context, 0x70, ["t_last": 0])
            case 0x02: context.close(promise: nil)
            default: reply(context, 0x70, [:])
            }
        }
    }

    private func reply(_ context: ChannelHandlerContext, _ signature: UInt8, _ meta: BoltMap?, fields: [BoltValue] = []) {
        var e = PackStreamEncoder()
        let values = meta.map { [BoltValue.map($0)] } ?? fields
        try? e.structureHeader(fields: values.count, signature: signature)
        for v in values { try? e.encode(v) }
        write(context, BoltChunker.frame(e.bytes))
    }

    private func write(_ context: ChannelHandlerContext, _ bytes: [UInt8]) {
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(bytes: bytes)), promise: nil)
    }
}

/// Forwards one connection's bytes to a backend server and the answers back.
final class ForwardingHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let host: String
    private let port: Int
    private var backend: Channel?
    private var waiting: [ByteBuffer] = []

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    func channelActive(context: ChannelHandlerContext) {
        let front = context.channel
        let bound = NIOLoopBound(self, eventLoop: context.eventLoop)
        ClientBootstrap(group: context.eventLoop)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(BackendHandler(front: front))
                }
            }
            .connect(host: host, port: port)
            .whenComplete { result in
                switch result {
                case .success(let channel):
                    let handler = bound.value
                    handler.backend = channel
                    for buffer in handler.waiting { channel.write(buffer, promise: nil) }
                    handler.waiting = []
                    channel.flush()
                case .failure:
                    front.close(promise: nil)
                }
            }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        if let backend { backend.writeAndFlush(buffer, promise: nil) } else { waiting.append(buffer) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        backend?.close(promise: nil)
        context.fireChannelInactive()
    }
}

/// The backend side of a ``ForwardingHandler``: its answers go to the front connection.
final class BackendHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    let front: Channel

    init(front: Channel) { self.front = front }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        front.writeAndFlush(unwrapInboundIn(data), promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        front.close(promise: nil)
        context.fireChannelInactive()
    }
}
