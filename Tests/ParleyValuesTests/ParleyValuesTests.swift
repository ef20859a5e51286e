/// ParleyValuesTests: values without a graph: equivalence, equality, comparison and ordering,
/// Cypher and JSON text of scalars, lists and maps, and the temporal types (calendar
/// arithmetic, ISO 8601 parsing and printing, time zones).
