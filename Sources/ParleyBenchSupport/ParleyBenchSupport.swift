/// ParleyBenchSupport: the seeded synthetic benchmark graph that `parley-bench generate` writes
/// (Parley's JSON, CSV for Kùzu, params.json, manifest.json): the same size and seed give the
/// same graph on every run. It depends on nothing else in Parley.
