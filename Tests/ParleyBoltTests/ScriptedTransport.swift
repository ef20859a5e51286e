import ParleyBolt

/// A transport that plays back recorded server bytes, one blob per `receive`, and keeps what
/// the client sent; an empty blob is a wait that times out (the server still busy); past the
/// last blob the server "closes" the connection.
final class ScriptedTransport: BoltTransport {
    var replies: [[UInt8]]
    private(set) var sent: [[UInt8]] = []
    private(set) var closed = false

    init(replies: [[UInt8]]) { self.replies = replies }

    func send(_ bytes: [UInt8]) throws(BoltError) {
        guard !closed else { throw .connectionClosed(waitingFor: "send") }
        sent.append(bytes)
    }

    func receive(waitingFor: String, timeout: Duration?) throws(BoltError) -> [UInt8] {
        guard !replies.isEmpty else { throw .connectionClosed(waitingFor: waitingFor) }
        let next = replies.removeFirst()
        if next.isEmpty { throw .timedOut(host: "scripted", port: 0, waitingFor: waitingFor) }
        return next
    }

    func close() { closed = true }
}

/// Recorded from FalkorDB 4.16.3 (which answers as `Neo4j/5.13.0`, Bolt 5.4), unchunked messages.
enum FalkorRecording {
    static let helloSuccess = hex(
        "b170a2867365727665728c4e656f346a2f352e31332e308d636f6e6e656374696f6e5f6964d024"
            + "64646133366338662d646535352d343063312d623131322d633063373466613231333065")
    static let logonSuccess = hex("b170a0")
    /// UNWIND range(1,3) AS x RETURN x, 'a', 1.5, null, true, [1,2], {k:1}
    static let runSuccess = hex(
        "b170a387745f6669727374c802866669656c64739781788327612783312e35846e756c6c8474727565"
            + "855b312c325d857b6b3a317d83716964c800")
    static func record(_ x: UInt8) -> [UInt8] { hex("b17197c8") + [x] + hex("8161c13ff8000000000000c0c392c801c802a1816bc801") }
    static let pullSuccess = hex("b170a186745f6c617374c801")
    /// RETURN x x
    static let syntaxFailure = hex(
        "b17fa284636f64658b53796e7461784572726f72876d657373616765d0776572724d73673a20496e76616c"
            + "696420696e70757420617420656e64206f6620696e7075743a20657870656374656420584f52206c696e"
            + "653a20312c20636f6c756d6e3a2031312c206f66667365743a203130206572724374783a2052455455524e"
            + "20782078206572724374784f66667365743a203130")
    static let ignored = hex("b07e")
    /// ROUTE's answer: `{rt: {ttl: 1000, db: "falkordb", servers: [ROUTE, READ, WRITE: ["localhost:7687"]]}}`,
    /// the same whatever port the server listens on.
    static let routeSuccess = hex(
        "b170a1827274a38374746cc903e88264628866616c6b6f726462877365727665727393a28961646472657373"
            + "6573918e6c6f63616c686f73743a3736383784726f6c6585524f555445a289616464726573736573918e6c6f"
            + "63616c686f73743a3736383784726f6c658452454144a289616464726573736573918e6c6f63616c686f73"
            + "743a3736383784726f6c65855752495445")

    /// The server's side of the opening: version 5.4, HELLO's and LOGON's SUCCESS.
    static let opening: [[UInt8]] = [[0, 0, 4, 5], BoltChunker.frame(helloSuccess), BoltChunker.frame(logonSuccess)]
}
