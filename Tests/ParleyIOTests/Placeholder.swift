import Testing

@Suite struct ParleyIOTestsPlaceholder {}
