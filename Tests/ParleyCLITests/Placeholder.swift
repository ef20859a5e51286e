import Testing

@Suite struct ParleyCLITestsPlaceholder {}
