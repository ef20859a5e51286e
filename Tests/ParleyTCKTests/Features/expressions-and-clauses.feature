# Parley's own scenarios, in the notation of the openCypher TCK: ORDER BY ... NULLS FIRST|LAST,
# OFFSET, valueType(), btrim/ltrim/rtrim with a character set, normalize(), char_length,
# isEmpty() and the coll.* list functions. Expected results are worked out by hand from the
# semantics the Neo4j Cypher Manual documents.

Feature: ExpressionsAndClauses - newer functions, NULLS FIRST|LAST and OFFSET

  Scenario: [1] NULLS FIRST puts nulls before the ascending values
    Given any graph
    When executing query:
      """
      UNWIND [2, null, 1] AS x
      RETURN x ORDER BY x NULLS FIRST
      """
    Then the result should be, in order:
      | x    |
      | null |
      | 1    |
      | 2    |
    And no side effects

  Scenario: [2] NULLS LAST puts nulls after the descending values
    Given any graph
    When executing query:
      """
      UNWIND [2, null, 1] AS x
      RETURN x ORDER BY x DESC NULLS LAST
      """
    Then the result should be, in order:
      | x    |
      | 2    |
      | 1    |
      | null |
    And no side effects

  Scenario: [3] Without NULLS, null sorts last ascending and first descending
    Given any graph
    When executing query:
      """
      UNWIND [2, null, 1] AS x
      WITH x ORDER BY x
      WITH collect(coalesce(x, 0)) AS ascending
      UNWIND [2, null, 1] AS y
      WITH ascending, y ORDER BY y DESC
      RETURN ascending, collect(coalesce(y, 0)) AS descending
      """
    Then the result should be, in any order:
      | ascending | descending |
      | [1, 2, 0] | [0, 2, 1]  |
    And no side effects

  Scenario: [4] NULLS FIRST and NULLS LAST per sort key
    Given any graph
    When executing query:
      """
      UNWIND [{a: 1, b: null}, {a: 1, b: 2}, {a: null, b: 1}, {a: 2, b: 3}] AS m
      RETURN m.a AS a, m.b AS b
      ORDER BY a DESC NULLS FIRST, b ASC NULLS FIRST
      """
    Then the result should be, in order:
      | a    | b    |
      | null | 1    |
      | 2    | 3    |
      | 1    | null |
      | 1    | 2    |
    And no side effects

  Scenario: [5] NULLS FIRST in a WITH before LIMIT
    Given any graph
    When executing query:
      """
      UNWIND [3, null, 1, null] AS x
      WITH x ORDER BY x ASC NULLS FIRST LIMIT 3
      RETURN count(*) AS rows, collect(x) AS values
      """
    Then the result should be, in any order:
      | rows | values |
      | 3    | [1]    |
    And no side effects

  Scenario: [6] OFFSET skips rows like SKIP
    Given any graph
    When executing query:
      """
      UNWIND range(1, 5) AS x
      RETURN x ORDER BY x OFFSET 2
      """
    Then the result should be, in order:
      | x |
      | 3 |
      | 4 |
      | 5 |
    And no side effects

  Scenario: [7] OFFSET with LIMIT
    Given any graph
    When executing query:
      """
      UNWIND range(1, 5) AS x
      RETURN x ORDER BY x DESC OFFSET 1 LIMIT 2
      """
    Then the result should be, in order:
      | x |
      | 4 |
      | 3 |
    And no side effects

  Scenario: [8] OFFSET in a WITH, with a parameter
    Given any graph
    And parameters are:
      | n | 3 |
    When executing query:
      """
      UNWIND range(1, 5) AS x
      WITH x ORDER BY x OFFSET $n
      RETURN x
      """
    Then the result should be, in any order:
      | x |
      | 4 |
      | 5 |
    And no side effects

  Scenario: [9] OFFSET past the last row gives no rows
    Given any graph
    When executing query:
      """
      UNWIND range(1, 3) AS x
      RETURN x OFFSET 5
      """
    Then the result should be empty
    And no side effects

  Scenario: [10] A negative OFFSET is refused
    Given any graph
    When executing query:
      """
      UNWIND range(1, 3) AS x
      RETURN x OFFSET -1
      """
    Then a SyntaxError should be raised at compile time: NegativeIntegerArgument

  Scenario: [11] valueType() of simple values
    Given any graph
    When executing query:
      """
      RETURN valueType(1) AS a, valueType(1.5) AS b, valueType('s') AS c, valueType(true) AS d, valueType(null) AS e
      """
    Then the result should be, in any order:
      | a                  | b                | c                 | d                  | e      |
      | 'INTEGER NOT NULL' | 'FLOAT NOT NULL' | 'STRING NOT NULL' | 'BOOLEAN NOT NULL' | 'NULL' |
    And no side effects

  Scenario: [12] valueType() of lists and maps
    Given any graph
    When executing query:
      """
      RETURN valueType([1, 2]) AS a, valueType([1, null]) AS b, valueType([]) AS c, valueType({k: 1}) AS d
      """
    Then the result should be, in any order:
      | a                                 | b                        | c                         | d              |
      | 'LIST<INTEGER NOT NULL> NOT NULL' | 'LIST<INTEGER> NOT NULL' | 'LIST<NOTHING> NOT NULL'  | 'MAP NOT NULL' |
    And no side effects

  Scenario: [13] valueType() of graph elements, paths and temporal values
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R]->(:B)
      """
    When executing query:
      """
      MATCH p = (n)-[r]->()
      RETURN valueType(n) AS n, valueType(r) AS r, valueType(p) AS p,
             valueType(date('2015-05-08')) AS d, valueType(duration('P1D')) AS du,
             valueType(datetime('2015-05-08T10:00Z')) AS dt, valueType(localtime('10:00')) AS lt
      """
    Then the result should be, in any order:
      | n               | r                       | p               | d               | du                  | dt                        | lt                    |
      | 'NODE NOT NULL' | 'RELATIONSHIP NOT NULL' | 'PATH NOT NULL' | 'DATE NOT NULL' | 'DURATION NOT NULL' | 'ZONED DATETIME NOT NULL' | 'LOCAL TIME NOT NULL' |
    And no side effects

  Scenario: [14] btrim, ltrim and rtrim with a character set
    Given any graph
    When executing query:
      """
      RETURN btrim('xxhixx', 'x') AS b, ltrim('xxhixx', 'x') AS l, rtrim('xxhixx', 'x') AS r
      """
    Then the result should be, in any order:
      | b    | l      | r      |
      | 'hi' | 'hixx' | 'xxhi' |
    And no side effects

  Scenario: [15] The character set is a set of characters, in any order
    Given any graph
    When executing query:
      """
      RETURN btrim('abcHELLOcba', 'cab') AS a, btrim('-=-a=b-=-', '=-') AS b, ltrim('aabbc', 'ba') AS c
      """
    Then the result should be, in any order:
      | a       | b     | c   |
      | 'HELLO' | 'a=b' | 'c' |
    And no side effects

  Scenario: [16] Without a character set, the trims remove whitespace
    Given any graph
    When executing query:
      """
      RETURN btrim('  a  ') AS b, ltrim('  a  ') AS l, rtrim('  a  ') AS r
      """
    Then the result should be, in any order:
      | b   | l     | r     |
      | 'a' | 'a  ' | '  a' |
    And no side effects

  Scenario: [17] Trimming every character leaves the empty string; an empty set trims nothing
    Given any graph
    When executing query:
      """
      RETURN btrim('aaa', 'a') AS all, btrim(' a ', '') AS none, rtrim('', 'x') AS empty
      """
    Then the result should be, in any order:
      | all | none  | empty |
      | ''  | ' a ' | ''    |
    And no side effects

  Scenario: [18] The trims of null are null
    Given any graph
    When executing query:
      """
      RETURN btrim(null, 'x') AS a, ltrim('x', null) AS b, rtrim(null) AS c
      """
    Then the result should be, in any order:
      | a    | b    | c    |
      | null | null | null |
    And no side effects

  Scenario: [19] normalize() to each normal form
    Given any graph
    When executing query:
      """
      RETURN normalize('e\u0301') = '\u00e9' AS nfc, size(normalize('\u00e9', NFD)) AS nfd,
             normalize('\uFB01', NFKC) AS nfkc, size(normalize('\uFB01', NFKD)) AS nfkd,
             normalize('\uFB01') AS keptByNfc, normalize(null) AS nothing
      """
    Then the result should be, in any order:
      | nfc  | nfd | nfkc | nfkd | keptByNfc | nothing |
      | true | 2   | 'fi' | 2    | 'ﬁ'       | null    |
    And no side effects

  Scenario: [20] char_length and character_length count characters
    Given any graph
    When executing query:
      """
      RETURN char_length('abc') AS a, character_length('') AS b, char_length('Астана') AS c, char_length(null) AS d
      """
    Then the result should be, in any order:
      | a | b | c | d    |
      | 3 | 0 | 6 | null |
    And no side effects

  Scenario: [21] isEmpty() of lists, strings and maps
    Given any graph
    When executing query:
      """
      RETURN isEmpty([]) AS a, isEmpty([null]) AS b, isEmpty('') AS c, isEmpty(' ') AS d,
             isEmpty({}) AS e, isEmpty({k: null}) AS f, isEmpty(null) AS g
      """
    Then the result should be, in any order:
      | a    | b     | c    | d     | e    | f     | g    |
      | true | false | true | false | true | false | null |
    And no side effects

  Scenario: [22] isEmpty() of a number is a type error
    Given any graph
    When executing query:
      """
      RETURN isEmpty(1) AS x
      """
    Then a TypeError should be raised at any time: InvalidArgumentValue

  Scenario: [23] coll.sort sorts in ORDER BY's order, nulls last
    Given any graph
    When executing query:
      """
      RETURN coll.sort([3, 1, null, 2.5]) AS a, coll.sort([]) AS b, coll.sort(['b', 1, 'a', true, [0]]) AS c
      """
    Then the result should be, in any order:
      | a                  | b  | c                          |
      | [1, 2.5, 3, null]  | [] | [[0], 'a', 'b', true, 1]   |
    And no side effects

  Scenario: [24] coll.distinct keeps first occurrences in order
    Given any graph
    When executing query:
      """
      RETURN coll.distinct([2, 1, 2, 'a', 'a', null, null, 1]) AS l, coll.distinct([]) AS e
      """
    Then the result should be, in any order:
      | l                  | e  |
      | [2, 1, 'a', null]  | [] |
    And no side effects

  Scenario: [25] coll.flatten one level, or to a depth
    Given any graph
    When executing query:
      """
      RETURN coll.flatten([[1, 2], [3, [4]], 5]) AS one, coll.flatten([[1, [2, [3]]]], 2) AS two, coll.flatten([]) AS empty
      """
    Then the result should be, in any order:
      | one                  | two            | empty |
      | [1, 2, 3, [4], 5]    | [1, 2, [3]]    | []    |
    And no side effects

  Scenario: [26] coll.indexOf finds the first equal element, or -1
    Given any graph
    When executing query:
      """
      RETURN coll.indexOf([1, 2, 3, 2], 2) AS a, coll.indexOf([1, 2], 5) AS b, coll.indexOf([], 1) AS c, coll.indexOf(['a', 'b'], 'b') AS d
      """
    Then the result should be, in any order:
      | a | b  | c  | d |
      | 1 | -1 | -1 | 1 |
    And no side effects

  Scenario: [27] coll.insert at the front, inside and at the end
    Given any graph
    When executing query:
      """
      RETURN coll.insert([1, 2], 0, 0) AS front, coll.insert([1, 3], 1, 2) AS inside, coll.insert([1, 2], 2, 3) AS end, coll.insert([], 0, 'x') AS empty
      """
    Then the result should be, in any order:
      | front     | inside    | end       | empty |
      | [0, 1, 2] | [1, 2, 3] | [1, 2, 3] | ['x'] |
    And no side effects

  Scenario: [28] coll.insert past the end of the list is an argument error
    Given any graph
    When executing query:
      """
      RETURN coll.insert([1, 2], 5, 0) AS l
      """
    Then a ArgumentError should be raised at runtime: NumberOutOfRange

  Scenario: [29] coll.remove takes out the element at an index
    Given any graph
    When executing query:
      """
      RETURN coll.remove([1, 2, 3], 1) AS a, coll.remove([1, 2, 3], 0) AS b, coll.remove(['x'], 0) AS c
      """
    Then the result should be, in any order:
      | a      | b      | c  |
      | [1, 3] | [2, 3] | [] |
    And no side effects

  Scenario: [30] coll.remove outside the list is an argument error
    Given any graph
    When executing query:
      """
      RETURN coll.remove([1, 2, 3], 3) AS l
      """
    Then a ArgumentError should be raised at runtime: NumberOutOfRange

  Scenario: [31] coll.max and coll.min skip nulls; null for an empty list
    Given any graph
    When executing query:
      """
      RETURN coll.max(['b', 'a', null]) AS a, coll.min([2, 1.5, null]) AS b, coll.max([]) AS c, coll.min([null]) AS d
      """
    Then the result should be, in any order:
      | a   | b   | c    | d    |
      | 'b' | 1.5 | null | null |
    And no side effects

  Scenario: [32] The coll functions of a null list are null
    Given any graph
    When executing query:
      """
      RETURN coll.sort(null) AS a, coll.distinct(null) AS b, coll.max(null) AS c
      """
    Then the result should be, in any order:
      | a    | b    | c    |
      | null | null | null |
    And no side effects

  Scenario: [33] A coll function on a value that is not a list is a type error
    Given any graph
    When executing query:
      """
      RETURN coll.sort('abc') AS l
      """
    Then a TypeError should be raised at any time: InvalidArgumentValue

  Scenario: [34] An OFFSET after RETURN ... SKIP is a clause of its own, refused after RETURN
    Given any graph
    When executing query:
      """
      UNWIND [1, 2, 3] AS x
      RETURN x SKIP 1 OFFSET 1
      """
    Then a SyntaxError should be raised at compile time: InvalidClauseComposition

  Scenario: [35] NULLS LAST with DISTINCT
    Given any graph
    When executing query:
      """
      UNWIND [1, 2, null, 1, null] AS x
      RETURN DISTINCT x ORDER BY x DESC NULLS LAST
      """
    Then the result should be, in order:
      | x    |
      | 2    |
      | 1    |
      | null |
    And no side effects

  Scenario: [36] NULLS FIRST on a grouping key
    Given any graph
    When executing query:
      """
      UNWIND [1, 2, null, 2] AS x
      RETURN x, count(*) AS c ORDER BY x NULLS FIRST
      """
    Then the result should be, in order:
      | x    | c |
      | null | 1 |
      | 1    | 1 |
      | 2    | 2 |
    And no side effects

  Scenario: [37] coll.max and coll.min over mixed types follow ORDER BY's order
    Given any graph
    When executing query:
      """
      RETURN coll.max([1, 'a', true]) AS max, coll.min([1, 'a', true]) AS min, coll.sort([[2], [1, 2], [1]]) AS lists
      """
    Then the result should be, in any order:
      | max | min | lists                 |
      | 1   | 'a' | [[1], [1, 2], [2]]    |
    And no side effects

  Scenario: [38] coll.insert at a negative index is an argument error
    Given any graph
    When executing query:
      """
      RETURN coll.insert([1], -1, 0) AS l
      """
    Then a ArgumentError should be raised at runtime: NumberOutOfRange

  Scenario: [39] normalize() of a number is a type error
    Given any graph
    When executing query:
      """
      RETURN normalize(1) AS s
      """
    Then a TypeError should be raised at any time: InvalidArgumentValue

  Scenario: [40] NULLS FIRST with values of several types
    Given any graph
    When executing query:
      """
      UNWIND ['b', null, 'a', 1, true] AS x
      RETURN x ORDER BY x NULLS FIRST
      """
    Then the result should be, in order:
      | x    |
      | null |
      | 'a'  |
      | 'b'  |
      | true |
      | 1    |
    And no side effects

  Scenario: [41] valueType() of a nested list
    Given any graph
    When executing query:
      """
      RETURN valueType([[1], [2]]) AS v
      """
    Then the result should be, in any order:
      | v                                                 |
      | 'LIST<LIST<INTEGER NOT NULL> NOT NULL> NOT NULL'  |
    And no side effects
