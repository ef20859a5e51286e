/// parley-bench: the release-mode benchmark harness (docs/benchmarks.md). It writes the
/// synthetic graph (ParleyBenchSupport) and times loading, queries, graph algorithms, as-of
/// views and cancellation on it.
