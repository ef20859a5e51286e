import Testing

@Suite struct ParleyGraphTestsPlaceholder {}
