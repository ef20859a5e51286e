// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "parley", targets: ["parley"]),
        .library(name: "ParleyValues", targets: ["ParleyValues"]),
        .library(name: "ParleyGraph", targets: ["ParleyGraph"]),
        .library(name: "ParleyIO", targets: ["ParleyIO"]),
        .library(name: "ParleyAlgorithms", targets: ["ParleyAlgorithms"]),
        .library(name: "ParleyQuery", targets: ["ParleyQuery"]),
        .library(name: "ParleyBolt", targets: ["ParleyBolt"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    ],
    targets: [
        // Cypher values and their semantics, the temporal types and time zones, source
        // positions and diagnostics, value text (Cypher literals, JSON, escapes).
        .target(name: "ParleyValues", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        // The graph store: nodes, relationships, properties, indexes, validity views.
        .target(name: "ParleyGraph", dependencies: ["ParleyValues"]),
        // Graphs in and out of files: the JSON graph format, the interchange formats, Graphviz
        // DOT, timelines, graph diffs, atomic file helpers.
        .target(name: "ParleyIO", dependencies: ["ParleyValues", "ParleyGraph"]),
        // Graph algorithms (centrality, components, communities, paths) on a view of the store.
        .target(name: "ParleyAlgorithms", dependencies: ["ParleyValues", "ParleyGraph"]),
        // The openCypher engine: lexer → parser → AST → semantic analysis → planner → executor;
        // the algorithms are its `algo.*` procedures.
        .target(name: "ParleyQuery", dependencies: ["ParleyValues", "ParleyGraph", "ParleyAlgorithms"]),
        // The Bolt client: PackStream, the Bolt messages, chunked framing and version negotiation
        // (all ours), a blocking connection over SwiftNIO (TLS with swift-nio-ssl), and server values materialised into a
        // scratch store so the local renderers draw them (see docs/bolt.md).
        .target(
            name: "ParleyBolt",
            dependencies: [
                "ParleyValues", "ParleyGraph",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"), .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // libedit, seen through static inline wrappers (only the REPL touches C).
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        // The REPL and script mode: line editing, completion, meta-commands, rendering results
        // and diagnostics.
        .target(name: "ParleyREPL", dependencies: ["ParleyValues", "ParleyGraph", "ParleyIO", "ParleyQuery", "ParleyBolt", "CEditLine"]),
        // The thin executable: the command line, handed to ParleyREPL's Launcher.
        .executableTarget(
            name: "parley",
            dependencies: ["ParleyREPL", "ParleyBolt", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            plugins: ["GitRevision"]
        ),
        // Records the git revision for `parley --version`.
        .plugin(name: "GitRevision", capability: .buildTool()),
        // Release-mode benchmark harness (see docs/benchmarks.md).
        .executableTarget(name: "parley-bench", dependencies: ["ParleyValues", "ParleyGraph", "ParleyIO", "ParleyQuery", "ParleyBenchSupport"]),
        // The synthetic benchmark graph `parley-bench generate` writes (no dependencies).
        .target(name: "ParleyBenchSupport"),

        .testTarget(name: "ParleyValuesTests", dependencies: ["ParleyValues"]),
        // PackStream and message bytes, recorded exchanges; against a live server when PARLEY_BOLT_URI is set.
        // TLS and routing against in-test servers (NIO, NIOSSL) with a test-only certificate.
        .testTarget(
            name: "ParleyBoltTests",
            dependencies: [
                "ParleyValues", "ParleyGraph", "ParleyBolt",
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            exclude: ["TLSFixtures"]
        ),
        .testTarget(name: "ParleyGraphTests", dependencies: ["ParleyValues", "ParleyGraph"]),
        // (ParleyREPL: load errors are checked as the REPL renders them, source line and caret.)
        .testTarget(name: "ParleyIOTests", dependencies: ["ParleyValues", "ParleyGraph", "ParleyIO", "ParleyREPL"], exclude: ["Golden"]),
        .testTarget(name: "ParleyQueryTests", dependencies: ["ParleyValues", "ParleyGraph", "ParleyQuery"]),
        // The algo.* procedures against NetworkX's golden answers (`make goldens` writes them).
        .testTarget(
            name: "ParleyAlgorithmsTests",
            dependencies: ["ParleyValues", "ParleyGraph", "ParleyIO", "ParleyQuery", "ParleyAlgorithms"],
            exclude: ["Golden", "Graphs"]
        ),
        .testTarget(name: "ParleyTCKTests", dependencies: ["ParleyValues", "ParleyGraph", "ParleyQuery"], exclude: ["passing.txt", "Features"]),
        .testTarget(name: "ParleyREPLTests", dependencies: ["ParleyValues", "ParleyGraph", "ParleyIO", "ParleyQuery", "ParleyBolt", "ParleyREPL"]),
        .testTarget(name: "ParleyCLITests", dependencies: ["parley", "ParleyQuery", "ParleyGraph", "ParleyBenchSupport"], exclude: ["Golden"]),
        .testTarget(name: "ParleyBenchSupportTests", dependencies: ["ParleyBenchSupport", "ParleyGraph", "ParleyIO"]),
        .testTarget(name: "BundledGraphTests", dependencies: ["ParleyGraph", "ParleyIO", "ParleyQuery"]),
    ],
    swiftLanguageModes: [.v6]
)
