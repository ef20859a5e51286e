import Testing

@Suite struct ParleyTCKTestsPlaceholder {}
