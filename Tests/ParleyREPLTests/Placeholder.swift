import Testing

@Suite struct ParleyREPLTestsPlaceholder {}
