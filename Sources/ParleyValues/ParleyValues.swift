/// ParleyValues: Cypher values and everything about them that needs no graph. The `Value`
/// enum with Cypher's equivalence, equality, comparison and ordering; the six temporal types,
/// ISO 8601 parsing and printing, and time zones from the system tz database; a value's text
/// as a Cypher literal or as JSON (nodes and relationships are looked up through
/// `ElementLookup`, which the store implements); and the text utilities every module shares:
/// source positions, diagnostics as data (message, range, hint), backslash escapes, hex
/// digits and edit distance. It depends on nothing else in Parley.
