/// ParleyCLITests: the real `parley` binary run as a user would, its output compared with the
/// golden transcripts in `Golden/`, and the documented examples and error catalogue checked
/// against what it prints.
