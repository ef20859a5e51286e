/// ParleyTCKTests: the openCypher TCK run through the engine, guarding the scenarios listed in
/// `passing.txt` against regressions, with the Gherkin reader and value matching it needs.
