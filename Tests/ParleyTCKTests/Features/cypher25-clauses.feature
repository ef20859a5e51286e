# Parley's own scenarios, in the notation of the openCypher TCK: Cypher 25's LET, FILTER,
# FINISH and standalone ORDER BY / OFFSET / LIMIT, and trim's SQL form. Expected results are
# worked out by hand from the semantics the Neo4j Cypher Manual documents.

Feature: Cypher25Clauses - LET, FILTER, FINISH, standalone ORDER BY and LIMIT, trim with a side

  Scenario: [1] LET binds a new variable and keeps the others in scope
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'Ann', age: 31}), (:P {name: 'Bo', age: 17})
      """
    When executing query:
      """
      MATCH (p:P)
      LET adult = p.age >= 18
      RETURN p.name AS name, adult
      """
    Then the result should be, in any order:
      | name  | adult |
      | 'Ann' | true  |
      | 'Bo'  | false |
    And no side effects

  Scenario: [2] A LET binding sees the bindings before it
    Given any graph
    When executing query:
      """
      LET a = 2, b = a * 3
      LET c = a + b
      RETURN a, b, c
      """
    Then the result should be, in any order:
      | a | b | c |
      | 2 | 6 | 8 |
    And no side effects

  Scenario: [3] LET cannot rebind a variable in scope
    Given any graph
    When executing query:
      """
      UNWIND [1] AS x
      LET x = 2
      RETURN x
      """
    Then a SyntaxError should be raised at compile time: VariableAlreadyBound

  Scenario: [4] LET cannot aggregate
    Given any graph
    When executing query:
      """
      UNWIND [1, 2] AS x
      LET total = sum(x)
      RETURN total
      """
    Then a SyntaxError should be raised at compile time: InvalidAggregation

  Scenario: [5] A query cannot end with LET
    Given any graph
    When executing query:
      """
      UNWIND [1] AS x
      LET y = x
      """
    Then a SyntaxError should be raised at compile time: InvalidClauseComposition

  Scenario: [6] FILTER keeps the rows whose predicate is true, dropping false and null
    Given any graph
    When executing query:
      """
      UNWIND [1, null, 3, 4] AS x
      FILTER x > 2
      RETURN x
      """
    Then the result should be, in any order:
      | x |
      | 3 |
      | 4 |
    And no side effects

  Scenario: [7] FILTER may be written with WHERE
    Given any graph
    When executing query:
      """
      UNWIND ['a', 'bb', 'ccc'] AS s
      FILTER WHERE size(s) <> 2
      RETURN s
      """
    Then the result should be, in any order:
      | s     |
      | 'a'   |
      | 'ccc' |
    And no side effects

  Scenario: [8] FILTER after an aggregation filters the groups
    Given any graph
    When executing query:
      """
      UNWIND [1, 1, 2, 3, 3, 3] AS x
      WITH x, count(*) AS n
      FILTER n > 1
      RETURN x, n
      """
    Then the result should be, in any order:
      | x | n |
      | 1 | 2 |
      | 3 | 3 |
    And no side effects

  Scenario: [9] A standalone ORDER BY with LIMIT cuts the rows before the next clause
    Given any graph
    When executing query:
      """
      UNWIND [4, 1, 3, 2] AS x
      ORDER BY x DESC
      LIMIT 2
      RETURN collect(x) AS top
      """
    Then the result should be, in any order:
      | top    |
      | [4, 3] |
    And no side effects

  Scenario: [10] A standalone OFFSET skips rows
    Given any graph
    When executing query:
      """
      UNWIND [4, 1, 3, 2] AS x
      ORDER BY x
      OFFSET 3
      RETURN x
      """
    Then the result should be, in any order:
      | x |
      | 4 |
    And no side effects

  Scenario: [11] A standalone LIMIT of zero leaves no rows
    Given any graph
    When executing query:
      """
      UNWIND [1, 2] AS x
      LIMIT 0
      RETURN x
      """
    Then the result should be empty
    And no side effects

  Scenario: [12] FINISH returns nothing but its writes happen
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 2, 3] AS i
      CREATE (:N {i: i})
      FINISH
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 3 |
      | +labels     | 1 |
      | +properties | 3 |

  Scenario: [13] A read query may end with FINISH
    Given any graph
    When executing query:
      """
      MATCH (n)
      FINISH
      """
    Then the result should be empty
    And no side effects

  Scenario: [14] FINISH must be the last clause
    Given any graph
    When executing query:
      """
      UNWIND [1] AS x
      FINISH
      RETURN x
      """
    Then a SyntaxError should be raised at compile time: InvalidClauseComposition

  Scenario: [15] trim with a side and a character
    Given any graph
    When executing query:
      """
      RETURN trim(BOTH 'x' FROM 'xxaxx') AS b, trim(LEADING 'x' FROM 'xxaxx') AS l,
             trim(TRAILING 'x' FROM 'xxaxx') AS t, trim('x' FROM 'xax') AS d
      """
    Then the result should be, in any order:
      | b   | l     | t     | d   |
      | 'a' | 'axx' | 'xxa' | 'a' |
    And no side effects

  Scenario: [16] trim with a side but no character trims whitespace; null gives null
    Given any graph
    When executing query:
      """
      RETURN trim(LEADING FROM '  a  ') AS l, trim(BOTH null FROM 'a') AS n
      """
    Then the result should be, in any order:
      | l     | n    |
      | 'a  ' | null |
    And no side effects

  Scenario: [17] trim removes one character, not a set
    Given any graph
    When executing query:
      """
      RETURN trim(BOTH 'xy' FROM 'xya') AS t
      """
    Then a ArgumentError should be raised at runtime: InvalidArgumentValue
