/// ParleyBoltTests: PackStream and the Bolt messages against exact byte vectors (the values
/// from the Bolt specification's examples, and exchanges recorded from a FalkorDB server), the
/// chunked framing and the handshake, a session over a scripted transport, and, when
/// PARLEY_BOLT_URI names a server (`make bolt-test` starts one), the same against the server.
