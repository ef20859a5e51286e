import Testing

@Suite struct ParleyQueryTestsPlaceholder {}
