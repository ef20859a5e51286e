/// ParleyBenchSupportTests: the synthetic benchmark graph is the same for the same seed, has
/// the requested size and shape, and loads in Parley.
