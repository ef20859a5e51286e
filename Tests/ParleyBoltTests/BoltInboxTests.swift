@testable import ParleyBolt
import Foundation
import Testing

@Suite("The inbox between the event loop and the session: back-pressure and closing")
struct BoltInboxTests {
    /// Counts the inbox's drained calls from any thread.
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func increment() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    @Test("past its high-water mark the inbox says it is full; taking the bytes empties it and calls onDrained")
    func highWater() throws {
        let inbox = BoltInbox(highWater: 8)
        let drained = Counter()
        inbox.onDrained = { drained.increment() }
        inbox.append([1, 2, 3, 4, 5, 6, 7, 8])
        #expect(!inbox.isFull, "exactly the high-water mark is not over it")
        inbox.append([9])
        #expect(inbox.isFull)
        let bytes = try inbox.take(waitingFor: "a test", timeout: .seconds(1), host: "h", port: 1)
        #expect(bytes == [1, 2, 3, 4, 5, 6, 7, 8, 9], "every byte, in order")
        #expect(!inbox.isFull)
        #expect(drained.count == 1)
    }

    @Test("a session waiting on an empty inbox wakes for bytes another thread appends")
    func wakes() throws {
        let inbox = BoltInbox(highWater: 4)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { inbox.append([42]) }
        #expect(try inbox.take(waitingFor: "a test", timeout: .seconds(5), host: "h", port: 1) == [42])
    }

    @Test("bytes already received are taken before the close is reported; then the close says what was awaited")
    func closeAfterBytes() throws {
        let inbox = BoltInbox()
        inbox.append([7])
        inbox.close()
        #expect(try inbox.take(waitingFor: "records", timeout: nil, host: "h", port: 1) == [7])
        #expect(throws: BoltError.connectionClosed(waitingFor: "records")) {
            try inbox.take(waitingFor: "records", timeout: nil, host: "h", port: 1)
        }
    }

    @Test("an empty inbox past its deadline reports a timeout naming what was awaited")
    func timeout() {
        let inbox = BoltInbox()
        #expect(throws: BoltError.timedOut(host: "h", port: 1, waitingFor: "SUCCESS")) {
            try inbox.take(waitingFor: "SUCCESS", timeout: .milliseconds(20), host: "h", port: 1)
        }
    }
}
