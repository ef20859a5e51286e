import Testing

@Suite struct BundledGraphTestsPlaceholder {}
