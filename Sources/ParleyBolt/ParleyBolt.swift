/// ParleyBolt: Parley as a Bolt client. PackStream v1 (``PackStreamEncoder``,
/// ``PackStreamDecoder``) and the Bolt messages (``BoltRequest``, ``BoltResponse``), chunked
/// framing (``BoltChunker``, ``BoltChunkReader``) and version negotiation (``BoltHandshake``)
/// are written here from the protocol's specification; the TCP connection runs on SwiftNIO
/// behind a blocking facade (``BoltSession``) that scripts and the REPL call from their own
/// thread. Results stream: ``BoltResult`` asks the server for records in batches with PULL.
/// ``BoltMaterializer`` turns server values into Parley values over a scratch `GraphStore`.
/// It depends on ParleyValues, ParleyGraph and SwiftNIO.
